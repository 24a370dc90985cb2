/**
 * The bot under load, in its own process so the load generator and the platform fakes do not
 * share its CPU. Prints one JSON line when ready ({"port"} for Slack HTTP mode), then runs
 * until SIGTERM.
 *
 *   node bin/run.js bench/load-bot.ts --platform slack --api http://127.0.0.1:PORT/api/ --secret S
 *   node bin/run.js bench/load-bot.ts --platform discord --api http://127.0.0.1:PORT/api --token T
 */
import { startDiscord } from '../adapters/discord/start.ts';
import { startSlack } from '../adapters/slack/start.ts';
import { makeTestApp } from '../tests/helpers/test-app.ts';
import { flags } from './child.ts';

const f = flags();
const stops: (() => Promise<void>)[] = [];
let ready: Record<string, unknown>;

if (f.platform === 'slack') {
  const test = await makeTestApp({
    corpus: 'both',
    config: { slackBotToken: 'xoxb-load-test', slackSigningSecret: f.secret!, slackApiUrl: f.api!, port: 0 },
  });
  const slack = await startSlack(test.app, { host: '127.0.0.1', retryConfig: { retries: 0 } });
  stops.push(() => slack.stop(), () => test.cleanup());
  ready = { port: slack.port };
} else {
  const test = await makeTestApp({ corpus: 'both', config: { discordToken: f.token!, discordApiUrl: f.api! } });
  const discord = await startDiscord(test.app, { deferAfterMs: 1000 });
  stops.push(() => discord.stop(), () => test.cleanup());
  ready = { ready: true };
}
process.stdout.write(`${JSON.stringify(ready)}\n`);

process.once('SIGTERM', () => {
  void (async () => {
    for (const stop of stops) await stop().catch(() => undefined);
    process.exit(0);
  })();
});
