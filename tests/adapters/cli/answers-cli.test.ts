import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { runSco, tempWorkspace } from '../../helpers/run-sco.ts';

// Real processes on a loaded 2-core machine.
vi.setConfig({ testTimeout: 120_000 });
const ws = tempWorkspace('both');
afterAll(() => rmSync(join(ws.contentDir, '..'), { recursive: true, force: true }));

describe('sco ask', () => {
  it('--json prints exactly the documented shape with the answer, quote, citation and evidence', async () => {
    const run = await runSco(['ask', 'where', 'is', 'RATS', 'based?', '--json', ...ws.dirArgs]);
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout) as Record<string, unknown> & { citations: Record<string, unknown>[] };
    // Issue 15: the evidence the scorer weighed (terms, candidates with features and probability).
    expect(Object.keys(doc)).toEqual(['question', 'answer', 'quote', 'citations', 'evidence']);
    const evidence = doc.evidence as { threshold: number; candidates: { answer: string; p?: number; features: Record<string, number> }[] };
    // The best candidate is the right one, with its probability against the threshold.
    expect(evidence.candidates[0]!.answer).toBe('Tashkent');
    expect(evidence.candidates[0]!.p).toBeGreaterThan(0);
    expect(evidence.threshold).toBeGreaterThan(0);
    expect(evidence.candidates[0]!.features).toHaveProperty('cov');
    expect(doc.question).toBe('where is RATS based?');
    expect(doc.question).toBe('where is RATS based?');
    // Issue 15: with the seed and corpus only the learned scorer may decline this; never answer it wrongly.
    if (doc.answer === null) return expect(doc.citations).toEqual([]);
    expect(doc.answer).toBe('Tashkent');
    expect(doc.quote).toContain('headquartered in Tashkent');
    expect(doc.citations[0]).toEqual({
      id: '000_9851d8e3c5c57f74',
      title: expect.any(String),
      date: expect.any(String),
      url: null,
    });
    for (const c of doc.citations) expect(Object.keys(c)).toEqual(['id', 'title', 'date', 'url']);
  });

  it('--json declines with a null answer and no citations', async () => {
    const run = await runSco(['ask', 'Who won the 2018 football World Cup?', '--json', ...ws.dirArgs]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ question: 'Who won the 2018 football World Cup?', answer: null, quote: null, citations: [] });
  });

  it('--explain shows the candidates weighed, their features and the probability', async () => {
    const run = await runSco(['ask', 'where', 'is', 'RATS', 'based?', '--explain', ...ws.dirArgs]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/threshold: 0\.\d+/);
    expect(run.stdout).toMatch(/p=0\.\d+ score=-?[\d.]+ “Tashkent” /);
    expect(run.stdout).toMatch(/\bcov=/);
  });

  it('prints a readable answer without --json', async () => {
    const run = await runSco(['ask', 'Who headed the SCO observer mission in Turkmenistan?', ...ws.dirArgs]);
    expect(run.code).toBe(0);
    // Issue 15: the answer, or the plain decline below the learned threshold; never another name.
    if (run.stdout.startsWith('I could not find this')) return;
    expect(run.stdout).toMatch(/^Rashid Alimov\n/);
    expect(run.stdout).toContain('It is headed by SCO Secretary-General Rashid Alimov.');
    expect(run.stdout).toContain('[1] ');
  });
});
