import { MAX_SENTENCE_CHARS } from './limits.ts';
import { sentenceNlp } from './nlp.ts';

/** A full stop, ! or ?, closing quotes or brackets, white space, then what can start a sentence. */
const BOUNDARY = /[.!?]["”’)\]]*\s+(?=["“‘(\[]?[\p{Lu}\d])/gu;
/** Words whose full stop usually does not end a sentence. */
const ABBREVIATIONS = new Set(
  ('mr mrs ms dr st gen col lt prof jr sr ltd co corp inc no nos vol art para fig ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec e.g i.e etc vs approx dept est govt').split(' '),
);

/**
 * Splits plain text into sentences. Line breaks always end a sentence: release files put each
 * paragraph (often each sentence) on its own line, and a heading has no full stop.
 *
 * Within a line, plain boundaries ("... 2020. The ...") are cut with a regular expression;
 * a line with an abbreviation, an initial or a dotted acronym ("Mr.", "St. Petersburg", "U.N.",
 * "J. Smith") goes to wink-nlp's sentence model instead. Both give the same cuts on plain text,
 * and the fast path keeps indexing 100k releases in seconds rather than minutes.
 */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.replace(/\s+/g, ' ').trim();
    if (!line) continue;
    // wink reads a whole line at once: a line of megabytes goes to it in bounded pieces.
    for (const chunk of line.length > LINE_CHUNK ? pieces(line, LINE_CHUNK) : [line]) {
      const cuts = plainCuts(chunk);
      const parts = cuts ? cutAt(chunk, cuts) : winkSplit(chunk);
      for (const part of parts) {
        if (!part) continue;
        if (part.length <= MAX_SENTENCE_CHARS) out.push(part);
        else for (const piece of pieces(part, MAX_SENTENCE_CHARS)) out.push(piece);
      }
    }
  }
  return out;
}

/** Lines longer than this are split before sentence detection (a real paragraph is far shorter). */
const LINE_CHUNK = 20_000;

/**
 * `text` in pieces of at most `max` characters, cut at the last sentence end or else the last
 * space in each piece's second half, so no word is split unless it fills half a piece.
 */
function pieces(text: string, max: number): string[] {
  const out: string[] = [];
  let from = 0;
  while (text.length - from > max) {
    const window = text.slice(from, from + max);
    const stop = Math.max(window.lastIndexOf('. '), window.lastIndexOf('! '), window.lastIndexOf('? '));
    const space = window.lastIndexOf(' ');
    let end = stop >= max / 2 ? stop + 1 : space >= max / 2 ? space : max;
    // Never between the halves of a surrogate pair.
    if (end === max && /[\uD800-\uDBFF]/.test(window[end - 1]!)) end--;
    out.push(window.slice(0, end).trim());
    from += end;
  }
  out.push(text.slice(from).trim());
  return out.filter(Boolean);
}

/** Longer than any abbreviation or initial that decides a boundary (words are capped at 200). */
const LOOK_BACK = 256;

/** Cut offsets when every boundary in the line is unambiguous; null when wink should decide. */
function plainCuts(line: string): number[] | null {
  const cuts: number[] = [];
  for (const m of line.matchAll(BOUNDARY)) {
    // Only the word before the stop matters: look back a bounded way, not to the line's start
    // (which made a long line quadratic).
    const before = line.slice(Math.max(0, m.index + 1 - LOOK_BACK), m.index + 1);
    const word = /(\S+)$/.exec(before)?.[1] ?? '';
    const bare = word.replace(/^["“‘(\[]+/, '').replace(/[.!?]$/, '');
    if (m[0]!.startsWith('.')) {
      if (bare.length <= 1 || bare.includes('.') || ABBREVIATIONS.has(bare.toLowerCase())) return null;
    }
    cuts.push(m.index + m[0]!.length);
  }
  return cuts;
}

function cutAt(line: string, cuts: number[]): string[] {
  const parts: string[] = [];
  let from = 0;
  for (const at of cuts) {
    parts.push(line.slice(from, at).trim());
    from = at;
  }
  parts.push(line.slice(from).trim());
  return parts;
}

/**
 * wink's cuts, except where it cut inside a word ("VEB.RF" has no space after its dot) or
 * before a lower-case letter: those pieces are joined back.
 */
function winkSplit(line: string): string[] {
  const pieces = (sentenceNlp().readDoc(line).sentences().out() as string[]).map((p) => p.trim()).filter(Boolean);
  const spans: { from: number; to: number }[] = [];
  let cursor = 0;
  for (const piece of pieces) {
    const at = line.indexOf(piece, cursor);
    if (at < 0) return pieces; // wink changed the text: trust its pieces as they are
    const last = spans[spans.length - 1];
    const glued = last !== undefined && !/\s/.test(line[at - 1] ?? ' ');
    if (last && (glued || /^\p{Ll}/u.test(piece))) last.to = at + piece.length;
    else spans.push({ from: at, to: at + piece.length });
    cursor = at + piece.length;
  }
  return spans.map((s) => line.slice(s.from, s.to).trim());
}
