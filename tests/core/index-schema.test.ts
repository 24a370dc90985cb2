import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openIndexDb, SCHEMA_VERSION } from '../../src/index/schema.ts';
import { INDEX_FILE, openLibrary } from '../../src/library/library.ts';
import { silentLogger } from '../../src/logger.ts';
import { NORMALISER_VERSION } from '../../src/releases/normalise.ts';
import { makeTestApp, type TestApp } from '../helpers/test-app.ts';

const columns = (db: Database.Database) => db.prepare(`SELECT name FROM pragma_table_info('top_lists')`).pluck().all();

describe('the index schema', () => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.cleanup();
    t = undefined;
  });

  it('creates top_lists with the other tables, under its version', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sco-schema-'));
    try {
      const { db, fresh } = openIndexDb(join(dir, 'index.sqlite'), silentLogger());
      expect(fresh).toBe(true);
      expect(columns(db)).toEqual(['gen', 'part', 'rids', 'scores', 'complete', 'hits', 'phrases']);
      expect(db.prepare(`SELECT value FROM meta WHERE key = 'schema'`).pluck().get()).toBe(SCHEMA_VERSION);
      db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('an index written by schema 6 (top_lists made on the side, or not yet) still opens and finds releases', async () => {
    t = await makeTestApp({ corpus: 'seed' });
    t.app.library.close();
    const old = new Database(join(t.dataDir, INDEX_FILE));
    old.exec('DROP TABLE top_lists');
    old.prepare(`UPDATE meta SET value = ? WHERE key = 'schema'`).run(`6.${NORMALISER_VERSION}`);
    old.close();
    const lib = await openLibrary({ config: t.app.config, store: t.app.store, logger: silentLogger(), clock: () => new Date() });
    try {
      await lib.refresh();
      expect(lib.search('munich').hits.length).toBeGreaterThan(0);
    } finally {
      lib.close();
    }
    const reopened = new Database(join(t.dataDir, INDEX_FILE), { readonly: true });
    expect(columns(reopened)).toContain('phrases');
    expect(reopened.prepare(`SELECT value FROM meta WHERE key = 'schema'`).pluck().get()).toBe(SCHEMA_VERSION);
    reopened.close();
  });
});
