/**
 * Load: N `/sco search` interactions dispatched at once through the Discord fake's gateway to the
 * real discord.js bot. Acknowledgement = the interaction callback (Discord allows 3 s); answered
 * = a callback with the reply or a follow-up edit after deferring.
 */
import { startFakeDiscord } from '../tests/fakes/discord/fake-discord.ts';
import { startWorker } from './child.ts';
import type { AckReport } from './load-slack.ts';
import { LOOKUPS } from './queries.ts';
import { percentile, round } from './stats.ts';

export async function discordLoad(requests: number, timeoutMs: number): Promise<AckReport> {
  const fake = await startFakeDiscord();
  // The bot runs in its own process; the fake (REST and gateway) and the load run here.
  const bot = await startWorker<{ ready: boolean }>('bench/load-bot.ts', ['--platform', 'discord', '--api', fake.apiUrl, '--token', fake.token]).catch(
    async (error: unknown) => {
      await fake.close();
      throw error;
    },
  );
  const h = { fake };
  try {
    const sent: { token: string; at: number }[] = [];
    const wallStart = Date.now();
    for (let i = 0; i < requests; i++) {
      const at = Date.now();
      const { token } = h.fake.slash('search', { query: LOOKUPS[i % LOOKUPS.length]! });
      sent.push({ token, at });
    }
    const callbackOf = (token: string) => h.fake.calls.find((c) => c.path.includes(`/${token}/callback`));
    const answerOf = (token: string) =>
      h.fake.calls.find(
        (c) =>
          c.path.includes(`/${token}`) &&
          ((c.path.endsWith('/callback') && (c.body as { type?: number }).type !== 5) || c.path.includes('/webhooks/')),
      );
    const deadline = Date.now() + timeoutMs;
    while (sent.some((s) => !answerOf(s.token)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const acks = sent.flatMap((s) => {
      const c = callbackOf(s.token);
      return c ? [c.at - s.at] : [];
    });
    const answers = sent.flatMap((s) => {
      const c = answerOf(s.token);
      return c ? [c.at - s.at] : [];
    });
    return {
      platform: 'discord gateway',
      requests,
      acknowledged: acks.length,
      answered: answers.length,
      ack_p50_ms: round(percentile(acks, 0.5), 1),
      ack_p99_ms: round(percentile(acks, 0.99), 1),
      ack_max_ms: acks.length ? round(Math.max(...acks), 1) : null,
      answer_p99_ms: round(percentile(answers, 0.99), 1),
      wall_s: round((Date.now() - wallStart) / 1000, 2)!,
    };
  } finally {
    await bot.stop();
    await fake.close();
  }
}
