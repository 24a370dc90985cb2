import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHealthServer } from '../../../adapters/http/health-server.ts';
import { slashCommand } from '../../fakes/slack/payloads.ts';
import { postSigned, slashCommandForm } from '../../fakes/slack/sign.ts';
import { SIGNING_SECRET, startHarness, type SlackHarness } from '../../fakes/slack/slack-harness.ts';

/** What a hostile or broken sender may post to the HTTP receiver: huge bodies, odd bytes, unsigned extras. */

let h: SlackHarness;
beforeAll(async () => {
  h = await startHarness({ mode: 'http', corpus: 'seed' });
});
afterAll(async () => {
  await h?.cleanup();
});

function signBytes(body: Buffer, ts = Math.floor(Date.now() / 1000)): Record<string, string> {
  const mac = createHmac('sha256', SIGNING_SECRET).update(`v0:${ts}:`).update(body).digest('hex');
  return { 'x-slack-request-timestamp': String(ts), 'x-slack-signature': `v0=${mac}` };
}

const TWO_MB = 'x'.repeat(2 * 1024 * 1024);

describe('Slack HTTP receiver limits', () => {
  it('answers a body over 1 MB with 413, not a connection reset', async () => {
    const body = JSON.stringify({ type: 'url_verification', challenge: TWO_MB });
    const res = await postSigned(h.eventsUrl, SIGNING_SECRET, body);
    expect(res.status).toBe(413);
  });

  it('answers a large POST to /healthz with 405, not a connection reset', async () => {
    const res = await fetch(h.eventsUrl.replace('/slack/events', '/healthz'), { method: 'POST', body: TWO_MB });
    expect(res.status).toBe(405);
  });

  it('checks the signature over the bytes received, not the decoded text', async () => {
    // 0xff is not UTF-8: decoding turns it into U+FFFD, so a hash of the text differs from Slack's.
    const bytes = Buffer.concat([Buffer.from('{"type":"url_verification","token":"t","challenge":"ab'), Buffer.from([0xff]), Buffer.from('cd"}')]);
    const signedBytes = await fetch(h.eventsUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...signBytes(bytes) }, body: bytes });
    expect(signedBytes.status).toBe(200);
    expect(await signedBytes.text()).toContain('ab\ufffdcd');

    const decoded = Buffer.from(bytes.toString('utf8'));
    const signedText = await fetch(h.eventsUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...signBytes(decoded) }, body: bytes });
    expect(signedText.status).toBe(401);
  });

  it('answers an unsigned ssl_check and runs nothing smuggled in with it', async () => {
    const form = `ssl_check=1&${slashCommandForm(slashCommand('afghanistan', h.fake.responseUrl('smuggled')))}`;
    const res = await fetch(h.eventsUrl, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form });
    expect(res.status).toBe(200);
    await new Promise((r) => setTimeout(r, 300));
    expect(h.fake.responses.find((r) => r.id === 'smuggled')).toBeUndefined();
  });
});

describe('health server limits', () => {
  let server: { port: number; close(): Promise<void> };
  beforeAll(async () => {
    server = await startHealthServer(h.test.app, { port: 0, host: '127.0.0.1', adapters: {} });
  });
  afterAll(async () => server?.close());

  it('answers large bodies with 405 or 404, not a connection reset', async () => {
    const base = `http://127.0.0.1:${server.port}`;
    expect((await fetch(`${base}/healthz`, { method: 'POST', body: TWO_MB })).status).toBe(405);
    expect((await fetch(`${base}/elsewhere`, { method: 'POST', body: TWO_MB })).status).toBe(404);
  });
});
