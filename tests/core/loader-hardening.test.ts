import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readContentFile, describeReadError } from '../../src/releases/read-content-file.ts';
import { MAX_RELEASE_BYTES } from '../../src/text/limits.ts';
import { makeTestApp, type TestApp } from '../helpers/test-app.ts';

const TOKEN = 'xoxb-1111111111-2222222222-abcdefghijklmnopqrstuvwx';
const SIGNING = '8f742231b10e8888abcd99yyyzzz85a5';

let t: TestApp | undefined;
const outside: string[] = [];
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
  for (const dir of outside.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A folder outside the content folder holding `name` with `text`. */
function outsideFile(name: string, text: string | Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'sco-outside-'));
  outside.push(dir);
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** Everything a person could read in the reply to `text`, as one string. */
async function replyText(text: string): Promise<string> {
  const reply = await t!.app.bot.handle({ kind: 'command', text, user: { id: 'U1', canManage: false }, channel: 'console:local' });
  return JSON.stringify(reply);
}

const ENVIRON = `PATH=/usr/bin\0HOME=/root\0SLACK_BOT_TOKEN=${TOKEN}\0SLACK_SIGNING_SECRET=${SIGNING}\0LANG=C\0`;

describe('links and special files in the releases folder', () => {
  it('a link to a file outside the content folder is skipped with a warning naming it; show and search never return it', async () => {
    t = await makeTestApp({ corpus: 'seed', config: { slackBotToken: TOKEN, slackSigningSecret: SIGNING } });
    const dir = join(t.contentDir, 'releases');
    symlinkSync(outsideFile('environ', ENVIRON), join(dir, 'zz.txt'));
    symlinkSync(outsideFile('passwd', 'root:x:0:0:root:/root:/bin/bash\nKabul delegates met in Tashkent.\n'), join(dir, 'passwd.txt'));
    const report = await t.app.library.refresh();
    expect(report.problems).toContainEqual({ path: join(dir, 'zz.txt'), reason: expect.stringMatching(/link to a file outside the content folder/) });
    expect(report.problems).toContainEqual({ path: join(dir, 'passwd.txt'), reason: expect.stringMatching(/outside the content folder/) });
    expect(t.app.library.get('zz')).toBeNull();
    expect(t.app.library.get('passwd')).toBeNull();
    const shown = await replyText('show zz');
    expect(shown).not.toContain(TOKEN);
    expect(shown).toMatch(/I know no release with that id/);
    for (const q of ['SLACK_BOT_TOKEN', 'root', 'Kabul', 'bash']) expect(await replyText(q)).not.toMatch(/xoxb-|root:x|\/bin\/bash/);
  });

  it('a link to a release file inside the content folder is read', async () => {
    t = await makeTestApp({ corpus: 'seed' });
    const kept = join(t.contentDir, 'archive');
    mkdirSync(kept);
    writeFileSync(join(kept, 'kept.txt'), 'The SCO Secretariat hosted a capybara exhibition on 1 May 2020.\n');
    symlinkSync(join(kept, 'kept.txt'), join(t.contentDir, 'releases', 'kept.txt'));
    const report = await t.app.library.refresh();
    expect(report.added).toEqual(['kept']);
    expect(t.app.library.search('capybara').hits.map((h) => h.release.id)).toEqual(['kept']);
  });

  it('a named pipe and a folder named like a release are reported as skipped, and the refresh does not hang', async () => {
    t = await makeTestApp({ corpus: 'seed' });
    const dir = join(t.contentDir, 'releases');
    execFileSync('mkfifo', [join(dir, 'pipe.txt')]);
    mkdirSync(join(dir, 'folder.txt'));
    const report = await t.app.library.refresh();
    expect(report.problems).toContainEqual({ path: join(dir, 'pipe.txt'), reason: 'skipped: a named pipe, not a regular file' });
    expect(report.problems).toContainEqual({ path: join(dir, 'folder.txt'), reason: expect.stringMatching(/^skipped: a folder/) });
    expect(t.app.library.count()).toBe(1);
  });

  it('a file swapped for a link after the folder was read is refused, not followed', () => {
    const target = outsideFile('environ', ENVIRON);
    const dir = mkdtempSync(join(tmpdir(), 'sco-swap-'));
    outside.push(dir);
    const path = join(dir, 'swapped.txt');
    symlinkSync(target, path);
    let reason = '';
    try {
      readContentFile({ name: 'swapped.txt', path, id: 'swapped', mtimeMs: 0, size: 10 });
    } catch (e) {
      reason = describeReadError(e);
    }
    expect(reason).toMatch(/links are not followed/);
  });

  it('a file name that is not UTF-8 is reported with its escaped name and the real reason', async () => {
    t = await makeTestApp({ corpus: 'seed' });
    const dir = join(t.contentDir, 'releases');
    writeFileSync(Buffer.concat([Buffer.from(`${dir}/caf`), Buffer.from([0xe9]), Buffer.from('.txt')]), 'Delegates met in Bishkek on 1 May 2020.');
    const report = await t.app.library.refresh();
    expect(report.problems).toContainEqual({ path: `${dir}/caf\\xe9.txt`, reason: expect.stringMatching(/not valid UTF-8.*rename it/) });
    expect(report.problems.map((p) => p.reason).join(' ')).not.toMatch(/ENOENT/);
    expect(t.app.library.count()).toBe(1);
  });
});

describe('text that holds secrets is never indexed', () => {
  it('environment variables holding the bot secrets, in a regular file, are refused without quoting them', async () => {
    t = await makeTestApp({ corpus: 'seed', config: { slackBotToken: TOKEN, slackSigningSecret: SIGNING } });
    const dir = join(t.contentDir, 'releases');
    writeFileSync(join(dir, 'environ.txt'), ENVIRON);
    writeFileSync(join(dir, 'dotenv.md'), `# settings\nDISCORD_TOKEN=abc.def.ghi\n`);
    writeFileSync(join(dir, 'pasted.txt'), `The SCO Secretariat noted the token ${TOKEN} on 1 May 2020.\n`);
    writeFileSync(join(dir, 'generic.txt'), 'HOME=/root\nAWS_SECRET_ACCESS_KEY=abcd1234\nUSER=root\n');
    const report = await t.app.library.refresh();
    const reasons = Object.fromEntries(report.problems.map((p) => [p.path.split('/').pop(), p.reason]));
    expect(reasons['environ.txt']).toMatch(/^refused: it looks like environment variables holding the bot's secrets \(SLACK_BOT_TOKEN=…\)/);
    expect(reasons['dotenv.md']).toMatch(/DISCORD_TOKEN=…/);
    expect(reasons['pasted.txt']).toMatch(/configured secrets/);
    expect(reasons['generic.txt']).toMatch(/AWS_SECRET_ACCESS_KEY=…/);
    expect(JSON.stringify(report.problems)).not.toContain(TOKEN);
    expect(t.app.library.count()).toBe(1);
    expect(await replyText('show environ')).not.toContain(TOKEN);
  });

  it('a release that later takes in a secret leaves the index', async () => {
    t = await makeTestApp({ corpus: 'seed', config: { slackSigningSecret: SIGNING } });
    const file = join(t.contentDir, 'releases', 'later.txt');
    writeFileSync(file, 'The SCO Secretariat hosted an axolotl forum on 1 May 2020.\n');
    expect((await t.app.library.refresh()).added).toEqual(['later']);
    writeFileSync(file, `The SCO Secretariat hosted an axolotl forum on 1 May 2020. Secret: ${SIGNING}\n`);
    const report = await t.app.library.refresh();
    expect(report.removed).toEqual(['later']);
    expect(t.app.library.search('axolotl').hits).toEqual([]);
  });
});

describe('size caps', () => {
  it('a release over the cap is cut with a warning naming the path and the cap; its head is searchable', async () => {
    t = await makeTestApp({ corpus: 'seed' });
    const file = join(t.contentDir, 'releases', 'huge.txt');
    const line = 'The SCO delegation discussed regional cooperation in Dushanbe on 1 May 2020.\n';
    writeFileSync(file, `The SCO opened a capybara centre on 1 May 2020.\n${line.repeat(Math.ceil((3 * MAX_RELEASE_BYTES) / line.length))}The wombat line is past the cap.\n`);
    const report = await t.app.library.refresh();
    expect(report.problems).toContainEqual({ path: file, reason: expect.stringMatching(/^3\.0 MB is over the 1\.0 MB cap for one release; only its first 1\.0 MB is indexed/) });
    expect(report.added).toEqual(['huge']);
    expect(t.app.library.search('capybara').hits.map((h) => h.release.id)).toEqual(['huge']);
    expect(t.app.library.search('wombat').hits).toEqual([]);
    // Only the file's first MiB was read (the body's paragraphs are then joined by blank lines).
    expect(t.app.library.get('huge')!.body.length).toBeLessThan(1.1 * MAX_RELEASE_BYTES);
  });

  it('a lookup whose word fills a long release answers quickly, with a snippet that marks it', async () => {
    t = await makeTestApp({ corpus: 'seed' });
    const sentence = 'Officials met to discuss regional security in Kabul. ';
    writeFileSync(join(t.contentDir, 'releases', 'dense.txt'), sentence.repeat(Math.floor(MAX_RELEASE_BYTES / sentence.length)));
    await t.app.library.refresh();
    const t0 = performance.now();
    const outcome = t.app.library.search('kabul');
    const ms = performance.now() - t0;
    expect(outcome.hits[0]?.release.id).toBe('dense');
    expect(outcome.hits[0]!.snippet).toContainEqual({ text: 'Kabul', strong: true });
    // FTS5's snippet() over the whole body took over 900 ms at 1 MB and minutes at 8 MB.
    expect(ms).toBeLessThan(500);
  });
});
