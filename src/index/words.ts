/**
 * Words as the index sees them: lower case, diacritics removed, split on anything that is not a
 * letter or digit. Mirrors FTS5's unicode61 tokenizer so our own vocabulary and the index agree.
 */
export function foldCase(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

const WORD = /[\p{L}\p{N}]+/gu;

export function wordsOf(text: string): string[] {
  return foldCase(text).match(WORD) ?? [];
}

/** A phrase in FTS5 syntax with every token quoted, so no user text is ever read as an operator. */
export function ftsPhrase(words: string[]): string {
  return `"${words.map((w) => w.replace(/"/g, '""')).join(' ')}"`;
}
