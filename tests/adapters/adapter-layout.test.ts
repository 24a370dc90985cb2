import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import * as discordKeys from '../../adapters/discord/channel-key.ts';
import * as discordErrors from '../../adapters/discord/errors.ts';
import * as discordStart from '../../adapters/discord/start.ts';
import * as discordTransport from '../../adapters/discord/transport.ts';
import * as slackKeys from '../../adapters/slack/channel-key.ts';
import * as slackErrors from '../../adapters/slack/errors.ts';
import * as slackStart from '../../adapters/slack/start.ts';
import * as slackTransport from '../../adapters/slack/transport.ts';
import { consoleAdapter } from '../../adapters/console/start.ts';
import { textReply } from '../../src/bot/reply.ts';
import { makeTestApp, ROOT } from '../helpers/test-app.ts';

const SHARED = ['start.ts', 'listeners', 'render', 'transport.ts', 'channel-key.ts', 'errors.ts', 'limits.ts', 'deps.ts', 'incoming-text.ts'];

describe('Slack and Discord follow one layout, with the same names', () => {
  for (const platform of ['slack', 'discord']) {
    it(`adapters/${platform}/ has ${SHARED.join(', ')}`, () => {
      const missing = SHARED.filter((name) => !existsSync(join(ROOT, 'adapters', platform, name)));
      expect(missing).toEqual([]);
    });
  }

  it('each folder exports its adapter factory, its transport class, classifyError, channelKey and parseChannelKey', () => {
    expect(typeof slackStart.slackAdapter).toBe('function');
    expect(typeof discordStart.discordAdapter).toBe('function');
    expect(typeof slackTransport.SlackTransport).toBe('function');
    expect(typeof discordTransport.DiscordTransport).toBe('function');
    for (const errors of [slackErrors, discordErrors]) expect(errors.classifyError(new Error('socket hang up'))).toMatchObject({ ok: false, kind: 'transient' });
  });

  it('a channel key goes round its platform and is refused by the other', () => {
    expect(slackKeys.parseChannelKey(slackKeys.channelKey('T1', 'C2'))).toEqual({ team: 'T1', channel: 'C2' });
    expect(discordKeys.parseChannelKey(discordKeys.channelKey('111', '222'))).toEqual({ guild: '111', channel: '222' });
    expect(discordKeys.parseChannelKey(discordKeys.channelKey(null, '222'))).toEqual({ guild: null, channel: '222' });
    expect(slackKeys.parseChannelKey(discordKeys.channelKey('111', '222'))).toBeNull();
    expect(discordKeys.parseChannelKey(slackKeys.channelKey('T1', 'C2'))).toBeNull();
  });

  it('an adapter is made without connecting, and says what to set when its token is missing', async () => {
    const test = await makeTestApp({ corpus: 'none' });
    try {
      expect(() => slackStart.slackAdapter(test.app)).toThrow(/SLACK_BOT_TOKEN is not set/);
      expect(() => discordStart.discordAdapter(test.app)).toThrow(/DISCORD_TOKEN is not set/);
    } finally {
      await test.cleanup();
    }
  });
});

describe('the console is a PlatformAdapter too', () => {
  it('answers each line until its input ends, and prints what its transport posts', async () => {
    const test = await makeTestApp({ corpus: 'seed' });
    const out: string[] = [];
    try {
      const adapter = consoleAdapter(test.app, { input: Readable.from(['/sco help\n']), write: (t) => void out.push(t), interactive: false });
      await adapter.start();
      expect({ name: adapter.name, status: adapter.status() }).toEqual({ name: 'console', status: 'connected' });
      await adapter.run?.();
      expect(out.join('')).toMatch(/\/sco/);
      const posted = await adapter.transport.post('console:local', textReply('Weekly digest'), { idempotencyKey: 'k1' });
      expect(posted.ok).toBe(true);
      expect(out.at(-1)).toContain('Weekly digest');
      await adapter.stop();
      expect(adapter.status()).toBe('down');
    } finally {
      await test.cleanup();
    }
  });
});
