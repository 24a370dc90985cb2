import { isUtf8 } from 'node:buffer';
import { lstatSync, readdirSync } from 'node:fs';

/** Why an entry of the releases folder that is not a regular file or a link is skipped. */
export function notFileReason(path: string): string {
  try {
    const st = lstatSync(path);
    if (st.isDirectory()) return 'skipped: a folder, not a release file (releases are files directly in releases/)';
    if (st.isFIFO()) return 'skipped: a named pipe, not a regular file';
    if (st.isSocket()) return 'skipped: a socket, not a regular file';
    return 'skipped: a device or other special file, not a regular file';
  } catch (e) {
    return `cannot read: ${(e as NodeJS.ErrnoException).code ?? String(e)}`;
  }
}

/**
 * The folder's names read as bytes: those that are UTF-8 as strings, the others escaped for
 * showing (`caf\xe9.txt`), since a name decoded with U+FFFD in it names no file.
 */
export function undecodableNames(dir: string): { valid: string[]; invalid: string[] } {
  const valid: string[] = [];
  const invalid: string[] = [];
  for (const raw of readdirSync(dir, { encoding: 'buffer' })) {
    if (isUtf8(raw)) valid.push(raw.toString('utf8'));
    else invalid.push(escapeName(raw));
  }
  return { valid, invalid };
}

/** Printable ASCII as is, every other byte as \xNN: safe in a log line and a terminal. */
export function escapeName(raw: Buffer): string {
  let out = '';
  for (const b of raw) out += b >= 0x20 && b < 0x7f && b !== 0x5c ? String.fromCharCode(b) : `\\x${b.toString(16).padStart(2, '0')}`;
  return out;
}
