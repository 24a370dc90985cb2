import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bodyOf, startHarness, type Harness } from '../../fakes/discord/discord-harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ corpus: 'both' });
  // Enough releases that a broad prefix matches more than Discord takes, one with a very long title.
  for (let i = 0; i < 40; i++) {
    const title = i === 0 ? `Interbank Consortium ${'longwinded cooperation and consortium meeting '.repeat(8).trim()}` : `Interbank Consortium council session number ${i}`;
    writeFileSync(join(h.test.contentDir, 'releases', `ibc-${i}.md`), `---\ntitle: "${title}"\ndate: 2023-01-${String((i % 28) + 1).padStart(2, '0')}\n---\nThe SCO Interbank Consortium met for session ${i}.\n`);
  }
  await h.test.app.library.refresh();
});
afterAll(async () => h?.close());

async function complete(typed: string) {
  const started = Date.now();
  const { token } = h.fake.autocomplete('search', 'query', typed);
  const call = await h.fake.waitForCall((c) => c.path.endsWith(`/${token}/callback`));
  expect(bodyOf(call).type).toBe(8); // APPLICATION_COMMAND_AUTOCOMPLETE_RESULT
  const choices = bodyOf(call).data.choices as { name: string; value: string }[];
  return { choices, ms: Date.now() - started };
}

function withinLimits(choices: { name: string; value: string }[]) {
  expect(choices.length).toBeLessThanOrEqual(25);
  for (const c of choices) {
    expect(c.name.length).toBeGreaterThan(0);
    expect(c.name.length).toBeLessThanOrEqual(100);
    expect(c.value.length).toBeGreaterThan(0);
    expect(c.value.length).toBeLessThanOrEqual(100);
  }
}

describe('Discord autocomplete of /sco search query: release titles', () => {
  it('completes a word being typed to the titles that hold it, with their dates', async () => {
    const { choices, ms } = await complete('New Delh');
    withinLimits(choices);
    expect(choices).toContainEqual({ name: 'Interbank Consortium experts meet in New Delhi (2022-12-27)', value: '"Interbank Consortium experts meet in New Delhi"' });
    // Discord drops an answer later than 3 s; this one is local work only.
    expect(ms).toBeLessThan(3000);
  });

  it('never offers more than 25', async () => {
    const { choices } = await complete('interbank');
    withinLimits(choices);
    expect(choices).toHaveLength(25);
  });

  it('cuts a long title within 100 characters at a word', async () => {
    const { choices } = await complete('longwind');
    withinLimits(choices);
    expect(choices[0]!.name).toMatch(/^Interbank Consortium longwinded .*[a-z]…$/);
    expect(choices[0]!.value).toMatch(/^"Interbank Consortium longwinded .*[a-z]"$/);
  });

  it('offers topics as filters beside titles', async () => {
    const { choices } = await complete('afgh');
    withinLimits(choices);
    expect(choices[0]!.value).toBe('topic:afghanistan');
    expect(choices.some((c) => /Afghanistan/.test(c.name) && !c.value.startsWith('topic:'))).toBe(true);
  });

  it('with nothing typed yet, offers the newest releases', async () => {
    const { choices } = await complete('');
    withinLimits(choices);
    expect(choices.filter((c) => !c.value.startsWith('topic:')).length).toBeGreaterThan(0);
  });

  it('a chosen title finds its release first', async () => {
    const { choices } = await complete('New Delh');
    const chosen = choices.find((c) => c.name.startsWith('Interbank Consortium experts'))!;
    const outcome = h.test.app.library.search(chosen.value, { limit: 1 });
    expect(outcome.hits[0]!.release.title).toBe('Interbank Consortium experts meet in New Delhi');
  });
});
