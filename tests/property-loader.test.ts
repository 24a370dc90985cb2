import fc from 'fast-check';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepare } from '../src/library/release-updates.ts';
import type { RawRelease } from '../src/ports/source.ts';
import type { LoadProblem } from '../src/releases/release.ts';
import { loadTaxonomy } from '../src/taxonomy/load-taxonomy.ts';
import { ROOT, makeTestApp } from './helpers/test-app.ts';

/** Thousands of inputs, but a slow shared machine finishes with fewer rather than timing out. */
const BOUNDED = { interruptAfterTimeLimit: 15_000 } as const;

const { taxonomy } = loadTaxonomy(join(ROOT, 'content/topics.yml'));

/** Signs of a bug rather than a reason a person can act on. */
const CRASH = /cannot read prop|undefined is not|is not a function|is not iterable|of undefined|of null|Maximum call stack/i;

const yamlValue = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom('2020-02-14', '2020-13-45', '14 February 2020', 'null', '~', '[a, b', '{x: 1}', '|', '>', '- a\n- b', '"unterminated', "'q'", '&anchor', '*alias', '!!binary x'),
  fc.integer().map(String),
);
const frontMatter = fc
  .array(fc.tuple(fc.constantFrom('title', 'date', 'url', 'topics', 'summary', 'x', ''), yamlValue), { maxLength: 5 })
  .map((pairs) => pairs.map(([k, v]) => `${k}: ${v}`).join('\n'));
const bodyText = fc.oneof(
  fc.string({ maxLength: 400 }),
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.array(
    fc.constantFrom('The SCO Secretary-General met delegates in Tashkent on 14 February 2020.', '# Heading', '![photo](x.jpg)', '[link](http://x)', '**bold**', '```', 'Фото: пресс-служба', '', '\n\n', '   ', '<script>alert(1)</script>', 'Mr.', 'e.g.', '...', '—'),
    { maxLength: 20 },
  ).map((parts) => parts.join(' ')),
);
const fileText = fc.oneof(
  bodyText,
  fc.tuple(frontMatter, bodyText).map(([fm, body]) => `---\n${fm}\n---\n${body}`),
  fc.tuple(frontMatter, bodyText).map(([fm, body]) => `\uFEFF---\r\n${fm.replaceAll('\n', '\r\n')}\r\n---\r\n${body}`),
  fc.tuple(frontMatter, bodyText).map(([fm, body]) => `---\n${fm}\n${body}`),
);

function checkRelease(raw: RawRelease) {
  const problems: LoadProblem[] = [];
  const out = prepare([raw], taxonomy, problems);
  expect(out.length + problems.length).toBe(1);
  if (out[0]) {
    const r = out[0].release;
    expect(r.id).toBe(raw.id);
    expect(r.body.trim().length).toBeGreaterThan(0);
    // A first line without words is the known gap below; otherwise the title is visible.
    if (/[\p{L}\p{N}]/u.test(r.body.trimStart().split('\n')[0]!)) expect(r.title.trim().length).toBeGreaterThan(0);
    if (r.date !== null) expect(r.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(Array.isArray(r.topics)).toBe(true);
    expect(Array.isArray(r.summary)).toBe(true);
    expect(r.hash).toMatch(/^[0-9a-f]+$/);
  } else {
    expect(problems[0]!.reason.length).toBeGreaterThan(0);
    expect(problems[0]!.reason).not.toMatch(CRASH);
  }
}

describe('release loader under any file contents', () => {
  it('turns any .md or .txt text into a release or a problem with a reason, never a crash', () => {
    fc.assert(
      fc.property(fileText, fc.constantFrom('md', 'txt'), (text, ext) => {
        checkRelease({ id: 'prop', source: 'content', text, path: `/tmp/content/releases/prop.${ext}` });
      }),
      { numRuns: 3000, ...BOUNDED },
    );
  }, 120_000);

  it('does the same for live-source releases with arbitrary title, date and url', () => {
    fc.assert(
      fc.property(bodyText, fc.option(fc.string({ maxLength: 40 })), fc.option(yamlValue), fc.option(fc.webUrl()), (text, title, date, url) => {
        checkRelease({ id: 'site:1', source: 'sco-site', text, title: title ?? undefined, date: date ?? undefined, url: url ?? undefined });
      }),
      { numRuns: 1500, ...BOUNDED },
    );
  }, 120_000);

  // A .txt whose first line has no words (`...`, `---`, `—`, a stray front-matter fence) must not
  // load as a release with an empty title, shown as a blank result.
  it('a file whose first line has no words is a problem or gets a visible title', () => {
    for (const text of ['...', ',', '—', '---\n\n', '---\n\n---\nThe SCO Secretary-General met delegates in Tashkent.']) {
      const problems: LoadProblem[] = [];
      const [item] = prepare([{ id: 'p', source: 'content', text, path: '/tmp/p.txt' }], taxonomy, problems);
      if (item) expect(item.release.title.trim().length, JSON.stringify(text)).toBeGreaterThan(0);
    }
  });

  it('a content folder of arbitrary files refreshes: every file is indexed or reported, nothing throws', async () => {
    const t = await makeTestApp({ corpus: 'none' });
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.oneof(fileText.map((s) => Buffer.from(s)), fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b))), { minLength: 1, maxLength: 6 }),
          async (files) => {
            const dir = join(t.contentDir, 'releases');
            rmSync(dir, { recursive: true, force: true });
            mkdirSync(dir);
            files.forEach((buf, i) => writeFileSync(join(dir, `f${i}.${i % 2 ? 'md' : 'txt'}`), buf));
            const report = await t.app.library.refresh();
            const reported = new Set(report.problems.map((p) => p.path.split('/').pop()));
            expect(report.total).toBe(t.app.library.count());
            for (let i = 0; i < files.length; i++) {
              const name = `f${i}.${i % 2 ? 'md' : 'txt'}`;
              const indexed = t.app.library.get(`f${i}`) !== null;
              expect(indexed || reported.has(name), `${name} neither indexed nor reported`).toBe(true);
            }
            for (const p of report.problems) expect(p.reason).not.toMatch(CRASH);
          },
        ),
        { numRuns: 40, ...BOUNDED },
      );
    } finally {
      await t.cleanup();
    }
  }, 180_000);
});

