import { startSlack, type SlackAdapter, type StartSlackOptions } from '../../../adapters/slack/start.ts';
import type { Config } from '../../../src/config.ts';
import { makeTestApp, type TestApp } from '../../helpers/test-app.ts';
import { FakeSlack } from './fake-slack.ts';

export const SIGNING_SECRET = 'test-signing-secret';

export interface SlackHarness {
  fake: FakeSlack;
  test: TestApp;
  slack: SlackAdapter;
  /** HTTP mode: where Slack would POST events, commands and actions. */
  eventsUrl: string;
  cleanup(): Promise<void>;
}

/**
 * The real Bolt app of the bot, started by startSlack against a fake Slack on 127.0.0.1:
 * HTTP mode on port 0, or Socket Mode through the fake's WebSocket.
 */
export async function startHarness(options: {
  mode: 'http' | 'socket';
  corpus?: 'seed' | 'both' | 'none';
  config?: Partial<Config>;
  /** More options for startSlack (the app clock comes with `clock`). */
  slack?: StartSlackOptions;
  clock?: () => Date;
}): Promise<SlackHarness> {
  const fake = await FakeSlack.start();
  const test = await makeTestApp({
    corpus: options.corpus ?? 'seed',
    config: {
      slackBotToken: 'xoxb-test',
      slackSigningSecret: SIGNING_SECRET,
      slackAppToken: options.mode === 'socket' ? 'xapp-test' : undefined,
      slackApiUrl: fake.apiUrl,
      port: 0,
      ...options.config,
    },
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const slack = await startSlack(test.app, { host: '127.0.0.1', retryConfig: { retries: 0 }, maxRateLimitWaitMs: 3000, ...options.slack });
  if (options.mode === 'socket') await fake.waitForSocket();
  return {
    fake,
    test,
    slack,
    eventsUrl: `http://127.0.0.1:${slack.port ?? 0}/slack/events`,
    async cleanup() {
      // A test may have stopped it already.
      await withTimeout(slack.stop(), 3000).catch(() => undefined);
      await fake.close();
      await test.cleanup();
    },
  };
}

async function withTimeout<T>(p: Promise<T>, ms: number): Promise<T | undefined> {
  let done: () => void = () => undefined;
  const timeout = new Promise<undefined>((resolve) => (done = () => resolve(undefined)));
  const timer = setTimeout(() => done(), ms);
  try {
    return await Promise.race([p, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
