import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, sep } from 'node:path';
import type { RawRelease } from '../ports/source.ts';
import type { LoadProblem } from './release.ts';
import { FAILED, FILE, OTHER, statFiles } from './stat-files.ts';

/** A release file as found on disk, before it is read. */
export interface ContentFile {
  name: string;
  path: string;
  id: string;
  mtimeMs: number;
  size: number;
}

export interface ContentScan {
  files: ContentFile[];
  problems: LoadProblem[];
}

const RELEASE_EXT = new Set(['.txt', '.md', '.markdown']);

/**
 * Lists the release files of `dir` with their size and modification time (no reading), so an
 * unchanged folder costs one directory read and a stat per file.
 */
export function scanContent(dir: string): ContentScan {
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
  const candidates: string[] = [];
  for (const name of names) {
    if (name.startsWith('.') || name.endsWith('~')) continue;
    if (RELEASE_EXT.has(extname(name).toLowerCase())) candidates.push(name);
    else problems.push({ path: base + name, reason: 'skipped: only .txt and .md files are releases' });
  }
  const stats = statFiles(base, candidates);
  const files: ContentFile[] = [];
  const ids = new Map<string, string>();
  for (let i = 0; i < candidates.length; i++) {
    const name = candidates[i]!;
    let mtimeMs = stats[3 * i]!;
    let size = stats[3 * i + 1]!;
    let kind = stats[3 * i + 2]!;
    if (kind === FAILED) {
      // Stat again to learn why (or find that it works now).
      try {
        const st = statSync(base + name);
        [mtimeMs, size, kind] = [st.mtimeMs, st.size, st.isFile() ? FILE : OTHER];
      } catch (e) {
        problems.push({ path: base + name, reason: `cannot read: ${(e as NodeJS.ErrnoException).code ?? String(e)}` });
        continue;
      }
    }
    if (kind !== FILE) continue;
    const id = name.slice(0, name.lastIndexOf('.'));
    const other = ids.get(id);
    if (other) {
      problems.push({ path: base + name, reason: `same release id "${id}" as ${other}; this file is ignored` });
      continue;
    }
    ids.set(id, name);
    files.push({ name, path: base + name, id, mtimeMs: Math.trunc(mtimeMs), size });
  }
  return { files, problems };
}

/** Reads one release file as a raw release; throws with the reason when it cannot. */
export function readContentFile(file: ContentFile): RawRelease {
  const buf = readFileSync(file.path);
  const text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  return { id: file.id, source: 'content', text, path: file.path };
}

export function describeReadError(e: unknown): string {
  if (e instanceof TypeError && /encoded data|decode/i.test(e.message)) return 'not UTF-8 text';
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOENT') return 'the file disappeared while reading';
  if (code === 'EISDIR') return 'is a folder';
  return e instanceof Error ? e.message : String(e);
}
