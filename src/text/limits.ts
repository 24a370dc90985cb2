/**
 * Size caps on text from outside: release files, live pages, questions and queries. Press
 * releases run to a few thousand words of ordinary prose, so none of these is ever reached by
 * real content; they exist so a hostile or broken input costs bounded time and memory (the
 * stemmer, the sentence splitter and FTS5's snippet() are all superlinear somewhere).
 */

/** A release's text is cut to its first 1 MiB on load (the longest real release is ~30 KB). */
export const MAX_RELEASE_BYTES = 1024 * 1024;
/** Longest run of non-space characters kept whole; longer ones are cut (a long URL still fits). */
export const MAX_WORD_CHARS = 200;
/** A longer sentence is cut into pieces of about this size at word boundaries. */
export const MAX_SENTENCE_CHARS = 1000;
/** A question, a query or any text typed to the bot is read up to this length. */
export const MAX_QUESTION_CHARS = 1000;

const LONG_WORD = new RegExp(`\\S{${MAX_WORD_CHARS + 1},}`, 'g');

/** `text` cut to at most `max` UTF-16 units without splitting a surrogate pair. */
export function cutChars(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = /[\uD800-\uDBFF]/.test(text[max - 1] ?? '') ? max - 1 : max;
  return text.slice(0, end);
}

/** Every run of non-space characters longer than MAX_WORD_CHARS cut to that length and an ellipsis. */
export function capWords(text: string): string {
  return text.replace(LONG_WORD, (word) => `${cutChars(word, MAX_WORD_CHARS)}…`);
}

/** What a person typed, as the bot reads it: at most MAX_QUESTION_CHARS, no overlong word. */
export function capQuestion(text: string): string {
  return capWords(cutChars(text, MAX_QUESTION_CHARS));
}

/** The text of a release cut to MAX_RELEASE_BYTES of UTF-8 (at a line end when one is near). */
export function capReleaseText(text: string): { text: string; cut: boolean } {
  // Every UTF-16 unit is at most 3 bytes of UTF-8, so a short text needs no measuring.
  if (text.length * 3 <= MAX_RELEASE_BYTES || Buffer.byteLength(text) <= MAX_RELEASE_BYTES) return { text, cut: false };
  let head = Buffer.from(text).subarray(0, MAX_RELEASE_BYTES).toString('utf8');
  // A multi-byte character cut in two decodes as U+FFFD at the end: drop it.
  head = head.replace(/\uFFFD$/, '');
  return { text: cutAtLine(head), cut: true };
}

/** A cut text ends at its last line break when that loses little, so no sentence is half kept. */
export function cutAtLine(text: string): string {
  const nl = text.lastIndexOf('\n');
  return nl > text.length - 20_000 && nl > 0 ? text.slice(0, nl) : text;
}

/** A size for people: "8.0 MB". */
export function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
