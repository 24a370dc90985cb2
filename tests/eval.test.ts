import { describe, expect, it, vi } from 'vitest';
import { formatReport, runEvaluation, type Ratio } from './eval/evaluate.ts';

// Answers ~100 questions over seed + shared corpus; a loaded 2-core machine needs time.
vi.setConfig({ testTimeout: 240_000 });

const rate = (r: Ratio) => (r.of === 0 ? 0 : r.hit / r.of);

/**
 * Floors just under what `npm run eval` reaches (answer accuracy 72/75, citation precision
 * 80/82, declines 12/12, latest 5/5, lookups 24/24), so quality cannot fall silently.
 */
describe('evaluation set', () => {
  it('keeps answer, citation, decline and lookup quality above the floors', async () => {
    const report = await runEvaluation();
    const summary = `${formatReport(report)}\n${report.failures.join('\n')}`;
    expect(report.answerAccuracy.of, summary).toBeGreaterThanOrEqual(70);
    expect(report.declineAccuracy.of, summary).toBeGreaterThanOrEqual(8);
    expect(rate(report.answerAccuracy), summary).toBeGreaterThanOrEqual(0.92);
    expect(rate(report.citationPrecision), summary).toBeGreaterThanOrEqual(0.95);
    expect(rate(report.declineAccuracy), summary).toBeGreaterThanOrEqual(0.9);
    expect(rate(report.latestAccuracy), summary).toBeGreaterThanOrEqual(0.8);
    expect(rate(report.wrongAnswers), summary).toBeLessThanOrEqual(0.06);
    expect(rate(report.hitAt1), summary).toBeGreaterThanOrEqual(0.9);
    expect(rate(report.hitAt3), summary).toBeGreaterThanOrEqual(0.95);
    expect(report.mrr.sum / report.mrr.of, summary).toBeGreaterThanOrEqual(0.93);
  });
});
