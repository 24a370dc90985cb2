/** Date expressions found with regular expressions, including ranges wink reads as two things. */

const MONTH =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)';
const DAY = '(?:[0-3]?\\d)(?:st|nd|rd|th)?';
const YEAR = '(?:1[89]\\d\\d|20\\d\\d)';
const JOIN = '\\s*(?:-|–|—|and|to|until)\\s*';

const PATTERNS: RegExp[] = [
  // between 14 and 16 February 2020; 1 and 2 November 2017; 13-14 June
  new RegExp(`(?:between\\s+|from\\s+)?\\b${DAY}${JOIN}${DAY}\\s+${MONTH}(?:,?\\s+${YEAR})?\\b`, 'g'),
  // 30 May to 2 June 2019
  new RegExp(`(?:between\\s+|from\\s+)?\\b${DAY}\\s+${MONTH}${JOIN}${DAY}\\s+${MONTH}(?:,?\\s+${YEAR})?\\b`, 'g'),
  // 16 February 2020; 24 April
  new RegExp(`\\b${DAY}\\s+${MONTH}(?:,?\\s+${YEAR})?\\b`, 'g'),
  // February 16, 2020
  new RegExp(`\\b${MONTH}\\s+${DAY}(?:,?\\s+${YEAR})?\\b`, 'g'),
  // May 2023; early June 2017
  new RegExp(`\\b(?:(?:early|mid|late)[-\\s])?${MONTH}(?:\\s+of)?\\s+${YEAR}\\b`, 'g'),
  // 2017 to 2022; 2022-2024
  new RegExp(`(?:between\\s+|from\\s+)?\\b${YEAR}${JOIN}${YEAR}\\b`, 'g'),
  // 2017
  new RegExp(`\\b${YEAR}\\b(?![.,]?\\d)`, 'g'),
];

export interface Span {
  start: number;
  end: number;
}

/** Date spans in `text`, longest first where they overlap, in text order. */
export function findDates(text: string): Span[] {
  const spans: Span[] = [];
  for (const pattern of PATTERNS) {
    for (const m of text.matchAll(pattern)) {
      const start = m.index;
      const end = start + m[0].length;
      if (spans.some((s) => start < s.end && end > s.start)) continue;
      spans.push({ start, end });
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}
