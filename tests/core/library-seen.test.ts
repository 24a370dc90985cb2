import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MemoryStore } from '../../src/store/memory-store.ts';
import type { Namespace } from '../../src/ports/store.ts';
import { makeTestApp, type TestApp } from '../helpers/test-app.ts';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

describe('seenSince', () => {
  it('lists releases first seen in a window, oldest first, optionally filtered', async () => {
    let now = new Date('2026-03-01T09:00:00.000Z');
    t = await makeTestApp({ corpus: 'seed', store: new MemoryStore(), clock: () => now });
    const lib = t.app.library;
    const dir = join(t.contentDir, 'releases');

    now = new Date('2026-03-02T09:00:00.000Z');
    writeFileSync(join(dir, 'b-afghan.txt'), 'The SCO discussed Afghanistan in Tashkent on 1 March 2026.');
    writeFileSync(join(dir, 'a-space.txt'), 'The SCO discussed outer space in Bishkek on 1 March 2026.');
    await lib.refresh();
    now = new Date('2026-03-03T09:00:00.000Z');
    writeFileSync(join(dir, 'c-late.txt'), 'The SCO discussed Afghan trade in Astana on 2 March 2026.');
    await lib.refresh();

    const ids = (since: string, options?: { until?: string; filter?: string }) => lib.seenSince(since, options).map((r) => r.id);
    expect(ids('2026-03-01T00:00:00.000Z')).toEqual(['000_9851d8e3c5c57f74', 'a-space', 'b-afghan', 'c-late']);
    expect(ids('2026-03-02T09:00:00.000Z')).toEqual(['a-space', 'b-afghan', 'c-late']);
    expect(ids('2026-03-02T00:00:00.000Z', { until: '2026-03-03T09:00:00.000Z' })).toEqual(['a-space', 'b-afghan']);
    expect(ids('2026-03-02T00:00:00.000Z', { filter: 'afghanistan' })).toEqual(['b-afghan', 'c-late']);
    expect(ids('2026-03-02T00:00:00.000Z', { filter: 'space' })).toEqual(['a-space']);
    expect(ids('2026-03-02T00:00:00.000Z', { filter: 'Bishkek' })).toEqual(['a-space']);
    expect(ids('2026-03-04T00:00:00.000Z')).toEqual([]);
    const first = lib.seenSince('2026-03-03T00:00:00.000Z')[0]!;
    expect(first).toMatchObject({ id: 'c-late', firstSeen: '2026-03-03T09:00:00.000Z', date: '2026-03-02' });
  });

  it('a changed release keeps its first-seen time', async () => {
    let now = new Date('2026-03-01T09:00:00.000Z');
    t = await makeTestApp({ corpus: 'seed', store: new MemoryStore(), clock: () => now });
    const file = join(t.contentDir, 'releases', 'x.txt');
    writeFileSync(file, 'First text about Tashkent.');
    await t.app.library.refresh();
    now = new Date('2026-04-01T09:00:00.000Z');
    writeFileSync(file, 'Second, longer text about Tashkent.');
    expect((await t.app.library.refresh()).changed).toEqual(['x']);
    expect(t.app.library.seenSince('2026-03-15T00:00:00.000Z')).toEqual([]);
    expect(t.app.library.seenSince('2026-03-01T00:00:00.000Z').map((r) => r.firstSeen)).toEqual(['2026-03-01T09:00:00.000Z', '2026-03-01T09:00:00.000Z']);
  });
});

describe('first seen when the store is down', () => {
  it('still indexes and searches, and records first-seen times once the store is back', async () => {
    const store = new MemoryStore();
    let down = true;
    const real = store.namespace.bind(store);
    store.namespace = <T,>(name: string): Namespace<T> => {
      const ns = real<T>(name);
      return { ...ns, add: async (k, v, ttl) => (down ? Promise.reject(new Error('store down')) : ns.add(k, v, ttl)) };
    };
    const now = new Date('2026-05-01T10:00:00.000Z');
    t = await makeTestApp({ corpus: 'seed', store, clock: () => now });
    const hit = t.app.library.search('munich').hits[0]!;
    expect(hit.firstSeen).toBeNull();
    expect(t.app.library.seenSince('2026-01-01T00:00:00.000Z')).toEqual([]);
    down = false;
    await t.app.library.refresh();
    expect(t.app.library.search('munich').hits[0]!.firstSeen).toBe('2026-05-01T10:00:00.000Z');
    expect(t.app.library.seenSince('2026-01-01T00:00:00.000Z').map((r) => r.id)).toEqual(['000_9851d8e3c5c57f74']);
  });

  it('a filter must match all its words', async () => {
    t = await makeTestApp({ corpus: 'seed', store: new MemoryStore() });
    expect(t.app.library.seenSince('2000-01-01T00:00:00.000Z', { filter: 'munich football' })).toEqual([]);
    expect(t.app.library.seenSince('2000-01-01T00:00:00.000Z', { filter: 'munich RATS' })).toHaveLength(1);
  });
});
