import { cpSync, mkdtempSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createApp, type App, type AppOptions } from '../../adapters/compose.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import { silentLogger } from '../../src/logger.ts';

export const ROOT = resolve(import.meta.dirname, '../..');
/** Test data carried in the repository (copied from the team's corpus; nothing reads outside the clone). */
export const FIXTURES = join(ROOT, 'tests/fixtures');
export const SEED_DIR = join(ROOT, 'content/releases');
export const CORPUS_DIR = join(FIXTURES, 'corpus/releases');

export interface TestApp {
  app: App;
  contentDir: string;
  dataDir: string;
  /** Closes the app and removes its folders. */
  cleanup(): Promise<void>;
}

/**
 * An App over a temporary content folder (the shipped topics.yml, plus the seed and/or the
 * shared test corpus) and a temporary data folder.
 */
export async function makeTestApp(
  options: { corpus?: 'seed' | 'corpus' | 'both' | 'none'; config?: Partial<Config> } & AppOptions = {},
): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'sco-test-'));
  const contentDir = join(dir, 'content');
  const dataDir = join(dir, 'data');
  mkdirSync(join(contentDir, 'releases'), { recursive: true });
  cpSync(join(ROOT, 'content/topics.yml'), join(contentDir, 'topics.yml'));
  const corpus = options.corpus ?? 'seed';
  const copyAll = (from: string) => {
    for (const f of readdirSync(from)) cpSync(join(from, f), join(contentDir, 'releases', f));
  };
  if (corpus === 'seed' || corpus === 'both') copyAll(SEED_DIR);
  if (corpus === 'corpus' || corpus === 'both') copyAll(CORPUS_DIR);
  const config = loadConfig({}, { contentDir, dataDir, logLevel: 'silent', ...options.config });
  const app = await createApp(config, silentLogger(), options);
  await app.library.refresh();
  return {
    app,
    contentDir,
    dataDir,
    async cleanup() {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
