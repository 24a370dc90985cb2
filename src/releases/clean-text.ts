/**
 * Plain text with tidy whitespace: Unix line ends, no control characters (the index uses two of
 * them as highlight markers), single spaces, paragraphs separated by one blank line.
 * `linesAreParagraphs` is for .txt releases, where every line is a paragraph.
 */
export function cleanText(text: string, linesAreParagraphs: boolean): string {
  const unix = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  // eslint-disable-next-line no-control-regex
  const visible = unix.replace(/[\u0000-\u0008\u000B-\u001F\u007F\u200B]/g, '').replace(/[ \t\u00A0]+/g, ' ');
  const paragraphs = linesAreParagraphs
    ? visible.split('\n')
    : visible.split(/\n\s*\n/).map((p) => p.replace(/\n/g, ' '));
  return paragraphs.map((p) => p.trim()).filter(Boolean).join('\n\n');
}
