import { safeCut } from '../../src/util/safe-cut.ts';

/** Splits markdown into pieces of at most `max` characters, at paragraph, line or word ends. */
export function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const window = rest.slice(0, max);
    let at = window.lastIndexOf('\n\n');
    if (at < max * 0.5) at = window.lastIndexOf('\n');
    if (at < max * 0.5) at = window.lastIndexOf(' ');
    if (at < max * 0.5) at = safeCut(rest, max);
    // Never leave a lone escaping backslash at the end of a piece.
    while (at > 1 && rest[at - 1] === '\\') at--;
    pieces.push(rest.slice(0, at).trimEnd());
    rest = rest.slice(at).trimStart();
  }
  if (rest.length > 0 || pieces.length === 0) pieces.push(rest);
  return pieces;
}

