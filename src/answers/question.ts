import { tokenise } from '../text/tokens.ts';
import { STOP_WORDS } from '../text/words.ts';
import type { AnswerKind } from './types.ts';

export interface QuestionTerm {
  text: string;
  lower: string;
  stem: string;
  /** Verbs are how a question is put more than what it is about; the releases often word them otherwise. */
  verb?: boolean;
}

export interface Question {
  text: string;
  kind: AnswerKind;
  terms: QuestionTerm[];
  /** The verb a who/which question turns on ("led", "chaired"), as a stem; its subject or agent is the answer. */
  focusVerb: string | null;
  /** "which expert ...": the question names the role; a bare "who" does not. */
  role: boolean;
  /** "since when": the answer reads "since 1963". */
  since: boolean;
  /** "which city": a city rather than a country. */
  city: boolean;
  /** "what share / percentage": a percent rather than a count. */
  share: boolean;
  /** "what number conference": an ordinal is an answer. */
  ordinal: boolean;
  /** "What did X say about Y": the stems of Y, which the quoted clause must hold. */
  about: string[];
  /** For "how many X" questions: the stems of X ("international organisations"). */
  counted: string[];
  /** For "which bank", "what fund": the kind of thing asked for, singular ("bank"), which a right answer often names ("Habib Bank Limited"). */
  typeNoun: string | null;
  /** For latest questions: the topic asked about ("" for everything). */
  topic: string | null;
  /** Refers back to the thread's previous question ("and when was that?"). */
  followUp: boolean;
}

interface KindRule {
  kind: AnswerKind;
  pattern: RegExp;
  flags?: Partial<Pick<Question, 'since' | 'city' | 'share' | 'ordinal'>>;
}

/** Checked in order against the lower-cased question; the matched words are not key terms. */
const RULES: KindRule[] = [
  { kind: 'date', pattern: /^(since when|since what year)\b/, flags: { since: true } },
  { kind: 'date', pattern: /^(when|by when|until when|(in|on|from|during|until|till|through|up to|by) (what|which) (year|date|day|month)s?|what (year|date|day|month|time|period)s?|which (year|date|day|month)s?)\b/ },
  { kind: 'org', pattern: /^(?:(?:with|from|by|for|to|of|under|through) )?(which|what) (\w+ )?(organi[sz]ations?|company|companies|bank|banks|body|bodies|institution|agency|corporation|firm|group|media|outlet|fund|declaration|convention|programme|program|document|treaty|agreement)\b/ },
  { kind: 'person', pattern: /^(?:who|whom|whose|(?:which|what) ((?:(?!(?:did|does|do|is|was|were|are|has|have|had|will|would|can|could)\b)[\w-]+ ){0,4}(?:person|official|diplomat|minister|fm|sg|leader|secretary-general|representative|expert|amb?ass?ad?or|vice chair|chair|chairman|chairperson|chairwoman|president|vice-president|head|director|coordinator|envoy|mayor)))\b/ },
  { kind: 'place', pattern: /^(in|at|to) (which|what) (city|town|capital)\b|^(which|what) (city|town|capital)\b/, flags: { city: true } },
  { kind: 'place', pattern: /^(where|(in|at|to) (which|what) (country|place|venue|region|hotel)|(which|what) (country|place|venue|region|hotel))\b/ },
  { kind: 'number', pattern: /^(what|which) (share|percentage|percent|proportion|fraction|part)\b/, flags: { share: true } },
  { kind: 'number', pattern: /^(what|which) (number|edition|anniversary)\b/, flags: { ordinal: true } },
  { kind: 'date', pattern: /^how long\b/, flags: { since: true } },
  { kind: 'number', pattern: /^(how (many|much|large|big|old|often)|what (amount|size|total))\b/ },
  { kind: 'yesno', pattern: /^(is|are|was|were|does|do|did|has|have|had|can|could|will|would|should)\b/ },
];

/** The noun naming what an organisation question asks for ("which pakistani bank"). */
const TYPE_NOUN = /\b(?:which|what) (?:[\w-]+ ){0,2}(organi[sz]ations?|compan(?:y|ies)|banks?|bod(?:y|ies)|institutions?|agenc(?:y|ies)|corporations?|firms?|groups?|outlets?|funds?|declarations?|conventions?|programmes?|programs?|documents?|treat(?:y|ies)|agreements?)\b/;

/** A noun's singular, British spelling, to compare the kind asked for with an answer's words ("agencies", "organizations"). */
export function nounKey(word: string): string {
  return word.replace(/ies$/, 'y').replace(/s$/, '').replace('organiz', 'organis');
}

const ABOUT = '(?:on|about|regarding|concerning|from|with|in|involving|for|re)';
const NEWEST = '(?:latest|newest|most recent|recent|last|new|news|updates?)';
const LATEST: RegExp[] = [
  new RegExp(`^(?:and )?(?:what(?:'s| is| are| was)|any|anything|is there anything|is there any|got anything|give me|show me|tell me) (?:the )?${NEWEST}(?: news| releases?| updates?| statements?| word)?(?: ${ABOUT} (.+))?$`),
  /^(?:what|anything) (?:did|has|have|does) (?:the )?(?:sco|secretariat|organi[sz]ation)(?: secretariat)? (?:say|said|announce|publish|report)(?:ed)? (?:on|about|regarding|concerning) (.+?)(?: recently| lately| of late| this (?:week|month|year))$/,
  new RegExp(`^(?:what(?:'s| is| was)? |any |the )?(?:latest|newest|most recent|recent|last) (?:news |releases? |updates? |word )?${ABOUT} (.+)$`),
  new RegExp(`^(?:latest|news|updates?|newest|most recent) ${ABOUT} (.+)$`),
  // "most recent SCO Model game", "latest condemnation statement from the secretariat".
  /^(?:what(?:'s| is| was) )?(?:the )?(?:latest|newest|most recent) (?!(?:one|time|date|year)\b)(.+)$/,
];

/** Words of the question form that carry no content of their own. */
const QUESTION_WORDS = new Set(['roughly', 'approximately', 'exactly', 'who', 'whom', 'whose', 'what', 'when', 'where', 'which', 'why', 'how', 'sco?', 'please', 'tell', 'know', 'happen', 'happened', 'take', 'took', 'place']);
/** Words people ask with as verbs that wink may read as nouns ("do the SCO countries account for"). */
const QUESTION_VERBS = new Set(['account', 'cover', 'make', 'get', 'hold', 'have', 'include', 'comprise', 'constitute', 'represent', 'amount']);
const LIGHT_VERBS = new Set(['get', 'gets', 'got', 'have', 'has', 'had', 'take', 'takes', 'took', 'make', 'makes', 'made', 'do', 'does', 'did', 'go', 'goes', 'went', 'come', 'came', 'happen', 'happened', 'give', 'gave', 'put', 'run', 'runs', 'last', 'lasts']);
const REFERRING = /\b(that|it|this|they|them|there|he|she|him|her|those|these|then)\b/;

/** Chat wrapping around a question: "quick q:", "do you know when ...", "..., pls". */
const FILLER = /^(?:@?sco,?|hey,?|hi,?|please,?|pls,?|quick q:?|q:|question:|do you know|does anyone know|(?:can|could) you (?:please )?tell me|tell me|i need(?: to know)?|i'd like to know|i want to know|remind me|any idea)\s+/i;
const TRAILER = /(?:,?\s+(?:please|pls|thanks|thx))+$/i;

function unwrap(text: string): string {
  let out = text.replace(/[?!.]+$/, '').trim();
  for (let i = 0; i < 4 && FILLER.test(out); i++) out = out.replace(FILLER, '').trim();
  // "name a UN agency the SCO works with" asks "which UN agency ...".
  return out.replace(TRAILER, '').replace(/[?!.]+$/, '').replace(NAME_ONE, 'which ').trim();
}
const NAME_ONE = /^(?:name|give me|mention) (?:a|an|one|any)\s+/i;

/** What a question asks for when its opening does not say: "the date of ...", "... from which city". */
const INSIDE: { kind: AnswerKind; pattern: RegExp; flags?: Partial<Pick<Question, 'city'>> }[] = [
  { kind: 'date', pattern: /\b(?:the )?(?:dates?|day|year) (?:of|for|when)\b|\bwhen\b|\b(?:which|what) (?:year|date|day|month)\b/ },
  { kind: 'place', pattern: /\b(?:which|what) (?:city|town|capital)\b/, flags: { city: true } },
  { kind: 'place', pattern: /\bwhere\b|\b(?:which|what) (?:country|place|venue|district|part|region)\b/ },
  { kind: 'number', pattern: /\bhow (?:many|much)\b|\bnumber of\b/ },
  { kind: 'person', pattern: /\bwho(?:m)?\b|\bname of the\b/ },
  { kind: 'org', pattern: /\b(?:which|what) (?:[\w-]+ ){0,2}(?:organi[sz]ations?|bank|body|institution|agency|company|outlet|fund)\b|\b(?:bank|agency|outlet) in\b/ },
];

/**
 * Reads a question: what kind of answer it wants, its key terms (stop words and the question's
 * own form dropped), a latest-news intent, and whether it leans on the previous question.
 */
export function analyseQuestion(raw: string): Question {
  const text = raw.replace(/\s+/g, ' ').trim();
  const lower = unwrap(text.toLowerCase());
  const question: Question = {
    text,
    kind: 'statement',
    terms: [],
    focusVerb: null,
    since: false,
    city: false,
    share: false,
    ordinal: false,
    topic: null,
    counted: [],
    typeNoun: null,
    about: [],
    role: false,
    followUp: false,
  };

  for (const pattern of LATEST) {
    const m = pattern.exec(lower);
    if (m) {
      question.kind = 'latest';
      const topic = (m[1] ?? '').replace(/^(the|our)\s+/, '').trim();
      // As typed: "RATS", not "rats".
      const at = text.toLowerCase().lastIndexOf(topic);
      question.topic = at >= 0 && topic ? text.slice(at, at + topic.length) : topic;
      question.terms = termsOf(question.topic);
      return question;
    }
  }

  // Key terms are read from the question as typed: wink tags "Tashkent" better than "tashkent".
  const cased = unwrap(text);
  const suffix = (rest: string) => (cased.length === lower.length ? cased.slice(cased.length - rest.length) : rest);
  // "Who is Liu Hui?": asks what a release says of a named person, not for another name.
  const named = /^(who|what)\s+(is|was|are|were)\s+(mr\.?\s+|ms\.?\s+|dr\.?\s+)?((\p{Lu}[\p{L}.-]+\s*){1,4})$/iu.exec(cased.replace(/^(and|so)\s+/i, ''));
  const roleWords = /\b(minister|president|secretary|general|ambassador|director|deputy|chair\w*|head|representative|coordinator|mayor|king|queen|leader|premier|envoy)\b/i;
  if (named && /^\p{Lu}/u.test(named[4]!) && !roleWords.test(named[4]!)) {
    question.kind = 'statement';
    question.terms = termsOf(cased.replace(/^\S+\s+\S+\s+/, ''));
    return question;
  }
  let body = lower.replace(/^(and|but|so|also|ok|okay)\s+/, '');
  for (const rule of RULES) {
    const m = rule.pattern.exec(body);
    if (!m) continue;
    question.kind = rule.kind;
    Object.assign(question, rule.flags ?? {});
    // "which Indian company": the adjective is a key term, the noun is the question's form.
    // "which SCO deputy secretary-general": the words naming the role are key terms.
    const kept = rule.kind === 'org' && m[2] ? m[2] : rule.kind === 'person' && m[1] && m[1] !== 'person' ? `${suffix(`${m[1]}${body.slice(m[0].length)}`).slice(0, m[1].length)} ` : '';
    body = `${kept}${suffix(body.slice(m[0].length))}`;
    question.role = kept.trim().length > 0;
    break;
  }
  // "what did X say when ...", "why", "how did": a statement, whatever words follow.
  if (question.kind === 'statement' && !/^(why|how (?!many|much)|what (did|does|do|has|have|had|is|are)\b)/.test(body)) {
    const inside = INSIDE.find((r) => r.pattern.test(body));
    if (inside) {
      question.kind = inside.kind;
      Object.assign(question, inside.flags ?? {});
      // The words that say what is asked ("the date of", "which city") are not what it is about.
      body = body.replace(inside.pattern, ' ').replace(/\s+/g, ' ').trim();
    }
  }
  if (body === body.toLowerCase() && body.length > 0 && lower.endsWith(body)) body = suffix(body);
  if (question.kind === 'statement' && /\b(since when|what year)\b/i.test(body)) question.kind = 'date';

  const analysed = tokenise(body);
  question.terms = termsOf(body);
  if (question.kind === 'number') {
    // "how many observers ...": the counted thing, which the answer's number should count.
    // The words right after "how many", up to the first stop word or verb: "international
    // organisations", "member states". The last of them is the thing counted.
    const run: string[] = [];
    for (const t of analysed.tokens) {
      if (t.pos === 'PUNCT' || STOP_WORDS.has(t.lower) || t.pos === 'VERB' || t.pos === 'AUX') break;
      run.push(t.stem);
    }
    question.counted = run.slice(-1);
  }
  // The verb the question turns on: its subject, agent or time is the answer ("Set up in 2005").
  let verb = analysed.tokens.find((t) => t.pos === 'VERB' && !STOP_WORDS.has(t.lower));
  if (!verb) {
    // "did the SCO open its ...": wink may tag the verb after an auxiliary and its subject otherwise.
    const toks = analysed.tokens;
    const aux = toks.findIndex((t) => ['did', 'does', 'do', 'will', 'can', 'could', 'would', 'should'].includes(t.lower));
    if (aux >= 0) {
      let k = aux + 1;
      while (k < toks.length && /^(DET|PROPN|NUM)$/.test(toks[k]!.pos)) k++;
      if (toks[k] && !STOP_WORDS.has(toks[k]!.lower) && toks[k]!.pos !== 'PUNCT') verb = toks[k];
    }
  }
  // "gets", "takes", "has": too light to name the action asked about.
  question.focusVerb = verb && !LIGHT_VERBS.has(verb.lower) ? verb.stem : null;
  const about = /\b(?:say|said|says|think|thinks|speak|spoke|talk|talked|stress|stressed|note|noted|mention|mentioned|position|view|views|stance)\b.*?\b(?:about|on|regarding|concerning)\s+(.+)$/i.exec(body);
  if (about) question.about = termsOf(about[1]!).map((t) => t.lower);
  if (question.kind === 'org') question.typeNoun = nounKey(TYPE_NOUN.exec(lower)?.[1] ?? '') || null;
  const contentCount = question.terms.length;
  question.followUp = /^(and|but|so|also)\b/.test(lower) || (contentCount <= 1 && REFERRING.test(body));
  return question;
}

/** Key terms: content words, once each, with wink's stems. */
export function termsOf(text: string): QuestionTerm[] {
  const seen = new Set<string>();
  const terms: QuestionTerm[] = [];
  for (const t of tokenise(text).tokens) {
    if (t.pos === 'PUNCT' || t.lower === "'s" || t.lower === '’s') continue;
    if (STOP_WORDS.has(t.lower) || QUESTION_WORDS.has(t.lower)) continue;
    if (t.lower.length < 2 && !/\d/.test(t.lower)) continue;
    if (seen.has(t.stem)) continue;
    seen.add(t.stem);
    terms.push({ text: t.text, lower: t.lower, stem: t.stem, verb: t.pos === 'VERB' || t.pos === 'AUX' || QUESTION_VERBS.has(t.lower) });
  }
  return terms;
}
