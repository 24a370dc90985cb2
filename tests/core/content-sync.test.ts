import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffContent, fileStamp, type ContentDiff } from '../../src/index/content-sync.ts';
import type { ContentFile } from '../../src/releases/scan-content.ts';

const file = (name: string, mtimeMs = 1_700_000_000_000, size = 100, id = name.replace(/\.[a-z]+$/, '')): ContentFile => ({
  name,
  path: `releases/${name}`,
  id,
  mtimeMs,
  size,
});
const stampOf = (f: ContentFile) => fileStamp(f.name, f.id, f.mtimeMs, f.size);

/** The plain definition: a file is read when the index has no row of that name with the same id, time and size. */
function reference(files: ContentFile[], known: ContentFile[], force: boolean): ContentDiff {
  const byName = new Map(known.map((k) => [k.name, k]));
  const present = new Set(files.map((f) => f.name));
  return {
    toRead: files.filter((f) => force || byName.get(f.name) === undefined || stampOf(byName.get(f.name)!) !== stampOf(f)),
    gone: known.filter((k) => !present.has(k.name)).map((k) => ({ name: k.name, id: k.id })),
  };
}

const sortGone = (d: ContentDiff) => ({ toRead: d.toRead.map((f) => f.name), gone: [...d.gone].sort((a, b) => (a.name < b.name ? -1 : 1)) });

describe('diffContent', () => {
  it('an unchanged folder reads nothing; a new time, size or id, or a new file, is read; a missing file is gone', () => {
    const a = file('a.md');
    const b = file('b.txt');
    const c = file('c.md');
    const known = [a, b, c].map(stampOf);
    expect(diffContent([a, b, c], known, false)).toEqual({ toRead: [], gone: [] });
    const touched = { ...b, mtimeMs: b.mtimeMs + 1 };
    const grown = { ...c, size: c.size + 1 };
    const d = file('d.md');
    expect(diffContent([a, touched, grown, d], known, false)).toEqual({ toRead: [touched, grown, d], gone: [] });
    expect(diffContent([a, c], known, false)).toEqual({ toRead: [], gone: [{ name: 'b.txt', id: 'b' }] });
    expect(diffContent([a, { ...b, id: 'other' }], known, false).toRead.map((f) => f.name)).toEqual(['b.txt']);
    expect(diffContent([a, b, c], known, true)).toEqual({ toRead: [a, b, c], gone: [] });
  });

  it('agrees with the plain definition whatever the order of the index rows', () => {
    const meta = fc.record({ mtimeMs: fc.integer({ min: 0, max: 5 }), size: fc.integer({ min: 0, max: 3 }) });
    const entry = fc.tuple(fc.stringMatching(/^[a-zA-Z0-9 ._\u00e9\u{1F600}-]{1,6}$/u), meta, meta, fc.integer({ min: 0, max: 3 }));
    fc.assert(
      fc.property(fc.uniqueArray(entry, { selector: (e) => e[0] }), fc.constantFrom('sorted', 'random', 'reversed'), fc.boolean(), (entries, order, force) => {
        // 0: only in the folder, 1: only in the index, 2 and 3: in both, with the index's own metadata.
        const files = entries.filter((e) => e[3] !== 1).map(([n, m]) => file(`${n}.md`, m.mtimeMs, m.size));
        const known = entries.filter((e) => e[3] !== 0).map(([n, , m]) => file(`${n}.md`, m.mtimeMs, m.size));
        const byName = (x: ContentFile, y: ContentFile) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0);
        files.sort(byName);
        const rows = order === 'sorted' ? [...known].sort(byName) : order === 'reversed' ? [...known].sort(byName).reverse() : known;
        expect(sortGone(diffContent(files, rows.map(stampOf), force))).toEqual(sortGone(reference(files, rows, force)));
      }),
      { numRuns: 500 },
    );
  });
});
