import type { ContentFile } from '../releases/scan-content.ts';

/** A file the index knows that is no longer in the folder. */
export interface GoneFile {
  name: string;
  id: string;
}

export interface ContentDiff {
  /** Files new or with another size or time: to be read. */
  toRead: ContentFile[];
  /** File names gone from the folder. */
  gone: GoneFile[];
}

/**
 * What the index remembers of a file as one string: it changes whenever the name, id, time or
 * size does. Comparing one string per file is what keeps a no-change refresh of 100k files cheap.
 */
export function fileStamp(name: string, id: string, mtime: number, size: number): string {
  return `${name}\0${id}\0${mtime}\0${size}`;
}

/** fileStamp() computed by SQLite over the files table; a stamp that differs only costs a re-read. */
export const FILE_STAMP_SQL = `name || char(0) || id || char(0) || mtime || char(0) || size`;

const nameOf = (stamp: string) => stamp.slice(0, stamp.indexOf('\0'));

/**
 * Which files must be read again: compares names, ids, sizes and times only, never contents.
 * `known` holds the stamps of the files the index was built from.
 *
 * Both lists usually come in the same name order (the folder sorted, the table in the order the
 * files were first indexed), so one merge-like pass pairs most of them by position; whatever it
 * leaves over is matched by value. The order only decides how much is left over, never the result.
 */
export function diffContent(files: ContentFile[], known: string[], force: boolean): ContentDiff {
  if (force) return { toRead: files, gone: goneFrom(files, known) };
  const unpairedFiles: ContentFile[] = [];
  const unpairedKnown: string[] = [];
  let k = 0;
  for (const f of files) {
    const stamp = fileStamp(f.name, f.id, f.mtimeMs, f.size);
    // Known files before this one in name order are gone or elsewhere in the list: set aside.
    while (k < known.length && known[k] !== stamp && nameOf(known[k]!) < f.name) unpairedKnown.push(known[k++]!);
    if (known[k] === stamp) k++;
    else unpairedFiles.push(f);
  }
  for (; k < known.length; k++) unpairedKnown.push(known[k]!);
  if (!unpairedFiles.length && !unpairedKnown.length) return { toRead: [], gone: [] };
  const leftover = new Set(unpairedKnown);
  const toRead = unpairedFiles.filter((f) => !leftover.has(fileStamp(f.name, f.id, f.mtimeMs, f.size)));
  return { toRead, gone: goneFrom(files, unpairedKnown) };
}

/** The known files whose name is not in the folder. */
function goneFrom(files: ContentFile[], known: string[]): GoneFile[] {
  if (!known.length) return [];
  const present = new Set(files.map((f) => f.name));
  const gone: GoneFile[] = [];
  for (const stamp of known) {
    const [name = '', id = ''] = stamp.split('\0', 2);
    if (!present.has(name)) gone.push({ name, id });
  }
  return gone;
}
