import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from '../helpers/test-app.ts';

/** Where a labelled question comes from: the team's own set, the shared corpus's, the outside dev set. */
export type Source = 'team' | 'corpus' | 'dev';

export interface QaItem {
  source: Source;
  ask: string;
  expect: string[];
  /** Id of the release that states the answer. */
  release: string;
  type: string;
}
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
  return {
    qa: [
      ...ours.qa.map((q) => ({ ...q, source: 'team' as const })),
      ...shared.qa.map((q) => ({ source: 'corpus' as const, ask: q.ask, expect: q.expect, release: idOf(q.file), type: q.type })),
      ...dev.qa.map((q) => ({ source: 'dev' as const, ask: q.ask, expect: q.expect, release: idOf(q.file), type: q.type })),
    ],
    unanswerable: [...ours.unanswerable.map((q) => ({ source: 'team' as const, ask: q.ask })), ...dev.unanswerable.map((ask) => ({ source: 'dev' as const, ask }))],
    latest: [...ours.latest.map((q) => ({ ...q, source: 'team' as const })), ...dev.latest.map((q) => ({ source: 'dev' as const, ask: q.ask, release: idOf(q.file) }))],
    lookups: ours.lookups,
  };
}

/** Words an answer may have and still count as short: the dev set's rule. */
export function shortLimit(type: string): number {
  return type === 'fact' || type === 'statement' || type === 'yesno' ? 40 : 12;
}

export type Outcome = 'right' | 'long' | 'wrong' | 'declined';

/** How an answer to a labelled question counts: right and short, right only as a long text, wrong, or declined. */
export function judge(item: Pick<QaItem, 'expect' | 'type'>, answer: string | null): Outcome {
  if (answer === null) return 'declined';
  const lower = answer.toLowerCase();
  if (!item.expect.some((e) => lower.includes(e.toLowerCase()))) return 'wrong';
  const words = answer.split(/\s+/).filter(Boolean).length;
  return words <= shortLimit(item.type) ? 'right' : 'long';
}
