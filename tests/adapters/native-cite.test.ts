import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayIn, longDate } from '../../src/citations/citation.ts';
import { bodyOf, buttonIds, messageOf, startHarness as startDiscord, visibleText, type Harness } from '../fakes/discord/discord-harness.ts';
import { appMention, blockAction, slashCommand } from '../fakes/slack/payloads.ts';
import { interactiveForm, postSigned, slashCommandForm } from '../fakes/slack/sign.ts';
import { SIGNING_SECRET, startHarness as startSlack, type SlackHarness } from '../fakes/slack/slack-harness.ts';
import { addUrlRelease, CITED } from '../helpers/release-file.ts';

const FORM = 'application/x-www-form-urlencoded';
const EPHEMERAL = 64;
const expected = () =>
  `Secretariat of the Shanghai Cooperation Organisation. “${CITED.title}.” Press release, 24 March 2022. ${CITED.url} (accessed ${longDate(dayIn(new Date(), 'UTC'))}).`;

describe('Cite on Slack (real Bolt over HTTP, fake Slack)', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlack({ mode: 'http', corpus: 'seed' });
    await addUrlRelease(h.test);
  });
  afterAll(async () => h?.cleanup());

  it('each result carries a Cite button beside it; pressing it gives the citation to that person only', async () => {
    await postSigned(h.eventsUrl, SIGNING_SECRET, slashCommandForm(slashCommand('RATS Council Tashkent', h.fake.responseUrl('cite-cmd'))), { contentType: FORM });
    const { body } = await h.fake.waitForResponse('cite-cmd');
    const section = (body.blocks as any[]).find((b) => b.type === 'section' && b.accessory?.action_id === 'release.cite' && b.accessory.value === CITED.id);
    expect(section, 'the cited release has a Cite accessory').toBeTruthy();
    expect(section.accessory.text.text).toBe('Cite');
    expect(section.text.text).toContain(CITED.title);

    await postSigned(h.eventsUrl, SIGNING_SECRET, interactiveForm(blockAction('release.cite', CITED.id, h.fake.responseUrl('cite-press'))), { contentType: FORM });
    const cited = (await h.fake.waitForResponse('cite-press')).body;
    expect(cited.response_type).toBe('ephemeral');
    expect(cited.replace_original).toBe(false);
    expect(cited.text).toBe(expected());
    expect(JSON.stringify(cited.blocks)).toContain('Secretariat of the Shanghai Cooperation Organisation');
  });

  it('an answer carries a Cite [1] button for the release it quotes', async () => {
    const ts = '1700000900.000900';
    await postSigned(h.eventsUrl, SIGNING_SECRET, JSON.stringify(appMention('<@UBOT> who led the SCO delegation to the Munich Security Conference?', ts)));
    const post = await h.fake.waitForCall('chat.postMessage', (c) => c.args.thread_ts === ts, 20_000);
    const buttons = (post.args.blocks as any[]).filter((b) => b.type === 'actions').flatMap((b) => b.elements);
    const cite = buttons.find((e: any) => e.action_id === 'release.cite');
    expect(cite?.text.text).toBe('Cite [1]');
    expect(cite?.value).toBe('000_9851d8e3c5c57f74');
  }, 30_000);

  it('a Cite value for a release it does not know says so', async () => {
    await postSigned(h.eventsUrl, SIGNING_SECRET, interactiveForm(blockAction('release.cite', 'no-such-release', h.fake.responseUrl('cite-gone'))), { contentType: FORM });
    const gone = (await h.fake.waitForResponse('cite-gone')).body;
    expect(gone.response_type).toBe('ephemeral');
    expect(String(gone.text)).toMatch(/no longer have that release/);
  });
});

describe('Cite on Discord (real discord.js, fake gateway and REST)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startDiscord({ corpus: 'seed', discord: { deferAfterMs: 1000 } });
    await addUrlRelease(h.test);
  });
  afterAll(async () => h?.close());

  it('results carry a "Cite: <title>" button; pressing it answers privately with the citation', async () => {
    const { token } = h.fake.slash('search', { query: 'RATS Council Tashkent' });
    const first = messageOf(await h.fake.waitForCall((c) => c.path.endsWith(`/${token}/callback`)));
    const id = `release.cite|${CITED.id}`;
    expect(buttonIds(first)).toContain(id);
    const label = first.components.flatMap((r: any) => r.components).find((c: any) => c.custom_id === id).label as string;
    expect(label).toBe(`Cite: ${CITED.title}`);

    const press = h.fake.button(id);
    // A button is acknowledged by the reply (or a deferred update and a follow-up): either way private.
    const call = await h.fake.waitForCall(
      (c) => c.method === 'POST' && (c.path.endsWith(`/${press.token}/callback`) ? bodyOf(c).type === 4 : c.path.endsWith(`/${press.token}`)),
    );
    const msg = messageOf(call);
    expect(msg.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(visibleText(msg)).toContain('Secretariat of the Shanghai Cooperation Organisation. “RATS Council holds its 40th meeting in Tashkent.” Press release, 24 March 2022.');
  });
});
