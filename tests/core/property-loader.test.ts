import fc from 'fast-check';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, openSync, closeSync, ftruncateSync, writeSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_RELEASE_BYTES, MAX_SENTENCE_CHARS, MAX_WORD_CHARS } from '../../src/text/limits.ts';
import { describe, expect, it } from 'vitest';
import { prepare } from '../../src/library/release-updates.ts';
import type { RawRelease } from '../../src/ports/source.ts';
import type { LoadProblem } from '../../src/releases/release.ts';
import { loadTaxonomy } from '../../src/taxonomy/load-taxonomy.ts';
import { ROOT, makeTestApp } from '../helpers/test-app.ts';

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


/** Generous: each finished in well under a second after the caps, and took minutes (or never finished) before. */
const HOSTILE_MS = 30_000;

describe('hostile files in the content folder', () => {
  it('arbitrary files beside a link out of the folder and a named pipe: the link and the pipe are reported, never read', async () => {
    const t = await makeTestApp({ corpus: 'none' });
    const secrets = mkdtempSync(join(tmpdir(), 'sco-prop-secret-'));
    writeFileSync(join(secrets, 'environ'), 'HOME=/root\0SLACK_BOT_TOKEN=xoxb-9-9-propertysecret\0');
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(fileText, { minLength: 1, maxLength: 4 }), async (texts) => {
          const dir = join(t.contentDir, 'releases');
          rmSync(dir, { recursive: true, force: true });
          mkdirSync(dir);
          texts.forEach((text, i) => writeFileSync(join(dir, `f${i}.md`), text));
          symlinkSync(join(secrets, 'environ'), join(dir, 'link.txt'));
          execFileSync('mkfifo', [join(dir, 'pipe.txt')]);
          const report = await t.app.library.refresh();
          const reasons = new Map(report.problems.map((p) => [p.path.split('/').pop(), p.reason]));
          expect(reasons.get('link.txt')).toMatch(/outside the content folder/);
          expect(reasons.get('pipe.txt')).toMatch(/named pipe/);
          expect(t.app.library.get('link')).toBeNull();
          expect(t.app.library.get('pipe')).toBeNull();
          for (let i = 0; i < texts.length; i++) expect(t.app.library.get(`f${i}`) !== null || reasons.has(`f${i}.md`)).toBe(true);
          expect(t.app.library.search('propertysecret').hits).toEqual([]);
        }),
        { numRuns: 20, ...BOUNDED },
      );
    } finally {
      rmSync(secrets, { recursive: true, force: true });
      await t.cleanup();
    }
  }, 180_000);

  it('a 50 MB release loads its first MiB in bounded time and a lookup over it answers', async () => {
    const t = await makeTestApp({ corpus: 'none' });
    try {
      const file = join(t.contentDir, 'releases', 'fifty.txt');
      const fd = openSync(file, 'w');
      const line = Buffer.from('Officials met in Kabul to discuss regional security and trade. '.repeat(16) + '\n');
      for (let written = 0; written < 50 * 1024 * 1024; written += line.length) writeSync(fd, line);
      closeSync(fd);
      const t0 = performance.now();
      const report = await t.app.library.refresh();
      const hits = t.app.library.search('kabul').hits;
      expect(performance.now() - t0).toBeLessThan(HOSTILE_MS);
      expect(report.problems).toContainEqual({ path: file, reason: expect.stringMatching(/^50\.0 MB is over the 1\.0 MB cap/) });
      expect(hits.map((h) => h.release.id)).toEqual(['fifty']);
      expect(t.app.library.get('fifty')!.body.length).toBeLessThan(1.1 * MAX_RELEASE_BYTES);
    } finally {
      await t.cleanup();
    }
  }, 120_000);

  it('a sparse file claiming 50 MB is read only up to the cap', async () => {
    const t = await makeTestApp({ corpus: 'none' });
    try {
      const file = join(t.contentDir, 'releases', 'sparse.txt');
      const fd = openSync(file, 'w');
      writeSync(fd, 'The SCO met in Bishkek on 1 May 2020.\n');
      ftruncateSync(fd, 50 * 1024 * 1024);
      closeSync(fd);
      const report = await t.app.library.refresh();
      // NUL bytes are not text: the cut head loads or is reported, in bounded time either way.
      expect(report.added.length + report.problems.filter((p) => p.path === file).length).toBeGreaterThan(0);
    } finally {
      await t.cleanup();
    }
  }, 60_000);

  it('a 100,000-character word and a 2 MB sentence are cut before anything stems or splits them', () => {
    const t0 = performance.now();
    const problems: LoadProblem[] = [];
    const [word] = prepare([{ id: 'w', source: 'content', text: `The SCO met in Bishkek on 1 May 2020. ${'z'.repeat(100_000)} followed.`, path: '/tmp/w.txt' }], taxonomy, problems);
    const [sentence] = prepare([{ id: 's', source: 'sco-site', text: 'security cooperation against terrorism '.repeat(55_000) }], taxonomy, problems);
    expect(performance.now() - t0).toBeLessThan(HOSTILE_MS);
    expect(word!.release.body).not.toContain('z'.repeat(MAX_WORD_CHARS + 1));
    expect(word!.sentences.every((s) => s.length <= MAX_SENTENCE_CHARS)).toBe(true);
    expect(sentence!.sentences.length).toBeGreaterThan(1000);
    expect(sentence!.sentences.every((s) => s.length <= MAX_SENTENCE_CHARS)).toBe(true);
    expect(problems).toEqual([{ path: 's', reason: expect.stringMatching(/over the 1\.0 MB cap/) }]);
  }, 60_000);
});
