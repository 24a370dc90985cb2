import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageQuery } from '../../src/commands/message-releases.ts';
import { bodyOf, buttonIds, messageOf, startHarness as startDiscord, visibleText, type Harness } from '../fakes/discord/discord-harness.ts';
import { interactiveForm, postSigned } from '../fakes/slack/sign.ts';
import { SIGNING_SECRET, startHarness as startSlack, type SlackHarness } from '../fakes/slack/slack-harness.ts';
import { messageShortcut } from '../fakes/slack/view-payloads.ts';

const FORM = 'application/x-www-form-urlencoded';
const EPHEMERAL = 64;
const MESSAGE = 'Has anyone seen what came out of the SCO-Afghanistan Contact Group meeting in Dushanbe? <https://example.org/x|link>';

describe('messageQuery', () => {
  it('drops links, mentions and markup, and keeps the first words of a long message', () => {
    expect(messageQuery('<@U123> *look* at <https://x.org|this> https://y.org/z about _RATS_')).toBe('look at about RATS');
    const long = messageQuery('word '.repeat(500));
    expect(long.length).toBeLessThanOrEqual(400);
    expect(long.endsWith('word')).toBe(true);
  });
});

describe('Slack message shortcut "Find SCO releases about this"', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlack({ mode: 'http', corpus: 'both' });
  });
  afterAll(async () => h?.cleanup());

  it('answers with the top results for the message, to the person alone', async () => {
    const res = await postSigned(h.eventsUrl, SIGNING_SECRET, interactiveForm(messageShortcut('U1', 'sco_find_releases', MESSAGE, h.fake.responseUrl('shortcut'))), { contentType: FORM });
    expect(res.status).toBe(200);
    const { body } = await h.fake.waitForResponse('shortcut');
    expect(body.response_type).toBe('ephemeral');
    const json = JSON.stringify(body.blocks);
    expect(json).toContain('SCO releases about this message');
    expect(json).toContain('Norov attends SCO-Afghanistan Contact Group ministerial meeting in Dushanbe');
    expect(json).not.toContain('example.org');
    expect(json).toContain('release.cite');
  });

  it('says so when the message has no words', async () => {
    await postSigned(h.eventsUrl, SIGNING_SECRET, interactiveForm(messageShortcut('U1', 'sco_find_releases', '<https://example.org/only-a-link>', h.fake.responseUrl('shortcut-empty'))), { contentType: FORM });
    const { body } = await h.fake.waitForResponse('shortcut-empty');
    expect(body.response_type).toBe('ephemeral');
    expect(String(body.text)).toMatch(/no words I can look up/);
  });
});

describe('Discord message context menu "Find SCO releases"', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startDiscord({ corpus: 'both', discord: { deferAfterMs: 1000 } });
  });
  afterAll(async () => h?.close());

  it('answers ephemerally with the top results for the message words', async () => {
    const { token } = h.fake.messageCommand('Find SCO releases', { content: 'Has anyone seen what came out of the SCO-Afghanistan Contact Group meeting in Dushanbe? @everyone' });
    const call = await h.fake.waitForCall((c) => c.path.endsWith(`/${token}/callback`));
    expect(bodyOf(call).type).toBe(4);
    const msg = messageOf(call);
    expect(msg.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(msg.allowed_mentions).toEqual({ parse: [], replied_user: false });
    const text = visibleText(msg);
    expect(text).toContain('SCO releases about this message');
    expect(text).toContain('Norov attends SCO-Afghanistan Contact Group ministerial meeting in Dushanbe');
    expect(buttonIds(msg).some((id) => id.startsWith('release.cite|'))).toBe(true);
  });

  it('looks up the words of a bot post\'s embeds too', async () => {
    const { token } = h.fake.messageCommand('Find SCO releases', { content: '', embeds: [{ title: 'Interbank Consortium', description: 'experts in New Delhi' }] });
    const msg = messageOf(await h.fake.waitForCall((c) => c.path.endsWith(`/${token}/callback`)));
    expect(visibleText(msg)).toContain('Interbank Consortium experts meet in New Delhi');
  });
});

describe('Slack manifest: the message shortcut', () => {
  it('declares the shortcut the listener answers', async () => {
    const { readFileSync } = await import('node:fs');
    const { parse } = await import('yaml');
    const manifest = parse(readFileSync(new URL('../../adapters/slack/manifest.yml', import.meta.url), 'utf8')) as any;
    expect(manifest.features.shortcuts).toContainEqual(expect.objectContaining({ type: 'message', callback_id: 'sco_find_releases', name: 'Find SCO releases' }));
  });
});
