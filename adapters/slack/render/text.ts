/**
 * Text going to Slack (text coming from Slack is read in ../incoming-text.ts). Everything a
 * person or a release wrote passes through `escapeMrkdwn` before it lands in a mrkdwn field, so
 * it can never form a link, a `<!channel>`, `<!here>` or a user mention, nor switch formatting
 * on for the text around it.
 */

import { safeCut } from '../../../src/util/safe-cut.ts';

const WORD_JOINER = '\u2060';

/** Slack's three reserved characters, as its formatting guide asks. */
export function escapeEntities(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Breaks the words Slack may still turn into a broadcast when a client or a flag parses
 * mentions from plain text (`@here`, `@channel`, `@everyone`): a word joiner after the `@`
 * keeps them readable and inert.
 */
export function defuseBroadcasts(text: string): string {
  return text.replace(/@(here|channel|everyone)\b/gi, `@${WORD_JOINER}$1`);
}

/**
 * Replaces mrkdwn's emphasis characters with look-alikes so text from outside cannot open bold,
 * italics or strike-through, nor break the bold we put around titles and matched words (Slack
 * has no backslash escape). `_` only matters at a word's edge, so `snake_case` stays as it is.
 * Backticks stay: the core writes commands as `/sco topics`, and a code span can neither link
 * nor mention anyone.
 */
function defuseFormatting(text: string): string {
  return text
    .replace(/\*/g, '\u2217')
    .replace(/~/g, '\u223c')
    .replace(/(^|\W)_|_(?=\W|$)/g, (m) => m.replace('_', '\uff3f'));
}

/** Text from a person or a release, made safe for a mrkdwn text object. */
export function escapeMrkdwn(text: string): string {
  return defuseFormatting(defuseBroadcasts(escapeEntities(text)));
}

/** Text for a plain_text object or a fallback: no markup is parsed there, but broadcasts are defused. */
export function safePlain(text: string): string {
  return defuseBroadcasts(text);
}

/**
 * Cuts text to at most `max` characters at a word boundary, marking the cut with an ellipsis.
 * Never cuts inside an escape entity such as `&amp;`, nor between the halves of an emoji.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, safeCut(text, max - 1));
  const space = cut.search(/\s\S*$/);
  if (space > max * 0.6) cut = cut.slice(0, space);
  cut = cut.replace(/&[a-z]{0,4}$/, '');
  return `${cut.trimEnd()}…`;
}

/** `at`, or the start of an escape entity (`&amp;`) that `at` would cut in two. */
function entitySafe(text: string, at: number): number {
  const amp = text.lastIndexOf('&', at - 1);
  return amp > 0 && at - amp < 6 && !text.slice(amp, at).includes(';') ? amp : at;
}

/** Splits text into pieces of at most `max` characters, at a line break or a space where it can. */
export function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let at = rest.lastIndexOf('\n', max);
    if (at < max / 2) at = rest.lastIndexOf(' ', max);
    if (at < max / 2) at = safeCut(rest, entitySafe(rest, max));
    pieces.push(rest.slice(0, at).trimEnd());
    rest = rest.slice(at).trimStart();
  }
  if (rest.length > 0 || pieces.length === 0) pieces.push(rest);
  return pieces;
}
