const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH = `(${MONTHS.join('|')}|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\\.?`;

/** "14 February 2020", "between 14 and 16 February 2020", "6-7 November 2019": the last day counts. */
const DAY_MONTH_YEAR = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?(?:\\s*(?:-|–|—|and|to|&)\\s*(\\d{1,2})(?:st|nd|rd|th)?)?\\s+${MONTH}\\s*,?\\s+(\\d{4})\\b`, 'gi');
/** "February 14, 2020", "February 14-16, 2020". */
const MONTH_DAY_YEAR = new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:\\s*(?:-|–|—|and|to)\\s*(\\d{1,2}))?,?\\s+(\\d{4})\\b`, 'gi');
const ISO = /\b(\d{4})-(\d{2})-(\d{2})\b/g;

function monthIndex(name: string): number {
  const n = name.toLowerCase().replace('.', '');
  return MONTHS.findIndex((m) => m.startsWith(n.slice(0, 3)));
}

function iso(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1) return null;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > days || year < 1900 || year > 2200) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The latest full date (day, month and year) the text states, as YYYY-MM-DD, or null.
 * Ranges count by their last day; month-and-year alone is not a full date.
 */
export function deriveDate(text: string): string | null {
  const found: string[] = [];
  for (const m of text.matchAll(DAY_MONTH_YEAR)) {
    const d = iso(Number(m[4]), monthIndex(m[3]!) + 1, Number(m[2] ?? m[1]));
    if (d) found.push(d);
  }
  for (const m of text.matchAll(MONTH_DAY_YEAR)) {
    const d = iso(Number(m[4]), monthIndex(m[1]!) + 1, Number(m[3] ?? m[2]));
    if (d) found.push(d);
  }
  for (const m of text.matchAll(ISO)) {
    const d = iso(Number(m[1]), Number(m[2]), Number(m[3]));
    if (d) found.push(d);
  }
  return found.sort().at(-1) ?? null;
}
