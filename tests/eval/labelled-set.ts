import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from '../helpers/test-app.ts';

/**
 * Where a labelled question comes from: the team's own set, the shared corpus's, the outside dev
 * set, and `extra`: more questions the team wrote from the releases alone, without reading the
 * other sets or the engine's answers (tests/eval/extra-questions*.json, one file a round of writing). They add training data;
 * the headline figures are over the first three, so they stay comparable, and `extra` has its
 * own line.
 */
export type Source = 'team' | 'corpus' | 'dev' | 'extra';

/** The sources the headline figures count. */
export const isHeadline = (source: Source) => source !== 'extra';

export interface QaItem {
  source: Source;
  ask: string;
  expect: string[];
  /** Id of the release that states the answer. */
  release: string;
  /** Other releases that state it too (tests/eval/also-stated.json): citing one is right. */
  also: string[];
  type: string;
}

/** Whether a release states a labelled question's answer: the one its label names, or another listed as stating it too. */
export const states = (item: Pick<QaItem, 'release' | 'also'>, id: string) => id === item.release || item.also.includes(id);
export interface LatestItem {
  source: Source;
  ask: string;
  release: string;
}
export interface LabelledSet {
  qa: QaItem[];
  unanswerable: { source: Source; ask: string }[];
  latest: LatestItem[];
  lookups: { query: string; release: string }[];
}

export const DEV_RELEASES = join(FIXTURES, 'corpus/dev/releases');

const idOf = (file: string) => file.replace(/\.(txt|md)$/, '');

interface ExtraFile {
  qa: { ask: string; expect: string[]; release: string; type: string }[];
  unanswerable: { ask: string }[];
}

/**
 * The extra questions of every round (tests/eval/extra-questions*.json), in file-name order;
 * EXTRA_ROUNDS=N takes the first N files only, to measure what a round adds.
 */
function extraQuestions(): ExtraFile {
  const rounds = process.env.EXTRA_ROUNDS ? Number(process.env.EXTRA_ROUNDS) : Infinity;
  const files = readdirSync(import.meta.dirname).filter((f) => /^extra-questions.*\.json$/.test(f)).sort().slice(0, rounds);
  const all = files.map((f) => JSON.parse(readFileSync(join(import.meta.dirname, f), 'utf8')) as ExtraFile);
  return { qa: all.flatMap((e) => e.qa), unanswerable: all.flatMap((e) => e.unanswerable) };
}

export interface AlsoStated {
  ask: string;
  release: string;
  /** The words of the release that state the answer. */
  quote: string;
}

/** Releases that state a labelled answer besides the one its label names (tests/eval/also-stated.json). */
export function alsoStated(): AlsoStated[] {
  return (JSON.parse(readFileSync(join(import.meta.dirname, 'also-stated.json'), 'utf8')) as { entries: AlsoStated[] }).entries;
}

/** The whole labelled set: the team's questions, the shared corpus's and the outside dev set. */
export function loadLabelledSet(): LabelledSet {
  const ours = JSON.parse(readFileSync(join(import.meta.dirname, 'questions.json'), 'utf8')) as {
    qa: Omit<QaItem, 'source'>[];
    unanswerable: { ask: string }[];
    latest: Omit<LatestItem, 'source'>[];
    lookups: { query: string; release: string }[];
  };
  const shared = JSON.parse(readFileSync(join(FIXTURES, 'corpus/questions.json'), 'utf8')) as {
    qa: { ask: string; expect: string[]; file: string; type: string }[];
  };
  const dev = JSON.parse(readFileSync(join(FIXTURES, 'corpus/dev/questions.json'), 'utf8')) as {
    qa: { ask: string; expect: string[]; file: string; type: string }[];
    latest: { ask: string; file: string }[];
    unanswerable: string[];
  };
  // NO_EXTRA=1 leaves the extra questions out of training too, to measure what they add.
  const extra = process.env.NO_EXTRA ? { qa: [], unanswerable: [] } : extraQuestions();
  // A few extra questions came out word for word as one of the other sets' (written apart): one
  // question, one label and one fold, so the extra copy goes.
  const asked = new Set([...ours.qa, ...shared.qa, ...dev.qa, ...ours.unanswerable].map((q) => q.ask.toLowerCase()).concat(dev.unanswerable.map((a) => a.toLowerCase())));
  const fresh = <Q extends { ask: string }>(q: Q) => !asked.has(q.ask.toLowerCase());
  const qa: QaItem[] = [
    ...ours.qa.map((q) => ({ ...q, source: 'team' as const, also: [] })),
    ...shared.qa.map((q) => ({ source: 'corpus' as const, ask: q.ask, expect: q.expect, release: idOf(q.file), also: [], type: q.type })),
    ...dev.qa.map((q) => ({ source: 'dev' as const, ask: q.ask, expect: q.expect, release: idOf(q.file), also: [], type: q.type })),
    ...extra.qa.filter(fresh).map((q) => ({ ...q, source: 'extra' as const, also: [] })),
  ];
  for (const entry of alsoStated()) {
    const item = qa.find((q) => q.ask === entry.ask);
    if (!item) throw new Error(`tests/eval/also-stated.json: no labelled question asks ${JSON.stringify(entry.ask)}`);
    item.also.push(entry.release);
  }
  return {
    qa,
    unanswerable: [
      ...ours.unanswerable.map((q) => ({ source: 'team' as const, ask: q.ask })),
      ...dev.unanswerable.map((ask) => ({ source: 'dev' as const, ask })),
      ...extra.unanswerable.filter(fresh).map((q) => ({ source: 'extra' as const, ask: q.ask })),
    ],
    latest: [...ours.latest.map((q) => ({ ...q, source: 'team' as const })), ...dev.latest.map((q) => ({ source: 'dev' as const, ask: q.ask, release: idOf(q.file) }))],
    lookups: ours.lookups,
  };
}

/**
 * The releases in the order folds are dealt from: those of the headline questions first, so
 * adding `extra` questions leaves every headline question in its fold; then releases only the
 * extra questions ask about. `key` orders each group (ALT_FOLDS deals them another way).
 */
export function releaseOrder(set: LabelledSet, key: (id: string) => string = (id) => id): string[] {
  const sorted = (ids: Iterable<string>) => [...new Set(ids)].sort((a, b) => key(a).localeCompare(key(b)));
  const headline = sorted(set.qa.filter((q) => isHeadline(q.source)).map((q) => q.release));
  const known = new Set(headline);
  return [...headline, ...sorted(set.qa.map((q) => q.release).filter((id) => !known.has(id)))];
}

/** Words an answer may have and still count as short: the dev set's rule. */
export function shortLimit(type: string): number {
  return type === 'fact' || type === 'statement' || type === 'yesno' ? 40 : 12;
}

/**
 * Whether an answer holds an expected form, ignoring case. A short form (a number, "ten", "no")
 * must stand as a word of its own: "20" is not in "2020", nor "ten" in "attended".
 */
function holds(answer: string, expected: string): boolean {
  const a = answer.toLowerCase();
  const e = expected.toLowerCase();
  if (e.length > 5 && !/^\d+$/.test(e)) return a.includes(e);
  const escaped = e.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}($|[^\\p{L}\\p{N}])`, 'u').test(a);
}

export type Outcome = 'right' | 'long' | 'wrong' | 'declined';

/** How an answer to a labelled question counts: right and short, right only as a long text, wrong, or declined. */
export function judge(item: Pick<QaItem, 'expect' | 'type'>, answer: string | null): Outcome {
  if (answer === null) return 'declined';
  if (!item.expect.some((e) => holds(answer, e))) return 'wrong';
  const words = answer.split(/\s+/).filter(Boolean).length;
  return words <= shortLimit(item.type) ? 'right' : 'long';
}
