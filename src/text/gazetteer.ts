import type { Topic } from '../library/types.ts';

export type NameKind = 'country' | 'place' | 'person' | 'org';

/**
 * Names the bot knows the kind of: the taxonomy's countries, places, people and bodies, plus a
 * few places the releases mention that a taxonomy may lack. Keys are lower-case phrases.
 */
export class Gazetteer {
  readonly names = new Map<string, NameKind>();
  /** Longest name in words, to bound phrase lookups. */
  maxWords = 1;
  /** A country's demonyms, lower case, to its name: "kazakh" to "Kazakhstan". */
  readonly demonyms = new Map<string, string>();

  constructor(topics: Topic[]) {
    for (const name of BUILT_IN_PLACES) this.put(name, 'place');
    for (const name of BUILT_IN_COUNTRIES) this.put(name, 'country');
    for (const topic of topics) {
      const kind = kindOf(topic);
      if (!kind) continue;
      for (const name of [topic.label, ...topic.aliases]) {
        // Demonyms and lower-case aliases ("Afghan", "drugs") are not names of the thing; a
        // demonym may be the name's stem ("Kazakh", "Tajik").
        const demonym = name !== topic.label && !name.includes(' ') && (DEMONYM.test(name) || topic.label.startsWith(name));
        // Only a word formed on the name ("Chinese", "Afghan"), not a capital listed with it.
        if (kind === 'country' && demonym && name.slice(0, 3).toLowerCase() === topic.label.slice(0, 3).toLowerCase()) this.demonyms.set(name.toLowerCase(), topic.label);
        if (!/^\p{Lu}/u.test(name) || (kind !== 'person' && kind !== 'org' && demonym)) continue;
        this.put(name, kind);
      }
    }
  }

  private put(name: string, kind: NameKind): void {
    const key = name.toLowerCase().replace(/\s+/g, ' ').trim();
    if (!key || this.names.has(key)) return;
    this.names.set(key, kind);
    this.maxWords = Math.max(this.maxWords, key.split(' ').length);
  }

  kindOf(phrase: string): NameKind | undefined {
    return this.names.get(phrase.toLowerCase());
  }
}

/** Whether a name is a city or a country by the built-in lists (taxonomy aliases mix the two). */
export function builtInKind(name: string): 'place' | 'country' | undefined {
  return BUILT_IN_KINDS.get(name.toLowerCase());
}

const DEMONYM = /(ian|ean|ese|ish|ic|i|an|ak|ek|yz)s?$/;

function kindOf(topic: Topic): NameKind | null {
  switch (topic.kind) {
    case 'member':
    case 'observer':
    case 'partner':
    case 'country':
      return 'country';
    case 'place':
      return 'place';
    case 'person':
      return 'person';
    case 'body':
    case 'acronym':
      return 'org';
    default:
      return null;
  }
}

const BUILT_IN_COUNTRIES = [
  'China', 'Kazakhstan', 'Kyrgyzstan', 'Russia', 'Tajikistan', 'Uzbekistan', 'India', 'Pakistan', 'Iran', 'Belarus',
  'Mongolia', 'Afghanistan', 'Turkmenistan', 'Azerbaijan', 'Armenia', 'Cambodia', 'Nepal', 'Sri Lanka', 'Turkey',
  'Türkiye', 'Egypt', 'Qatar', 'Saudi Arabia', 'Maldives', 'Bahrain', 'United Arab Emirates', 'UAE', 'Myanmar',
  'Kuwait', 'Laos', 'Germany', 'France', 'United States', 'Japan', 'Russian Federation', 'Kyrgyz Republic',
];

const BUILT_IN_PLACES = [
  'Beijing', 'Shanghai', 'Astana', 'Nur-Sultan', 'Bishkek', 'Moscow', 'Dushanbe', 'Tashkent', 'New Delhi', 'Delhi',
  'Islamabad', 'Tehran', 'Minsk', 'Ulaanbaatar', 'Kabul', 'Ashgabat', 'St Petersburg', 'St. Petersburg',
  'Saint Petersburg', 'Qingdao', 'Tianjin', 'Samarkand', 'Munich', 'Geneva', 'Vienna', 'New York', 'Goa', 'Panaji',
  'Kunming', 'Yunnan', 'Hong Kong', 'Eurasia', 'Europe', 'Asia', 'Central Asia', 'South Asia', 'Americas', 'Africa',
  'Sochi', 'Ufa', 'Chelyabinsk', 'Almaty', 'Osh', 'Bukhara', 'Khiva', 'Wuhan', 'Xian', "Xi'an", 'Urumqi', 'Istanbul',
];

/** Lower-case built-in names by kind, so builtInKind (run per topic name per question term) is one lookup. */
const BUILT_IN_KINDS = new Map<string, 'place' | 'country'>([
  ...BUILT_IN_COUNTRIES.map((c): [string, 'country'] => [c.toLowerCase(), 'country']),
  // Places last: a name on both lists reads as a place, as the list scan did.
  ...BUILT_IN_PLACES.map((p): [string, 'place'] => [p.toLowerCase(), 'place']),
]);
