import { findDates } from './dates.ts';
import type { Gazetteer, NameKind } from './gazetteer.ts';
import type { Token, WinkEntity } from './tokens.ts';
import { STOP_WORDS } from './words.ts';

export type EntityKind = 'date' | 'number' | 'percent' | 'ordinal' | NameKind;

export interface Entity {
  kind: EntityKind;
  text: string;
  /** Token indexes, inclusive. */
  first: number;
  last: number;
}

/** Words that stand before a name and are not part of it. */
const TITLES = new Set(
  ('secretary-general deputy secretary general minister prime president vice-president chairman chairperson chair ' +
    'director director-general ambassador representative coordinator head executive chief envoy mayor vice-mayor ' +
    'governor foreign premier king queen prince senator expert chargé spokesman spokesperson commissioner adviser ' +
    'advisor assistant special regional permanent acting first mr mrs ms dr prof professor general colonel extraordinary plenipotentiary ' +
    'sco un uzbek chinese russian indian kazakh tajik kyrgyz pakistani iranian afghan belarusian turkmen mongolian').split(' '),
);
/** Titles that can stand alone before a surname ("President Mirziyoyev"); "SCO" or "Foreign" cannot. */
const TRUE_TITLES = new Set(
  ('secretary-general minister president chairman chairperson director director-general ambassador representative ' +
    'coordinator envoy mayor vice-mayor governor premier king queen prince senator expert commissioner adviser advisor ' +
    'professor general colonel spokesman spokesperson head chief chair vice-president').split(' '),
);
/** Lower-case words inside a name: "Bank of China", "Palais des Nations", "Abu al Hasan". */
const NAME_LINKS = new Set(['of', 'for', 'on', 'and', 'the', 'de', 'des', 'du', 'del', 'della', 'der', 'von', 'van', 'al']);
const FOREIGN_LINKS = new Set(['de', 'des', 'du', 'del', 'della', 'der', 'von', 'van']);
const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'dr', 'prof', 'mr.', 'mrs.', 'ms.', 'dr.']);
/** Words that make a capitalised run a body or an event rather than a person. */
const ORG_WORDS = new Set(
  ('sco organisation organization council committee commission secretariat structure bank banks company ltd ltd. corporation ' +
    'fund consortium association federation group ministry office department agency institute university academy ' +
    'centre center initiative pact process declaration convention charter league union forum conference summit ' +
    'day week year programme program strategy platform mission exhibition tour games marathon club bureau embassy ' +
    'congress parliament assembly government party media news agency radio television magazine website tass xinhua ' +
    'plus spirit format contact board state states heads orchestra ensemble choir theatre team measures cooperation ' +
    'appeal treaty agreement memorandum communique statement').split(' '),
);
const PLACE_WORDS = new Set(['city', 'province', 'region', 'hall', 'hotel', 'square', 'street', 'district', 'oblast', 'republic', 'island', 'valley', 'lake', 'palace', 'park', 'headquarters']);
const PLACE_PREPOSITIONS = new Set(['in', 'at', 'to', 'from', 'near', 'outside', 'inside', 'across', 'within']);
const MONTHS = new Set('january february march april may june july august september october november december'.split(' '));
const NUMBER_MODIFIERS = ['more than', 'over', 'some', 'about', 'around', 'nearly', 'almost', 'up to', 'at least', 'fewer than', 'less than', 'approximately', 'roughly', 'as many as', 'over the', 'close to'];

function isCapital(t: Token): boolean {
  return /^\p{Lu}/u.test(t.text) && !STOP_WORDS.has(t.lower) && !MONTHS.has(t.lower) && t.pos !== 'PUNCT';
}

/**
 * Entities of a sentence: dates (with ranges), numbers, percents and ordinals (wink's, widened to
 * "more than 20 questions"), and the names in it classed as person, place, country or body by
 * the gazetteer, titles ("Foreign Minister Abdulaziz Kamilov") and the words around them.
 */
export function findEntities(text: string, tokens: Token[], wink: WinkEntity[], gazetteer: Gazetteer): Entity[] {
  const entities: Entity[] = [];
  const taken = new Array<boolean>(tokens.length).fill(false);
  const span = (start: number, end: number): [number, number] | null => {
    let first = -1;
    let last = -1;
    tokens.forEach((t, i) => {
      if (t.start >= start && t.end <= end) {
        if (first < 0) first = i;
        last = i;
      }
    });
    return first < 0 ? null : [first, last];
  };
  const add = (kind: EntityKind, first: number, last: number, name?: string) => {
    for (let i = first; i <= last; i++) taken[i] = true;
    entities.push({ kind, first, last, text: name ?? text.slice(tokens[first]!.start, tokens[last]!.end) });
  };

  for (const d of findDates(text)) {
    const s = span(d.start, d.end);
    if (s) add('date', s[0], s[1]);
  }
  for (const e of wink) {
    const kind = e.type === 'PERCENT' ? 'percent' : e.type === 'ORDINAL' ? 'ordinal' : e.type === 'CARDINAL' || e.type === 'MONEY' ? 'number' : null;
    if (!kind) continue;
    const s = span(e.start, e.end);
    if (!s || taken.slice(s[0], s[1] + 1).some(Boolean)) continue;
    // "Khabar 24", "COVID-19": a number right after a name is part of the name.
    const prev = tokens[s[0] - 1];
    if (prev && s[0] > 1 && /^\p{Lu}/u.test(prev.text) && !MONTHS.has(prev.lower) && /^\d/.test(tokens[s[0]]!.text)) continue;
    // "Eight Wonders Exhibition Tour": a capitalised number word inside a name is not a count.
    const word = tokens[s[1]]!;
    if (s[0] > 0 && /^\p{Lu}\p{Ll}/u.test(word.text) && /^\p{Lu}/u.test(tokens[s[1] + 1]?.text ?? '')) continue;
    let [first, last] = s;
    for (const mod of NUMBER_MODIFIERS) {
      const words = mod.split(' ');
      const from = first - words.length;
      if (from >= 0 && words.every((w, k) => tokens[from + k]!.lower === w)) {
        first = from;
        break;
      }
    }
    // "16 observers", "18 countries", "ten international organisations": the counted thing.
    if (kind === 'number') {
      let j = last + 1;
      if (tokens[j]?.pos === 'ADJ' && tokens[j + 1]?.pos === 'NOUN') j++;
      if (tokens[j] && tokens[j]!.pos === 'NOUN' && !STOP_WORDS.has(tokens[j]!.lower) && !taken[j]) {
        last = j;
        // A compound: "eight member banks", "200 sports enthusiasts".
        if (tokens[j + 1]?.pos === 'NOUN' && !STOP_WORDS.has(tokens[j + 1]!.lower) && !taken[j + 1]) last = j + 1;
      }
    }
    add(kind, first, last);
  }
  // Numbers wink missed ("44.5", "2,000"), when not part of something already found.
  tokens.forEach((t, i) => {
    const prev = tokens[i - 1];
    const inName = prev !== undefined && i > 1 && /^\p{Lu}/u.test(prev.text) && !MONTHS.has(prev.lower);
    if (!taken[i] && !inName && /^\d[\d,.]*$/.test(t.text)) add('number', i, i);
  });

  names(tokens, taken, gazetteer, add);
  // "the UN Office on Drugs and Crime (UNODC)": a body's name keeps the acronym people know it by.
  for (const e of entities) {
    const acronym = tokens[e.last + 2];
    if (e.kind !== 'org' || tokens[e.last + 1]?.text !== '(' || tokens[e.last + 3]?.text !== ')' || !acronym || !/^[\p{Lu}][\p{Lu}\d.&-]+$/u.test(acronym.text)) continue;
    e.last += 3;
    e.text = text.slice(tokens[e.first]!.start, tokens[e.last]!.end);
  }
  return entities.sort((a, b) => a.first - b.first);
}

function names(tokens: Token[], taken: boolean[], gazetteer: Gazetteer, add: (k: EntityKind, f: number, l: number, name?: string) => void): void {
  let i = 0;
  while (i < tokens.length) {
    const honorific = HONORIFICS.has(tokens[i]!.lower) && /^\p{Lu}/u.test(tokens[i + 1]?.text ?? '');
    if (taken[i] || !(isCapital(tokens[i]!) || honorific)) {
      i++;
      continue;
    }
    // A run of capitalised words, allowing "of", "for", "des" and the like between them.
    let j = i;
    while (j + 1 < tokens.length) {
      const next = tokens[j + 1]!;
      if (!taken[j + 1] && isCapital(next)) {
        j++;
        continue;
      }
      const after = tokens[j + 2];
      if (NAME_LINKS.has(next.lower) && after && !taken[j + 2] && isCapital(after) && !HONORIFICS.has(tokens[i]!.lower)) {
        j += 2;
        continue;
      }
      break;
    }
    classify(tokens, i, j, gazetteer, add);
    i = j + 1;
  }
}

function classify(tokens: Token[], first: number, last: number, gazetteer: Gazetteer, add: (k: EntityKind, f: number, l: number, name?: string) => void): void {
  const run = tokens.slice(first, last + 1);
  const lowers = run.map((t) => t.lower);
  const phrase = run.map((t) => t.text).join(' ');
  const known = gazetteer.kindOf(phrase);
  if (known) return add(known, first, last);
  // "the Kazakh presidency": the country, named as people would answer.
  const country = run.length === 1 && tokens[last + 1]?.pos === 'NOUN' ? gazetteer.demonyms.get(lowers[0]!) : undefined;
  if (country) return add('country', first, last, country);

  // "India and Pakistan", "Secretariat and Uzbekistan": two names, unless the whole is one body
  // ("UN Office on Drugs and Crime").
  const and = lowers.lastIndexOf('and');
  if (and > 0 && !lowers.slice(and + 1).some((w) => ORG_WORDS.has(w))) {
    classify(tokens, first, first + and - 1, gazetteer, add);
    classify(tokens, first + and + 1, last, gazetteer, add);
    return;
  }
  // A title alone ("SCO Secretary-General", "Regional Representative") names nobody.
  if (lowers.every((w) => TITLES.has(w))) return;

  // Honorific: "Mr Tursunov", "Mr. Alimov".
  if (HONORIFICS.has(lowers[0]!) && run.length >= 2) return add('person', first + 1, last);

  const connectors = lowers.some((w) => ['of', 'for', 'on', 'the'].includes(w));
  // Title then name: "SCO Secretary-General Vladimir Norov", "Afghan Foreign Minister Mohammad Haneef Atmar".
  let lastTitle = -1;
  lowers.forEach((w, k) => {
    if (TITLES.has(w)) lastTitle = k;
  });
  if (lastTitle >= 0 && lastTitle < run.length - 1 && !connectors) {
    const rest = lowers.slice(lastTitle + 1);
    const nameLike = rest.length >= 2 || TRUE_TITLES.has(lowers[lastTitle]!);
    if (nameLike && !rest.some((w) => ORG_WORDS.has(w) || PLACE_WORDS.has(w)) && (gazetteer.kindOf(rest.join(' ')) ?? 'person') === 'person' && !/^[\p{Lu}\d.&-]+$/u.test(run[lastTitle + 1]!.text)) {
      return add('person', first + lastTitle + 1, last);
    }
  }

  if (lowers.some((w) => ORG_WORDS.has(w))) return add('org', first, last);
  if (lowers.some((w) => PLACE_WORDS.has(w))) return add('place', first, last);
  // A name the gazetteer knows inside a longer run ("Hotel Beijing", "Central Asia").
  for (let size = Math.min(gazetteer.maxWords, run.length - 1); size >= 1; size--) {
    for (let k = 0; k + size <= run.length; k++) {
      const kind = gazetteer.kindOf(lowers.slice(k, k + size).join(' '));
      if (!kind) continue;
      if (kind === 'person') return add('person', first + k, first + k + size - 1);
      return add(kind === 'org' ? 'org' : 'place', first, last);
    }
  }
  const allCaps = run.every((t) => /^[\p{Lu}\d.&-]{2,}$/u.test(t.text));
  if (allCaps) return add('org', first, last);
  const before = tokens[first - 1]?.lower === 'the' ? tokens[first - 2] : tokens[first - 1];
  // "in Karachi", "at the Palais des Nations": one word, or a name joined the French or Spanish way.
  if ((run.length === 1 || lowers.some((w) => FOREIGN_LINKS.has(w))) && before && PLACE_PREPOSITIONS.has(before.lower)) return add('place', first, last);
  const nameShaped = run.every((t) => t.pos === 'PROPN' && /^\p{Lu}\p{Ll}/u.test(t.text)) && !lowers.some((w) => TITLES.has(w));
  if (run.length >= 2 && run.length <= 4 && !connectors && nameShaped) return add('person', first, last);
  if (run.length >= 2) add('org', first, last);
}
