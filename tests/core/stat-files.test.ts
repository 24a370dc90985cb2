import { once } from 'node:events';
import { lstatSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CHUNK, FAILED, FILE, LINK, OTHER, startHelper, statFiles } from '../../src/releases/stat-files.ts';

const dir = mkdtempSync(join(tmpdir(), 'stat-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What statFiles must report for one name, from a plain lstatSync: links are never followed. */
function expected(name: string): number[] {
  try {
    const st = lstatSync(join(dir, name));
    return [st.mtimeMs, st.size, st.isFile() ? FILE : st.isSymbolicLink() ? LINK : OTHER];
  } catch {
    return [FAILED];
  }
}

function actual(out: Float64Array, i: number): number[] {
  return out[3 * i + 2] === FAILED ? [FAILED] : [out[3 * i]!, out[3 * i + 1]!, out[3 * i + 2]!];
}

describe('statFiles', () => {
  const names: string[] = [];
  for (let i = 0; i < 3000; i++) {
    const name = `r-${i}.txt`;
    writeFileSync(join(dir, name), 'x'.repeat(i % 97));
    names.push(name);
  }
  mkdirSync(join(dir, 'folder.md'));
  symlinkSync(join(dir, 'nowhere.txt'), join(dir, 'dangling.txt'));
  names.splice(1234, 0, 'folder.md', 'dangling.txt', 'missing.txt');

  it.each([
    ['on this thread', Infinity],
    ['with the helper thread', 0],
  ])('gives each name its time, size and kind %s', (_, helperMin) => {
    const out = statFiles(`${dir}/`, names, helperMin);
    expect(out.length).toBe(names.length * 3);
    names.forEach((name, i) => expect(actual(out, i), name).toEqual(expected(name)));
    expect(actual(out, 1234 + 1)[2]).toBe(LINK);
    expect(actual(out, 1234 + 2)).toEqual([FAILED]);
    expect(actual(out, 1234)[2]).toBe(OTHER);
  });

  it('the helper thread alone gives the same answers', async () => {
    const chunks = Math.ceil(names.length / CHUNK);
    const work = {
      next: new Int32Array(new SharedArrayBuffer(4)),
      done: new Int32Array(new SharedArrayBuffer(chunks * 4)),
      out: new Float64Array(new SharedArrayBuffer(names.length * 3 * 8)),
    };
    await once(startHelper(`${dir}/`, names, work), 'exit');
    expect([...work.done]).toEqual(Array(chunks).fill(1));
    names.forEach((name, i) => expect(actual(work.out, i), name).toEqual(expected(name)));
  });

  it('handles an empty list', () => {
    expect(statFiles(`${dir}/`, [], 0)).toHaveLength(0);
  });
});
