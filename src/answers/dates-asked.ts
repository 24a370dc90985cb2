/** The time a question asks about (a year, a month, the grain of a date) and how a date answer fits it. */

export const YEAR = /\b(19|20)\d\d\b/g;
export const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
/** A month as asked in chat ("in nov 2017", "may 2023"); "may" and "march" only beside "in" or a year. */
const MONTH = /\b(?:(january|jan|february|feb|april|apr|june|jun|july|jul|august|aug|september|sept|sep|october|oct|november|nov|december|dec)|(?<=\bin\s+)(may|march)|(may|march)(?=\s+(?:19|20)\d\d))\b/g;

/** The months a question names, as numbers 1-12. */
export function monthsAsked(lower: string): number[] {
  return [...lower.matchAll(MONTH)].map((m) => {
    const word = m[1] ?? m[2] ?? m[3]!;
    return MONTHS.findIndex((name) => name.startsWith(word.slice(0, 3))) + 1;
  }).filter((n) => n > 0);
}

/** A date with a day and month, not a bare year or a month. */
export function isFullDate(kind: string, text: string): boolean {
  return kind === 'date' && /[a-z]/i.test(text) && /\d{1,2}\D+\d{4}|\d{4}\D+\d{1,2}\b|^\D*\d{1,2}\s+\p{L}+$/u.test(text);
}

/** The grain of date a question asks for: "what year", "since what year"; "what date", "what day". */
export function grainAsked(lower: string): 'year' | 'day' | 'days' | null {
  if (/\b(what|which) years?\b|\bin what year\b|\byear (was|did|were)\b/.test(lower)) return 'year';
  // "what were the dates of the summit", "on which days": a span of days.
  if (/\b(what|which) (dates|days)\b|\bdates of\b/.test(lower)) return 'days';
  if (/\b(what|which) (date|day)\b|\bthe date of\b/.test(lower)) return 'day';
  return null;
}

/** "9 and 10 June 2018", "from 28 November to 1 December 2023": a span, not one day. */
const SPAN = /\d\s*(?:-|–|—|and|to|until)\s*\d|\d\s+\p{L}+\s+(?:-|–|—|to|until)\s+\d/u;

/** 1 when a date answer has the grain asked (a span of days for "dates"), -1 when it has the other one, 0 when nothing was asked or it is in between. */
export function grainMatch(asked: 'year' | 'day' | 'days' | null, text: string): number {
  if (asked === null) return 0;
  const day = isFullDate('date', text);
  const year = /^\D*\d{4}\D*$/.test(text) && !/[a-z]/i.test(text.replace(/^(in|since|by|until) /i, ''));
  if (asked === 'year') return year ? 1 : day ? -1 : 0;
  if (asked === 'days') return day && SPAN.test(text) ? 1 : year ? -1 : 0;
  return day ? 1 : year ? -1 : 0;
}
