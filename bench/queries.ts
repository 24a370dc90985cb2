/**
 * The fixed workload of the benchmarks: what people type after `/sco` (1-3 words, with typos,
 * aliases and acronyms) and what they ask the bot. The same list runs through the library and
 * through both baselines.
 */
export const LOOKUPS: readonly string[] = [
  'afghanistan',
  'norov',
  'drug trafficking',
  'RATS',
  'tashkent summit',
  'energy security',
  'interbank consortium',
  'samarkand',
  'youth',
  'Kazakh delegation',
  'counter-terrorism exercise',
  'Alimov Bishkek',
  // typos
  'uzbekistn',
  'kazakstan',
  'alimow',
  'public helth',
  'cybersecurty forum',
  'secretery general',
  // aliases and acronyms
  'Nur-Sultan',
  'Turkey',
  'CFM',
  'heads of state',
  'SCO IBC',
  'Kyrgyz Republic',
];

export const QUESTIONS: readonly string[] = [
  'When did Norov visit Tashkent?',
  'Who heads the RATS Executive Committee?',
  'How many drugs were seized in 2016?',
  'Where will the next summit on energy security be held?',
  'What did the Interbank Consortium discuss in Moscow?',
  'Who met the delegation of Pakistan?',
  'When was the conference on digital economy in Samarkand?',
  'What did the Afghan side report about drug trafficking?',
  'Which countries attended the forum on public health?',
  'Did the SCO discuss climate change with ASEAN?',
  'who is the secretary general',
  'what happened in Qingdao in 2018?',
];
