/**
 * Synthetic SCO-like press releases for the benchmarks: N releases of 300-800 words, the same
 * for the same seed, written as Markdown with front matter to a temporary folder (never
 * committed).
 *
 *   node bin/run.js bench/generate-corpus.ts --size 10000 [--seed 42] [--out DIR]
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  BODIES, CITIES, DEMONYMS, EVENTS, MEMBERS, MONTHS, PARTNERS, PEOPLE, PROSE, SYLLABLES, THEMES, TITLES,
} from './vocabulary.ts';

export interface SyntheticRelease {
  id: string;
  title: string;
  /** YYYY-MM-DD */
  date: string;
  url: string;
  body: string;
}

/** mulberry32: tiny, fast, and good enough to make a corpus reproducible from one number. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const int = (r: Rand, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A made-up proper name (village, surname, enterprise): the long tail of the vocabulary. */
function longTailName(r: Rand): string {
  const n = int(r, 2, 3);
  return cap(Array.from({ length: n }, () => pick(r, SYLLABLES)).join(''));
}

function dayText(date: string): string {
  const [y, m, d] = date.split('-');
  return `${Number(d)} ${MONTHS[Number(m) - 1]} ${y}`;
}

function sentence(r: Rand, ctx: { person: string; city: string; event: string; theme: string; date: string }): string {
  const filler = (n: number) => Array.from({ length: n }, () => pick(r, PROSE)).join(' ');
  switch (int(r, 0, 9)) {
    case 0:
      return `${pick(r, TITLES)} ${ctx.person} took part in the ${ctx.event} in ${ctx.city} on ${dayText(ctx.date)}.`;
    case 1:
      return `The parties discussed ${ctx.theme} and ${pick(r, THEMES)}, and ${filler(int(r, 6, 14))}.`;
    case 2:
      return `Representatives of ${pick(r, MEMBERS)}, ${pick(r, MEMBERS)} and ${pick(r, PARTNERS)} ${filler(int(r, 5, 12))}.`;
    case 3:
      return `${cap(pick(r, BODIES))} noted that ${filler(int(r, 8, 16))} in ${pick(r, CITIES)}.`;
    case 4:
      return `According to the ${pick(r, DEMONYMS)} side, ${int(r, 2, 950)} ${filler(int(r, 3, 8))} were recorded in ${int(r, 2001, 2025)}.`;
    case 5:
      return `${ctx.person} met ${pick(r, PEOPLE)} and the delegation of ${longTailName(r)} ${filler(int(r, 4, 10))}.`;
    case 6:
      return `The ${pick(r, EVENTS)} on ${pick(r, THEMES)} will be held in ${pick(r, CITIES)} in ${pick(r, MONTHS)} ${int(r, 2002, 2026)}.`;
    case 7:
      return `${cap(filler(int(r, 10, 20)))}.`;
    case 8:
      return `Participants from ${longTailName(r)} and ${longTailName(r)} ${filler(int(r, 6, 12))} ${ctx.theme}.`;
    default:
      return `${cap(filler(int(r, 5, 10)))}, ${pick(r, DEMONYMS)} ${filler(int(r, 4, 9))}.`;
  }
}

/** Release number i of the corpus with this seed; independent of the others, so any slice can be made alone. */
export function syntheticRelease(seed: number, i: number): SyntheticRelease {
  const r = rng(seed * 1_000_003 + i);
  const y = int(r, 2002, 2025);
  const m = int(r, 1, 12);
  const d = int(r, 1, 28);
  const date = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const ctx = { person: pick(r, PEOPLE), city: pick(r, CITIES), event: pick(r, EVENTS), theme: pick(r, THEMES), date };
  const target = int(r, 300, 800);
  const paragraphs: string[] = [];
  let words = 0;
  while (words < target) {
    const sentences: string[] = [];
    for (let s = int(r, 2, 5); s > 0 && words < target; s--) {
      const text = sentence(r, ctx);
      words += text.split(' ').length;
      sentences.push(text);
    }
    paragraphs.push(sentences.join(' '));
  }
  const title = `${ctx.person.split(' ').pop()} at the ${ctx.event} on ${ctx.theme} in ${ctx.city}`;
  const number = String(400_000 + i).padStart(6, '0');
  return {
    id: `syn-${String(i).padStart(6, '0')}`,
    title: cap(title),
    date,
    url: `https://eng.sectsco.org/news/${date.replaceAll('-', '')}/${number}.html`,
    body: paragraphs.join('\n\n'),
  };
}

export function toMarkdown(rel: SyntheticRelease): string {
  return `---\ntitle: ${JSON.stringify(rel.title)}\ndate: ${rel.date}\nurl: ${rel.url}\n---\n${rel.body}\n`;
}

/**
 * Writes `size` releases as `<dir>/releases/<id>.md` (a content folder without topics.yml; the
 * caller copies the taxonomy in). Returns the content folder.
 */
export function writeCorpus(size: number, seed = 42, dir = mkdtempSync(join(tmpdir(), `sco-bench-${size}-`))): string {
  const releases = join(dir, 'releases');
  mkdirSync(releases, { recursive: true });
  for (let i = 0; i < size; i++) {
    const rel = syntheticRelease(seed, i);
    writeFileSync(join(releases, `${rel.id}.md`), toMarkdown(rel));
  }
  return dir;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const flag = (name: string) => {
    const at = args.indexOf(name);
    return at >= 0 ? args[at + 1] : undefined;
  };
  const size = Number(flag('--size') ?? 1000);
  const seed = Number(flag('--seed') ?? 42);
  const out = flag('--out');
  const dir = writeCorpus(size, seed, out);
  process.stdout.write(`${dir}\n`);
}
