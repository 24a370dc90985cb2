/**
 * The words synthetic releases are drawn from: SCO-like names, places, bodies, acronyms and the
 * prose of the Secretariat's press releases. Kept apart from the generator so the bench's query
 * set can name the same things.
 */

export const MEMBERS = [
  'China', 'Kazakhstan', 'Kyrgyzstan', 'Russia', 'Tajikistan', 'Uzbekistan', 'India', 'Pakistan', 'Iran', 'Belarus',
];
export const PARTNERS = [
  'Mongolia', 'Afghanistan', 'Azerbaijan', 'Armenia', 'Cambodia', 'Nepal', 'Sri Lanka', 'Türkiye', 'Egypt', 'Qatar',
  'Saudi Arabia', 'Maldives', 'Bahrain', 'United Arab Emirates', 'Myanmar', 'Kuwait', 'Laos',
];
export const DEMONYMS = [
  'Chinese', 'Kazakh', 'Kyrgyz', 'Russian', 'Tajik', 'Uzbek', 'Indian', 'Pakistani', 'Iranian', 'Belarusian', 'Mongolian',
  'Afghan',
];
export const CITIES = [
  'Beijing', 'Astana', 'Bishkek', 'Moscow', 'Dushanbe', 'Tashkent', 'New Delhi', 'Islamabad', 'Tehran', 'Minsk', 'Shanghai',
  'Qingdao', 'Samarkand', 'Ufa', 'Tianjin', 'Almaty', 'Osh', 'Bukhara', 'Khujand', 'St Petersburg', 'Goa', 'Cholpon-Ata',
  'Munich', 'Geneva', 'Vienna', 'New York', 'Ulaanbaatar', 'Kabul',
];
export const PEOPLE = [
  'Vladimir Norov', 'Rashid Alimov', 'Zhang Ming', 'Nurlan Yermekbayev', 'Dmitry Mezentsev', 'Muratbek Imanaliev',
  'Bolat Nurgaliyev', 'Zhang Deguang', 'Jumakhon Giyosov', 'Ruslan Mirzaev', 'Sohail Mahmood', 'Narendra Modi',
];
export const TITLES = [
  'SCO Secretary-General', 'Deputy Secretary-General', 'Director of the RATS Executive Committee', 'Foreign Minister',
  'Ambassador', 'Permanent Representative', 'National Coordinator', 'Chairman of the Interbank Consortium',
];
export const BODIES = [
  'the Regional Anti-Terrorist Structure', 'RATS', 'the Council of Heads of State', 'the Council of Heads of Government',
  'the Council of Ministers of Foreign Affairs', 'the Council of National Coordinators', 'the SCO Interbank Consortium',
  'the SCO Business Council', 'the SCO Secretariat', 'UNODC', 'the CSTO', 'the CIS', 'the EAEU', 'ASEAN', 'CICA',
  'the SCO Youth Council', 'the SCO Energy Club', 'the SCO University',
];
export const THEMES = [
  'counter-terrorism', 'drug trafficking', 'energy security', 'transport connectivity', 'digital economy', 'food security',
  'public health', 'tourism', 'education', 'cultural exchange', 'climate change', 'customs cooperation', 'e-commerce',
  'border security', 'cybersecurity', 'green development', 'poverty reduction', 'interbank cooperation', 'agriculture',
  'disaster relief', 'information security', 'extremism', 'separatism', 'regional stability', 'humanitarian ties',
];
export const EVENTS = [
  'summit', 'meeting', 'conference', 'forum', 'round table', 'videoconference', 'exhibition', 'seminar', 'briefing',
  'joint exercise', 'observer mission', 'working visit', 'consultations', 'festival', 'marathon',
];
export const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
];

/** Plain prose of the releases: filler words that give the index a realistic spread. */
export const PROSE = (
  'the organisation cooperation member states parties discussed issues of mutual interest noted importance further ' +
  'development relations stressed need strengthen practical interaction within framework agreed continue dialogue ' +
  'expressed support initiatives aimed ensuring peace stability security region welcomed participants exchanged views ' +
  'current state prospects multilateral partnership joint projects implementation decisions adopted previous session ' +
  'programme activities action plan measures economic trade investment growth infrastructure logistics routes ' +
  'railway highway corridor connectivity sustainable inclusive balanced fair international law charter principles ' +
  'equality respect sovereignty territorial integrity noninterference internal affairs consensus spirit trust benefit ' +
  'consultation diversity civilisations common prosperity shared future humanity delegation headed attended took part ' +
  'opened ceremony speech address remarks congratulated anniversary founding celebrated achievements highlighted ' +
  'results year chairmanship presidency host country proposed signed memorandum understanding protocol agreement ' +
  'document declaration statement communique roadmap concept strategy until adopted approved considered reviewed ' +
  'experts officials representatives ministries agencies departments institutions universities media journalists ' +
  'youth women business community entrepreneurs banks funds financing credit settlement national currencies payment ' +
  'systems digital platforms technologies innovation research science startups artificial intelligence data ' +
  'networks telecommunications satellite navigation space exploration nuclear energy renewable solar wind hydropower ' +
  'oil gas pipelines water resources irrigation crops grain harvest livestock veterinary sanitary standards quality ' +
  'medicines vaccines pandemic hospitals doctors traditional medicine sports games athletes tournament champions ' +
  'museum heritage art music theatre cinema film literature translation language books library exhibition visitors ' +
  'tourists travel visa hotels heritage sites ancient silk road caravan history culture traditions people friendship ' +
  'neighbourliness good solidarity mutual assistance emergency situations earthquakes floods disasters rescue teams ' +
  'training exercises police special services intelligence threats challenges terrorism extremism separatism drugs ' +
  'narcotics precursors smuggling weapons illegal migration organised crime money laundering financing cyber attacks ' +
  'internet propaganda radicalisation prevention monitoring analysis information exchange database lists wanted ' +
  'persons operations seized detained arrested destroyed laboratories routes borders checkpoints customs cargo ' +
  'containers freight transit ports airports flights passengers goods services exports imports volume billion ' +
  'million percent dollars yuan roubles increase decrease compared period last previous quarter half figures ' +
  'statistics report published presented launched announced invited welcomed guests ambassadors observers partners ' +
  'dialogue status application accession procedure memorandum obligations commitments candidates expansion enlargement'
).split(' ');

/** Syllables for long-tail names (villages, surnames, enterprises) so the vocabulary keeps growing with size. */
export const SYLLABLES = [
  'ka', 'zan', 'tor', 'bek', 'ab', 'dul', 'lo', 'mir', 'sha', 'han', 'gul', 'nur', 'tash', 'ku', 'rgan', 'sar', 'ay',
  'dar', 'bol', 'at', 'yer', 'mek', 'zha', 'ng', 'li', 'wei', 'xin', 'qi', 'ao', 'ruk', 'hon', 'tem', 'ir', 'ov', 'ev',
];
