/** Letters of the Latin script vs. all letters in a string. */
function scriptShare(s: string): { latin: number; letters: number } {
  const letters = s.match(/\p{L}/gu)?.length ?? 0;
  const latin = s.match(/\p{Script=Latin}/gu)?.length ?? 0;
  return { latin, letters };
}

/** True when most letters of the line are in another script (a Russian photo caption, say). */
export function isForeignLine(line: string): boolean {
  const { latin, letters } = scriptShare(line);
  return letters > 0 && latin / letters < 0.5;
}

/** Share of the text's letters that are Latin: an English page is nearly all Latin. */
export function latinShare(text: string): number {
  const { latin, letters } = scriptShare(text);
  return letters === 0 ? 0 : latin / letters;
}

/** Collapses runs of whitespace inside a paragraph and non-breaking spaces to one space. */
export function tidy(s: string): string {
  return s.replace(/[\u00a0\s]+/g, ' ').trim();
}

/** Paragraphs joined as the loader expects: blank line between, foreign-script lines dropped. */
export function joinParagraphs(paragraphs: string[]): string {
  return paragraphs
    .map(tidy)
    .filter((p) => p !== '' && !isForeignLine(p))
    .join('\n\n');
}
