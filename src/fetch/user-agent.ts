import { existsSync, readFileSync } from 'node:fs';

const PLACEHOLDER_REPO = 'https://github.com/sco-bot/sco-bot';

/**
 * The User-Agent every request carries: names the bot, its version and where to read about it,
 * so a site operator who sees our traffic knows whom to contact.
 */
export function defaultUserAgent(): string {
  let version = '0.0.0';
  let repo = PLACEHOLDER_REPO;
  try {
    // From src/fetch/ (tsx) or dist/src/fetch/ (the compiled build): the first package.json up.
    const at = ['../../package.json', '../../../package.json'].map((p) => new URL(p, import.meta.url)).find((u) => existsSync(u));
    if (!at) throw new Error('no package.json');
    const pkg = JSON.parse(readFileSync(at, 'utf8')) as {
      version?: string;
      repository?: string | { url?: string };
      homepage?: string;
    };
    version = pkg.version ?? version;
    const r = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
    repo = (r ?? pkg.homepage ?? repo).replace(/^git\+/, '').replace(/\.git$/, '');
  } catch {
    // A missing package.json (bundled use) still gets a usable agent string.
  }
  return `SCO-Bot/${version} (+${repo})`;
}
