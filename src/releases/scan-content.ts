import { lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { dirname, extname, join, sep } from 'node:path';
import { MAX_RELEASE_BYTES, megabytes } from '../text/limits.ts';
import { notFileReason, undecodableNames } from './file-kinds.ts';
import type { LoadProblem } from './release.ts';
import { FAILED, FILE, LINK, OTHER, statFiles } from './stat-files.ts';

/** A release file as found on disk, before it is read. */
export interface ContentFile {
  name: string;
  path: string;
  id: string;
  mtimeMs: number;
  size: number;
  /** For a link: the file inside the content folder it leads to, which is what is read. */
  target?: string;
}

export interface ContentScan {
  files: ContentFile[];
  problems: LoadProblem[];
}

const RELEASE_EXT = new Set(['.txt', '.md', '.markdown']);

/**
 * Lists the release files of `dir` with their size and modification time (no reading), so an
 * unchanged folder costs one directory read and a stat per file.
 *
 * Only regular files are releases. A link is followed only when it leads to a regular file inside
 * `root` (the content folder): a link to /proc/self/environ or /etc/passwd dropped into the folder
 * would otherwise be served to anyone who can type `/sco show`. Everything skipped is reported.
 */
export function scanContent(dir: string, root = dirname(dir)): ContentScan {
  const problems: LoadProblem[] = [];
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'the releases folder does not exist; add .txt or .md files to it' : `cannot read the folder: ${code ?? String(e)}`;
    return { files: [], problems: [{ path: dir, reason }] };
  }
  // join() once: per file it costs as much as the rest of the loop, and a plain name appends verbatim.
  const base = join(dir, sep);
  // A name that is not UTF-8 comes back with U+FFFD in it and cannot be opened by that name.
  if (names.some((n) => n.includes('\uFFFD'))) names = undecodable(dir, base, names, problems);
  const candidates: string[] = [];
  for (const name of names) {
    if (name.startsWith('.') || name.endsWith('~')) continue;
    if (RELEASE_EXT.has(extname(name).toLowerCase())) candidates.push(name);
    else problems.push({ path: base + name, reason: 'skipped: only .txt and .md files are releases' });
  }
  const stats = statFiles(base, candidates);
  const files: ContentFile[] = [];
  const ids = new Map<string, string>();
  let rootReal: string | undefined;
  for (let i = 0; i < candidates.length; i++) {
    const name = candidates[i]!;
    const path = base + name;
    let mtimeMs = stats[3 * i]!;
    let size = stats[3 * i + 1]!;
    let kind = stats[3 * i + 2]!;
    let target: string | undefined;
    if (kind === FAILED) {
      // Stat again to learn why (or find that it works now).
      const again = statAgain(path);
      if ('reason' in again) {
        problems.push({ path, reason: again.reason });
        continue;
      }
      ({ mtimeMs, size, kind } = again);
    }
    if (kind === OTHER) {
      problems.push({ path, reason: notFileReason(path) });
      continue;
    }
    if (kind === LINK) {
      rootReal ??= realRoot(root);
      const link = followLink(path, rootReal);
      if ('reason' in link) {
        problems.push({ path, reason: link.reason });
        continue;
      }
      ({ target, mtimeMs, size } = link);
    }
    const id = name.slice(0, name.lastIndexOf('.'));
    const other = ids.get(id);
    if (other) {
      problems.push({ path, reason: `same release id "${id}" as ${other}; this file is ignored` });
      continue;
    }
    ids.set(id, name);
    if (size > MAX_RELEASE_BYTES) {
      problems.push({ path, reason: `${megabytes(size)} is over the ${megabytes(MAX_RELEASE_BYTES)} cap for one release; only its first ${megabytes(MAX_RELEASE_BYTES)} is indexed` });
    }
    files.push({ name, path, id, mtimeMs: Math.trunc(mtimeMs), size, ...(target ? { target } : {}) });
  }
  return { files, problems };
}

/** The names that decode, with a problem for each that does not. */
function undecodable(dir: string, base: string, names: string[], problems: LoadProblem[]): string[] {
  try {
    const { valid, invalid } = undecodableNames(dir);
    for (const shown of invalid) {
      problems.push({ path: base + shown, reason: 'skipped: the file name is not valid UTF-8, so it cannot be opened by name; rename it' });
    }
    return valid.sort();
  } catch {
    return names;
  }
}

function statAgain(path: string): { mtimeMs: number; size: number; kind: number } | { reason: string } {
  try {
    const st = lstatSync(path);
    return { mtimeMs: st.mtimeMs, size: st.size, kind: st.isFile() ? FILE : st.isSymbolicLink() ? LINK : OTHER };
  } catch (e) {
    return { reason: `cannot read: ${(e as NodeJS.ErrnoException).code ?? String(e)}` };
  }
}

function realRoot(root: string): string {
  try {
    return realpathSync(root);
  } catch {
    return root;
  }
}

/** Where a link leads, when that is a regular file inside the content folder. */
function followLink(path: string, rootReal: string): { target: string; mtimeMs: number; size: number } | { reason: string } {
  let target: string;
  try {
    target = realpathSync(path);
  } catch (e) {
    // A link to nowhere: the same words as a file that vanished, naming no target.
    return { reason: `cannot read: ${(e as NodeJS.ErrnoException).code ?? String(e)}` };
  }
  if (!target.startsWith(rootReal + sep)) {
    return { reason: 'skipped: a link to a file outside the content folder; links are followed only within it' };
  }
  try {
    const st = statSync(target);
    if (!st.isFile()) return { reason: 'skipped: a link to something other than a regular file' };
    return { target, mtimeMs: st.mtimeMs, size: st.size };
  } catch (e) {
    return { reason: `cannot read: ${(e as NodeJS.ErrnoException).code ?? String(e)}` };
  }
}
