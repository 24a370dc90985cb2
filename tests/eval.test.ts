import { describe, expect, it, vi } from 'vitest';
import { formatReport, runEvaluation, type Ratio } from './eval/evaluate.ts';

// Answers ~100 questions over seed + shared corpus; a loaded 2-core machine needs time.
vi.setConfig({ testTimeout: 240_000 });

const rate = (r: Ratio) => (r.of === 0 ? 0 : r.hit / r.of);

/**
 * Floors just under what `npm run eval` reaches (answer accuracy 85/85, citation precision
 * 90/90, declines 21/21, latest 5/5, lookups 24/24 at rank 1), so quality cannot fall silently:
 * each allows about one miss.
 */
describe('evaluation set', () => {
  // The second run takes the path of an index of thousands of releases: lookups ranked from the
  // parts' lists, answers from the best releases' sentences. It must be as good.
  it.each([
    ['a small index', {}],
    ['the big-index path', { lists: { length: 3, writeDf: 2, minReleases: 1, sentencesFrom: 1 } }],
  ])('keeps answer, citation, decline and lookup quality above the floors on %s', async (_, options) => {
    const report = await runEvaluation(options);
    const summary = `${formatReport(report)}\n${report.failures.join('\n')}`;
    expect(report.answerAccuracy.of, summary).toBeGreaterThanOrEqual(80);
    expect(report.declineAccuracy.of, summary).toBeGreaterThanOrEqual(21);
    expect(rate(report.answerAccuracy), summary).toBeGreaterThanOrEqual(0.97);
    expect(rate(report.citationPrecision), summary).toBeGreaterThanOrEqual(0.97);
    expect(rate(report.declineAccuracy), summary).toBeGreaterThanOrEqual(0.95);
    expect(rate(report.latestAccuracy), summary).toBeGreaterThanOrEqual(0.8);
    expect(rate(report.wrongAnswers), summary).toBeLessThanOrEqual(0.02);
    expect(rate(report.hitAt1), summary).toBeGreaterThanOrEqual(0.95);
    expect(rate(report.hitAt3), summary).toBeGreaterThanOrEqual(0.95);
    expect(report.mrr.sum / report.mrr.of, summary).toBeGreaterThanOrEqual(0.97);
  });
});
