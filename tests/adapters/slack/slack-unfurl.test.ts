import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeScoSite } from '../../fakes/sco-site/fake-site.ts';
import { postSigned } from '../../fakes/slack/sign.ts';
import { SIGNING_SECRET, startHarness, type SlackHarness } from '../../fakes/slack/slack-harness.ts';
import { linkShared } from '../../fakes/slack/view-payloads.ts';
import { addUrlRelease, CITED } from '../../helpers/release-file.ts';

let h: SlackHarness;
let site: FakeScoSite;
const NEW_PATH = '/20240701/1234567.html';

beforeAll(async () => {
  site = await new FakeScoSite().start();
  site.releases = [
    {
      path: NEW_PATH,
      paragraphs: [
        'On 1 July 2024, SCO Secretary-General Zhang Ming met the <!channel> delegation of Kazakhstan @here at the SCO Secretariat in Beijing.',
        'The sides discussed preparations for the Astana summit of the Council of Heads of State.',
        'The Secretary-General thanked the guests for their interest in the work of the Organisation.',
      ],
    },
  ];
  h = await startHarness({ mode: 'http', corpus: 'seed', config: { scoSiteUrl: site.url } });
  await addUrlRelease(h.test);
});
afterAll(async () => {
  await h?.cleanup();
  await site?.close();
});

async function paste(urls: string[]): Promise<void> {
  const res = await postSigned(h.eventsUrl, SIGNING_SECRET, JSON.stringify(linkShared(urls)));
  expect(res.status).toBe(200);
}

function unfurlCalls() {
  return h.fake.callsOf('chat.unfurl');
}

/** Checks what Slack allows in a message: 50 blocks; a card stays small. */
function withinLimits(blocks: any[]) {
  expect(blocks.length).toBeGreaterThan(0);
  expect(blocks.length).toBeLessThanOrEqual(50);
  expect(Buffer.byteLength(JSON.stringify(blocks), 'utf8')).toBeLessThan(16_000);
}

describe('Slack link unfurls (link_shared -> chat.unfurl)', () => {
  it('unfurls a known release linked under another URL form: title, date, summary, topics', async () => {
    const url = 'https://eng.sectsco.org/news/20220324/833112.html';
    await paste([url]);
    const call = await h.fake.waitForCall('chat.unfurl');
    expect(call.args.channel).toBe('C1');
    expect(call.args.ts).toBe('1700000600.000600');
    const unfurls = call.args.unfurls as Record<string, { blocks: any[] }>;
    expect(Object.keys(unfurls)).toEqual([url]);
    const blocks = unfurls[url]!.blocks;
    withinLimits(blocks);
    const json = JSON.stringify(blocks);
    expect(json).toContain(`*<${CITED.url}|${CITED.title}>*`);
    expect(json).toContain('2022-03-24');
    expect(json).toContain("Topics: Regional Anti-Terrorist Structure, Uzbekistan");
    expect(json).toContain('The Council of the Regional Anti-Terrorist Structure held its 40th meeting in Tashkent.');
    // A static preview: no buttons in an unfurl.
    expect(blocks.some((b) => b.type === 'actions')).toBe(false);
    // No fetch for a release the bot already holds.
    expect(site.requests).toHaveLength(0);
  });

  it('fetches a release it does not know once, indexes it and unfurls it, pinging nobody', async () => {
    const url = `https://eng.sectsco.org${NEW_PATH}`;
    const before = unfurlCalls().length;
    await paste([url]);
    const call = await h.fake.until(() => unfurlCalls()[before], 6000, 'chat.unfurl of the fetched release');
    const blocks = (call.args.unfurls as Record<string, { blocks: any[] }>)[url]!.blocks;
    withinLimits(blocks);
    const json = JSON.stringify(blocks);
    expect(json).toContain('Zhang Ming');
    expect(json).toContain('2024-07-01');
    expect(json).not.toMatch(/<!(channel|here|everyone)/);
    expect(json).not.toMatch(/(?<![\u2060\w])@here/);
    expect(site.requestsTo(NEW_PATH)).toHaveLength(1);
    expect(site.requestsTo(NEW_PATH)[0]!.headers['user-agent']).toMatch(/SCO/i);
    expect(h.test.app.library.get('sco-20240701-1234567')?.date).toBe('2024-07-01');

    // Pasted again: unfurled from the index, not fetched again.
    await paste([url]);
    await h.fake.until(() => unfurlCalls()[before + 1], 4000, 'second unfurl');
    expect(site.requestsTo(NEW_PATH)).toHaveLength(1);
  });

  it('leaves alone a page that is not a release, and a release link that does not exist (fetched once)', async () => {
    const before = unfurlCalls().length;
    const missing = '/20240702/7654321.html';
    await paste(['https://eng.sectsco.org/about/', `https://eng.sectsco.org${missing}`]);
    await h.fake.until(() => site.requestsTo(missing).length > 0, 4000, 'the fetch of the missing page');
    await new Promise((r) => setTimeout(r, 300));
    await paste([`https://eng.sectsco.org${missing}`]);
    await new Promise((r) => setTimeout(r, 300));
    expect(unfurlCalls().length).toBe(before);
    expect(site.requestsTo('/about/')).toHaveLength(0);
    expect(site.requestsTo(missing)).toHaveLength(1);
  });
});

describe('Slack manifest: unfurls', () => {
  it('registers the unfurl domain, the link_shared event and the links scopes', async () => {
    const { readFileSync } = await import('node:fs');
    const { parse } = await import('yaml');
    const manifest = parse(readFileSync(new URL('../../../adapters/slack/manifest.yml', import.meta.url), 'utf8')) as any;
    expect(manifest.features.unfurl_domains).toEqual(['eng.sectsco.org']);
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(expect.arrayContaining(['link_shared', 'app_home_opened']));
    expect(manifest.oauth_config.scopes.bot).toEqual(expect.arrayContaining(['links:read', 'links:write']));
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
  });
});
