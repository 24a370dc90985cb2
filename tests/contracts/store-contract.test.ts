import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import KeyvPostgres from '@keyv/postgres';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { silentLogger } from '../../src/logger.ts';
import type { Store } from '../../src/ports/store.ts';
import { MemoryStore } from '../../src/store/memory-store.ts';
import { openStore } from '../../src/store/open-store.ts';

/** The one contract every Store backend passes (DESIGN: same tests for every backend). */
const run = `${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
const REDIS = 'redis://127.0.0.1:6379';
const PG = 'postgresql://postgres@127.0.0.1:5432/test';
const tmp = mkdtempSync(join(tmpdir(), 'sco-store-'));
const table = `sco_store_test_${run}`;

interface Backend {
  name: string;
  open(): Promise<Store>;
  cleanup(): Promise<void>;
}

const backends: Backend[] = [
  { name: 'memory', open: async () => new MemoryStore(), cleanup: async () => undefined },
  {
    name: 'sqlite',
    open: () => openStore(loadConfig({}, { dataDir: tmp }), silentLogger()),
    cleanup: async () => rmSync(tmp, { recursive: true, force: true }),
  },
  {
    name: 'redis',
    open: () => openStore(loadConfig({}, { stateUrl: REDIS }), silentLogger(), { prefix: `test-store-${run}:` }),
    async cleanup() {
      const c = createClient({ url: REDIS });
      await c.connect();
      for await (const keys of c.scanIterator({ MATCH: `test-store-${run}:*` })) if (keys.length) await c.del(keys);
      await c.close();
    },
  },
  {
    name: 'postgres',
    open: () => openStore(loadConfig({}, { stateUrl: PG }), silentLogger(), { table }),
    async cleanup() {
      const c = new KeyvPostgres({ uri: PG, table });
      await c.query(`DROP TABLE IF EXISTS public.${table}`);
      await c.disconnect();
    },
  },
];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(backends)('Store contract: $name', (backend) => {
  let store: Store;
  beforeAll(async () => {
    store = await backend.open();
  });
  afterAll(async () => {
    await store.close();
    await backend.cleanup();
  });

  it('reports its kind and answers ping', async () => {
    expect(store.kind).toBe(backend.name);
    expect(await store.ping()).toBe(true);
  });

  it('gets what was set, structured values included, and undefined for a missing key', async () => {
    const ns = store.namespace<{ at: string; n: number; tags: string[] }>('c1');
    expect(await ns.get('missing')).toBeUndefined();
    await ns.set('a', { at: '2026-01-01T00:00:00.000Z', n: 3, tags: ['x', 'é'] });
    expect(await ns.get('a')).toEqual({ at: '2026-01-01T00:00:00.000Z', n: 3, tags: ['x', 'é'] });
    await ns.set('a', { at: 'later', n: 4, tags: [] });
    expect(await ns.get('a')).toEqual({ at: 'later', n: 4, tags: [] });
  });

  it('add sets only when absent and keeps the first value', async () => {
    const ns = store.namespace<string>('c2');
    expect(await ns.add('k', 'first')).toBe(true);
    expect(await ns.add('k', 'second')).toBe(false);
    expect(await ns.get('k')).toBe('first');
    await ns.set('k2', 'set');
    expect(await ns.add('k2', 'added')).toBe(false);
    expect(await ns.get('k2')).toBe('set');
  });

  it('add is atomic: of many concurrent adds exactly one wins', async () => {
    const ns = store.namespace<number>('c3');
    const results = await Promise.all(Array.from({ length: 25 }, (_, i) => ns.add('race', i)));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await ns.get('race')).toBe(results.indexOf(true));
  });

  it('expires values after their ttl, and add may then claim the key again', async () => {
    const ns = store.namespace<string>('c4');
    // Generous ttl: a loaded machine may take a while between these calls.
    await ns.set('short', 'v', 1000);
    expect(await ns.add('lease', 'one', 1000)).toBe(true);
    expect(await ns.add('lease', 'two', 1000)).toBe(false);
    expect(await ns.get('short')).toBe('v');
    await sleep(1300);
    expect(await ns.get('short')).toBeUndefined();
    expect(await ns.keys()).not.toContain('lease');
    expect(await ns.add('lease', 'three', 10_000)).toBe(true);
    expect(await ns.get('lease')).toBe('three');
  });

  it('deletes, reporting whether something was there', async () => {
    const ns = store.namespace<string>('c5');
    await ns.set('d', 'x');
    expect(await ns.delete('d')).toBe(true);
    expect(await ns.get('d')).toBeUndefined();
    expect(await ns.delete('d')).toBe(false);
  });

  it('lists the keys of one namespace only, awkward characters included', async () => {
    const a = store.namespace<number>('c6');
    const b = store.namespace<number>('c6x');
    const keys = ['plain', 'with:colon', '100%_sure', 'slack:T1:C2', 'a*b?[c]'];
    for (const [i, k] of keys.entries()) await a.set(k, i);
    await b.set('other', 1);
    expect((await a.keys()).sort()).toEqual([...keys].sort());
    expect(await b.keys()).toEqual(['other']);
    expect(await store.namespace('c6-empty').keys()).toEqual([]);
  });

  it('keeps data across a reopen (persistent backends)', async () => {
    if (backend.name === 'memory') return;
    await store.namespace<string>('c7').set('kept', 'yes');
    await store.close();
    store = await backend.open();
    expect(await store.namespace<string>('c7').get('kept')).toBe('yes');
  });
});

describe('openStore failures', () => {
  it('refuses an unreachable Redis within the connect timeout, naming STATE_URL', async () => {
    const started = Date.now();
    await expect(
      openStore(loadConfig({}, { stateUrl: 'redis://127.0.0.1:1' }), silentLogger(), { connectTimeoutMs: 500 }),
    ).rejects.toThrow(/STATE_URL/);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
