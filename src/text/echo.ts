/**
 * What a person typed, made safe to show back to them: control characters (ESC, NUL, BEL ...)
 * become visible symbols so a query can never drive the terminal or hide text, and long input is
 * cut (at a whole character, never inside an emoji) so a 100,000-character query does not fill
 * the heading.
 */
export const ECHO_MAX = 80;

/** C0 controls but tab and newline, DEL, and the C1 controls (0x80-0x9f, an 8-bit CSI among them). */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** Control characters as their Unicode "control pictures" (␀, ␛ ...); the rest unchanged. */
export function visibleControls(text: string): string {
  return text.replace(CONTROL, (c) => {
    const code = c.charCodeAt(0);
    if (code < 0x20) return String.fromCharCode(0x2400 + code);
    if (code === 0x7f) return '\u2421';
    return '\ufffd';
  });
}

/** A prefix of at most `max` characters (code points), with an ellipsis when cut. */
export function cutText(text: string, max: number): string {
  const chars = Array.from(text.length > max * 2 + 8 ? text.slice(0, max * 2 + 8) : text);
  if (chars.length <= max && text.length <= max * 2 + 8) return text;
  return `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}

/** Typed text as shown in a heading or a message: one line, no controls, at most ECHO_MAX characters. */
export function echo(text: string, max = ECHO_MAX): string {
  return cutText(visibleControls(text.replace(/[\r\n\t]+/g, ' ')), max);
}
