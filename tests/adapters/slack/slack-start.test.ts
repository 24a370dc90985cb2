import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { startSlack } from '../../../adapters/slack/start.ts';
import { startFakeDiscord } from '../../fakes/discord/fake-discord.ts';
import { tempWorkspace } from '../../helpers/run-sco.ts';
import { makeTestApp, ROOT, type TestApp } from '../../helpers/test-app.ts';

/** A port nothing listens on: taken, then freed. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

let test: TestApp | undefined;
let silent: Server | undefined;
afterEach(async () => {
  await test?.cleanup();
  silent?.closeAllConnections();
  await new Promise<void>((resolve) => (silent ? silent.close(() => resolve()) : resolve()));
  test = undefined;
  silent = undefined;
});

describe('Slack start-up with an unreachable Web API', () => {
  it('fails within seconds, naming the address and what to check', async () => {
    const apiUrl = `http://127.0.0.1:${await closedPort()}/api/`;
    test = await makeTestApp({ corpus: 'none', config: { slackBotToken: 'xoxb-test', slackAppToken: 'xapp-test', slackApiUrl: apiUrl } });
    const started = performance.now();
    await expect(startSlack(test.app)).rejects.toThrow(new RegExp(`Could not reach Slack at ${apiUrl}.*Check the network and SLACK_API_URL`));
    expect(performance.now() - started).toBeLessThan(5000);
  }, 20_000);

  it('gives up on a Web API that accepts the connection and never answers', async () => {
    silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent!.listen(0, '127.0.0.1', resolve));
    const apiUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/api/`;
    test = await makeTestApp({ corpus: 'none', config: { slackBotToken: 'xoxb-test', slackAppToken: 'xapp-test', slackApiUrl: apiUrl } });
    const started = performance.now();
    await expect(startSlack(test.app, { apiTimeoutMs: 300 } as never)).rejects.toThrow(/Could not reach Slack at .*Check the network and SLACK_API_URL/);
    expect(performance.now() - started).toBeLessThan(5000);
  }, 20_000);
});

const ws = tempWorkspace('seed');
afterAll(() => rmSync(join(ws.contentDir, '..'), { recursive: true, force: true }));

/** Runs `sco start` with these variables; resolves with its exit code and standard error. */
async function scoStart(env: Record<string, string>): Promise<{ code: number | null; err: string; ms: number }> {
  const child = spawn(process.execPath, [join(ROOT, 'bin/sco.js'), 'start', ...ws.dirArgs], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'silent', PORT: '0', ...env },
  });
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const started = performance.now();
  const timer = setTimeout(() => child.kill('SIGKILL'), 25_000);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearTimeout(timer);
  return { code, err, ms: performance.now() - started };
}

const UNREACHABLE = /Could not reach Slack at http:\/\/127\.0\.0\.1:\d+\/api\/ .*Check the network and SLACK_API_URL/;

describe('sco start with an unreachable Slack', () => {
  it('exits non-zero at once with the message', async () => {
    const port = await closedPort();
    const run = await scoStart({ SLACK_BOT_TOKEN: 'xoxb-test', SLACK_APP_TOKEN: 'xapp-test', SLACK_API_URL: `http://127.0.0.1:${port}/api/` });
    expect(run.code).not.toBeNull();
    expect(run.code).not.toBe(0);
    expect(run.err).toMatch(UNREACHABLE);
    expect(run.ms).toBeLessThan(20_000);
  }, 40_000);

  it('exits too when Discord had already connected', async () => {
    const discord = await startFakeDiscord();
    try {
      const port = await closedPort();
      const run = await scoStart({
        DISCORD_TOKEN: discord.token,
        DISCORD_API_URL: discord.apiUrl,
        SLACK_BOT_TOKEN: 'xoxb-test',
        SLACK_APP_TOKEN: 'xapp-test',
        SLACK_API_URL: `http://127.0.0.1:${port}/api/`,
      });
      // Discord had logged in before Slack was tried.
      expect(discord.gateway.identifiedIntents).not.toBeNull();
      expect(run.code).not.toBeNull();
      expect(run.code).not.toBe(0);
      expect(run.err).toMatch(UNREACHABLE);
    } finally {
      await discord.close();
    }
  }, 40_000);
});
