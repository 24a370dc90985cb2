import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { splitFrontMatter } from '../../src/releases/front-matter.ts';
import { loadTaxonomy } from '../../src/taxonomy/load-taxonomy.ts';
import { makeTestApp, type TestApp } from '../helpers/test-app.ts';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

describe('front matter messages', () => {
  it('---, --- and a body is an empty front matter, not an unclosed one', () => {
    expect(splitFrontMatter('---\n---\nThe SCO met in Tashkent.')).toEqual({ meta: {}, body: 'The SCO met in Tashkent.' });
    expect(splitFrontMatter('\uFEFF---\r\n---\r\nBody')).toEqual({ meta: {}, body: 'Body' });
    expect(() => splitFrontMatter('---\ntitle: x\nBody')).toThrow(/never ends/);
  });

  it('a YAML error is one whole sentence with its line in the file, not cut before an excerpt', async () => {
    t = await makeTestApp({ corpus: 'none' });
    const file = join(t.contentDir, 'releases', 'bad.md');
    writeFileSync(file, '---\ntitle: [unclosed\ndate: 2023-05-01\n---\nBody.\n');
    writeFileSync(join(t.contentDir, 'releases', 'dup.md'), '---\ntitle: a\ntitle: b\n---\nBody.\n');
    const report = await t.app.library.refresh();
    const reasons = Object.fromEntries(report.problems.map((p) => [p.path.split('/').pop(), p.reason]));
    expect(reasons['bad.md']).toBe('front matter is not valid YAML: flow sequence in block collection must be sufficiently indented and end with a ] (line 3, column 1)');
    expect(reasons['dup.md']).toBe('front matter is not valid YAML: map keys must be unique (line 3, column 1)');
    for (const reason of Object.values(reasons)) expect(reason).not.toMatch(/:$/);
  });

  it('the same goes for topics.yml', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sco-topics-msg-'));
    try {
      writeFileSync(join(dir, 'topics.yml'), 'members:\n  - id: china\n    label: [China\n');
      const { problems } = loadTaxonomy(join(dir, 'topics.yml'));
      expect(problems[0]?.reason).toMatch(/^not valid YAML: .+ \(line \d+, column \d+\)$/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a date in the future loads with a warning naming it', async () => {
    t = await makeTestApp({ corpus: 'none', clock: () => new Date('2025-03-01T12:00:00Z') });
    const dir = join(t.contentDir, 'releases');
    writeFileSync(join(dir, 'future.md'), '---\ntitle: Far ahead\ndate: 2099-01-01\n---\nThe SCO will meet in Tashkent.\n');
    writeFileSync(join(dir, 'tomorrow.md'), '---\ntitle: Time zones\ndate: 2025-03-02\n---\nThe SCO met in Bishkek.\n');
    const report = await t.app.library.refresh();
    expect(report.added.sort()).toEqual(['future', 'tomorrow']);
    expect(report.problems).toEqual([
      { path: join(dir, 'future.md'), reason: 'the date 2099-01-01 (in the front matter) is in the future; the release is loaded with it, but check the date' },
    ]);
    expect(t.app.library.get('future')!.date).toBe('2099-01-01');
  });
});
