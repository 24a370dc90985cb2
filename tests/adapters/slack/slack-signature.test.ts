import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkTimestamp, slackSignature, verifySlackSignature } from '../../../adapters/slack/verify-signature.ts';
import { signSlack } from '../../fakes/slack/sign.ts';
import { FIXTURES } from '../../helpers/test-app.ts';

interface Example {
  signing_secret: string;
  timestamp: string;
  body: string;
  signature: string;
}

const example = JSON.parse(readFileSync(join(FIXTURES, 'slack-signing-example.json'), 'utf8')) as Example;

describe('Slack request signatures', () => {
  it("verifies Slack's published example when 'now' is its timestamp", () => {
    expect(slackSignature(example.signing_secret, example.timestamp, example.body)).toBe(example.signature);
    const check = verifySlackSignature({
      signingSecret: example.signing_secret,
      timestamp: example.timestamp,
      signature: example.signature,
      body: example.body,
      nowMs: Number(example.timestamp) * 1000,
    });
    expect(check).toEqual({ ok: true });
    // The tests' own signing helper agrees with Slack's example.
    expect(signSlack(example.signing_secret, example.body, Number(example.timestamp))['x-slack-signature']).toBe(example.signature);
  });

  it('refuses the example today (stale), a changed body and a wrong secret', () => {
    const base = { signingSecret: example.signing_secret, timestamp: example.timestamp, signature: example.signature, body: example.body };
    expect(verifySlackSignature({ ...base, nowMs: Date.now() }).ok).toBe(false);
    const now = Number(example.timestamp) * 1000;
    expect(verifySlackSignature({ ...base, body: `${example.body}&x=1`, nowMs: now })).toEqual({ ok: false, reason: 'signature mismatch' });
    expect(verifySlackSignature({ ...base, signingSecret: 'other', nowMs: now }).ok).toBe(false);
    expect(verifySlackSignature({ ...base, signature: undefined, nowMs: now }).ok).toBe(false);
  });

  it('refuses timestamps more than 5 minutes away in either direction', () => {
    const now = 1_800_000_000_000;
    const s = now / 1000;
    expect(checkTimestamp(String(s - 299), now).ok).toBe(true);
    expect(checkTimestamp(String(s + 299), now).ok).toBe(true);
    expect(checkTimestamp(String(s - 301), now).ok).toBe(false);
    expect(checkTimestamp(String(s + 301), now).ok).toBe(false);
    expect(checkTimestamp('soon', now).ok).toBe(false);
    expect(checkTimestamp(undefined, now).ok).toBe(false);
  });
});
