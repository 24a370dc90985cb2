import type { ContentFile } from '../releases/scan-content.ts';
import type { FileRow } from './index-writer.ts';

export interface ContentDiff {
  /** Files new or with another size or time: to be read. */
  toRead: ContentFile[];
  /** File names gone from the folder. */
  gone: FileRow[];
}

/** Which files must be read again: compares names, sizes and times only, never contents. */
export function diffContent(files: ContentFile[], rows: FileRow[], force: boolean): ContentDiff {
  const known = new Map(rows.map((r) => [r.name, r]));
  const toRead = files.filter((f) => {
    const row = known.get(f.name);
    return force || !row || row.mtime !== f.mtimeMs || row.size !== f.size || row.id !== f.id;
  });
  const present = new Set(files.map((f) => f.name));
  return { toRead, gone: rows.filter((r) => !present.has(r.name)) };
}
