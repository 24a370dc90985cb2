import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/logger.ts';
import { KeyvStore, type BackendOps } from '../../src/store/keyv-store.ts';
import { sqliteBackend } from '../../src/store/sqlite-backend.ts';

describe('a state store that stops answering', () => {
  it('fails each operation as unavailable after the timeout instead of hanging', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sco-store-timeout-'));
    const real = sqliteBackend(join(dir, 'state.sqlite'));
    const never = () => new Promise<never>(() => undefined);
    const frozen: BackendOps = { ...real, addRaw: never, scan: never, ping: never };
    const store = new KeyvStore(frozen, 'x:', silentLogger(), 200);
    const ns = store.namespace<string>('locks');
    const started = Date.now();
    await expect(ns.add('k', 'v')).rejects.toMatchObject({ code: 'unavailable', message: expect.stringMatching(/did not answer \(add\) within 200 ms/) });
    await expect(ns.keys()).rejects.toMatchObject({ code: 'unavailable' });
    expect(await store.ping()).toBe(false);
    expect(Date.now() - started).toBeLessThan(2000);
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
