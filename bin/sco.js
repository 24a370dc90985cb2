#!/usr/bin/env node
// The `sco` command. Runs the compiled CLI in dist/ (`npm run build`, which `npm install` runs
// through `prepare`): compiling TypeScript at each start cost most of a second. With
// SCO_FROM_SOURCE=1 (the tests, `npm run dev`), or when dist/ is missing or older than the
// sources, it runs the TypeScript sources through tsx instead.
import { existsSync, readdirSync, statSync } from 'node:fs';

// Settings from ./.env when present; variables already set in the environment win.
if (existsSync('.env')) process.loadEnvFile('.env');

const root = new URL('..', import.meta.url);
const built = new URL('dist/adapters/cli/main.js', root);
const stamp = new URL('dist/.tsbuildinfo', root);

/** The newest modification time of the .ts files under a folder (about 1 ms for the project). */
function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = `${dir}/${e.name}`;
    if (e.isDirectory()) t = Math.max(t, newest(p));
    else if (e.name.endsWith('.ts')) t = Math.max(t, statSync(p).mtimeMs);
  }
  return t;
}

function buildIsCurrent() {
  if (!existsSync(built) || !existsSync(stamp)) return 'missing';
  const sources = new URL('src', root).pathname;
  const adapters = new URL('adapters', root).pathname;
  // No sources beside the build (an installed package ships dist/ alone): the build is all there is.
  if (!existsSync(sources)) return 'current';
  return Math.max(newest(sources), newest(adapters)) <= statSync(stamp).mtimeMs ? 'current' : 'stale';
}

const fromSource = process.env.SCO_FROM_SOURCE === '1';
const build = fromSource ? 'skipped' : buildIsCurrent();
if (build === 'current') {
  await import(built.href);
} else {
  if (build !== 'skipped') {
    process.stderr.write(`sco: the build in dist/ is ${build === 'missing' ? 'missing' : 'older than the sources'}; running the sources (slower). Run npm run build.\n`);
  }
  const { register } = await import('tsx/esm/api');
  register();
  await import('../adapters/cli/main.ts');
}
