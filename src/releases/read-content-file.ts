import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import type { RawRelease } from '../ports/source.ts';
import { cutAtLine, MAX_RELEASE_BYTES } from '../text/limits.ts';
import type { ContentFile } from './scan-content.ts';

/** Thrown when what is at a release's path is not a regular file by the time it is opened. */
class NotAFileError extends Error {}

/**
 * Reads one release file as a raw release; throws with the reason when it cannot. The file is
 * opened without following a link (a file swapped for a link after the scan is refused, not
 * followed), without blocking (a named pipe would hang the bot), checked to be a regular file,
 * and read only up to MAX_RELEASE_BYTES however large it is.
 */
export function readContentFile(file: ContentFile): RawRelease {
  const fd = openSync(file.target ?? file.path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  let buf: Buffer;
  let cut: boolean;
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new NotAFileError('skipped: not a regular file');
    ({ buf, cut } = readUpTo(fd, MAX_RELEASE_BYTES));
  } finally {
    closeSync(fd);
  }
  let text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  if (cut) text = cutAtLine(text);
  return { id: file.id, source: 'content', text, path: file.path };
}

/** Up to `max` bytes from the start, ending on a whole UTF-8 character when cut. */
function readUpTo(fd: number, max: number): { buf: Buffer; cut: boolean } {
  const buf = Buffer.alloc(max + 1);
  let length = 0;
  for (let n; length < buf.length && (n = readSync(fd, buf, length, buf.length - length, null)) > 0; ) length += n;
  if (length <= max) return { buf: buf.subarray(0, length), cut: false };
  let end = max;
  // Back to the first byte of a character (continuation bytes are 10xxxxxx).
  while (end > 0 && (buf[end]! & 0xc0) === 0x80) end--;
  return { buf: buf.subarray(0, end), cut: true };
}

export function describeReadError(e: unknown): string {
  if (e instanceof NotAFileError) return e.message;
  if (e instanceof TypeError && /encoded data|decode/i.test(e.message)) return 'not UTF-8 text';
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOENT') return 'the file disappeared while reading';
  if (code === 'EISDIR') return 'is a folder';
  if (code === 'ELOOP') return 'skipped: it became a link after the folder was read; links are not followed here';
  return e instanceof Error ? e.message : String(e);
}
