/**
 * A YAML parser's error as one whole sentence for a person: the first line of the message
 * without its trailing "at line 2, column 1:" (which introduces an excerpt that is not shown),
 * with the position counted in the file, not in the part of it that was parsed.
 */
export function yamlErrorText(e: unknown, lineOffset = 0): string {
  const message = e instanceof Error ? e.message : String(e);
  const first = (message.split('\n')[0] ?? '').trim();
  const at = / at line (\d+), column (\d+):?$/.exec(first);
  const pos = (e as { linePos?: [{ line: number; col: number }] }).linePos?.[0];
  const line = pos?.line ?? (at ? Number(at[1]) : undefined);
  const col = pos?.col ?? (at ? Number(at[2]) : undefined);
  const text = (at ? first.slice(0, at.index) : first).replace(/[:.\s]+$/, '');
  const where = line !== undefined ? ` (line ${line + lineOffset}${col !== undefined ? `, column ${col}` : ''})` : '';
  return `${text.charAt(0).toLowerCase()}${text.slice(1)}${where}`;
}
