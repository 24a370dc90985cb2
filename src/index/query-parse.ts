import { wordsOf } from './words.ts';
import { isCalendarDay } from '../util/iso-date.ts';
import type { SearchNote } from './search-note.ts';

/** One thing to look for: a word, or a phrase (quoted, or hyphenated like "Anti-Terrorist"). */
export interface QueryTerm {
  words: string[];
  /** Quoted by the person (kept together, never merged into aliases). */
  quoted: boolean;
  negated: boolean;
  /** Ended with `*`: any word starting so. */
  prefix: boolean;
}

export interface ParsedQuery {
  terms: QueryTerm[];
  /** Inclusive lower bound, YYYY-MM-DD. */
  since?: string;
  /** Inclusive upper bound, compared as text: "2021-06" becomes "2021-06-99". */
  until?: string;
  /** Values of topic: filters as typed. */
  topics: string[];
  notes: SearchNote[];
}

export const MAX_TERMS = 24;
const OPERATORS = new Set(['AND', 'OR', 'NOT', 'NEAR']);
// A filter, a quoted phrase (closing quote optional), or a run of other characters.
const TOKEN = /(-?)([A-Za-z]+):(?:"([^"]*)"?|(\S*))|(-?)"([^"]*)("?)|(\S+)/g;

/**
 * Reads what a person typed into terms and filters. Nothing here is FTS syntax: operators are
 * recognised only to tell the person they are not needed, and every term is later quoted.
 */
export function parseQuery(input: string): ParsedQuery {
  const q: ParsedQuery = { terms: [], topics: [], notes: [] };
  const text = input.replace(/[“”„«»]/g, '"');
  let ignoredOperator = false;
  for (const m of text.matchAll(TOKEN)) {
    const [, fNeg, fKey, fQuoted, fBare, pNeg, pText, pClose, bare] = m;
    if (fKey !== undefined) {
      const value = (fQuoted ?? fBare ?? '').trim();
      if (!applyFilter(q, fKey.toLowerCase(), value)) addWords(q, `${fKey} ${value}`, fNeg === '-');
      continue;
    }
    if (pText !== undefined) {
      const words = wordsOf(pText);
      if (pClose !== '"') {
        addWords(q, pText, pNeg === '-');
      } else if (words.length) {
        q.terms.push({ words, quoted: true, negated: pNeg === '-', prefix: false });
      }
      continue;
    }
    if (bare === undefined) continue;
    if (OPERATORS.has(bare.replace(/\(.*$/, ''))) {
      ignoredOperator = true;
      addWords(q, bare.replace(/^[A-Z]+\(?/, ''), false);
      continue;
    }
    addWords(q, bare.replace(/^\+/, ''), false);
  }
  if (ignoredOperator) q.notes.push({ code: 'operators_ignored' });
  if (q.terms.length > MAX_TERMS) {
    q.terms = q.terms.slice(0, MAX_TERMS);
    q.notes.push({ code: 'query_cut', kept: MAX_TERMS });
  }
  if (q.terms.length > 0 && q.terms.every((t) => t.negated)) {
    q.notes.push({ code: 'only_negated' });
    q.terms = [];
  }
  return q;
}

function addWords(q: ParsedQuery, chunk: string, negatedChunk: boolean): void {
  const negated = negatedChunk || /^-[\p{L}\p{N}]/u.test(chunk);
  const prefix = /[\p{L}\p{N}]\*+\W*$/u.test(chunk);
  const words = wordsOf(chunk);
  if (!words.length) return;
  // A hyphenated or dotted word is one phrase, as the index tokenizes it.
  if (/^[-\p{L}\p{N}'’.]+\*?$/u.test(chunk.replace(/^-/, '')) && words.length > 1 && !/'|’/.test(chunk)) {
    q.terms.push({ words, quoted: false, negated, prefix });
    return;
  }
  words.forEach((w, i) => q.terms.push({ words: [w], quoted: false, negated, prefix: prefix && i === words.length - 1 }));
}

function applyFilter(q: ParsedQuery, key: string, value: string): boolean {
  if (key === 'topic' || key === 'topics') {
    if (value) q.topics.push(value);
    else q.notes.push({ code: 'topic_needs_name' });
    return true;
  }
  if (key !== 'since' && key !== 'until' && key !== 'from') return false;
  const m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(value);
  const month = m?.[2] ? Number(m[2]) : undefined;
  const day = m?.[3] ? Number(m[3]) : undefined;
  if (!m || (month !== undefined && (month < 1 || month > 12)) || (day !== undefined && !isCalendarDay(Number(m[1]), month!, day))) {
    q.notes.push({ code: 'bad_date', key, value });
    return true;
  }
  const parts = [m[1]!, month && String(month).padStart(2, '0'), day && String(day).padStart(2, '0')].filter(Boolean).join('-');
  if (key === 'since' || key === 'from') q.since = parts.length === 4 ? `${parts}-01-01` : parts.length === 7 ? `${parts}-01` : parts;
  else q.until = parts.length === 10 ? parts : `${parts}-99`;
  return true;
}
