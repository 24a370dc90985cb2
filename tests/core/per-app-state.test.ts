import { describe, expect, it } from 'vitest';
import { composeApp } from '../../adapters/compose.ts';
import { loadConfig } from '../../src/config.ts';
import { silentLogger } from '../../src/logger.ts';
import { MemoryStore } from '../../src/store/memory-store.ts';
import { measuredLibrary } from '../../src/ops/measured-library.ts';
import { createMetrics } from '../../src/ops/metrics.ts';
import { SingleFlight } from '../../src/sync/single-flight.ts';
import { fakeLibrary, release } from '../helpers/fake-services.ts';

describe('state held per app, not in module globals', () => {
  it('one sync at a time per app: a second call joins the run; another app runs its own', async () => {
    const a = new SingleFlight<number>();
    const b = new SingleFlight<number>();
    let runs = 0;
    let finish!: () => void;
    const slow = () => new Promise<number>((resolve) => (finish = () => resolve(++runs)));
    const first = a.run(slow);
    const joined = a.run(async () => -1);
    const finishA = finish;
    const other = b.run(slow);
    finishA();
    finish();
    expect(await first).toBe(1);
    expect(await joined).toBe(1);
    expect(await other).toBe(2);
    expect(await a.run(async () => 7)).toBe(7);
  });

  it('metrics wrap the library as a decorator: the library itself is left as it was', () => {
    const raw = fakeLibrary([release('r1', 'RATS Council meets in Tashkent', '2026-02-20')], '2026-02-21T00:00:00Z');
    const search = raw.search;
    const metrics = createMetrics({ defaults: false });
    const measured = measuredLibrary(raw, metrics);
    expect(raw.search).toBe(search);
    expect(measured.search('tashkent').hits.map((h) => h.release.id)).toEqual(['r1']);
    expect(measured.get('r1')?.title).toBe('RATS Council meets in Tashkent');
  });

  it('each composed app has its own metrics, sync guard and measured library', async () => {
    const app = () =>
      composeApp({
        config: loadConfig({}, { logLevel: 'silent' }),
        logger: silentLogger(),
        clock: () => new Date(),
        store: new MemoryStore(),
        library: fakeLibrary([], '2026-02-21T00:00:00Z'),
      });
    const a = app();
    const b = app();
    expect(a.metrics).not.toBe(b.metrics);
    expect(a.syncs).not.toBe(b.syncs);
    a.library.search('x');
    const count = async (app: typeof a) =>
      (await app.metrics.registry.metrics()).split('\n').find((l) => l.startsWith('sco_lookup_duration_seconds_count '))?.split(' ')[1];
    expect(await count(a)).toBe('1');
    expect(await count(b)).toBe('0');
  });
});
