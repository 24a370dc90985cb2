/**
 * Load: N concurrent signed `/sco` slash commands against the bot's Slack HTTP endpoint, with the
 * Web API pointed at the Slack fake (the bot in its own process, the fake and the load here). Every request must be acknowledged (HTTP 200) and every
 * person must get an answer on their response_url. Loopback only.
 */
import { performance } from 'node:perf_hooks';
import { FakeSlack } from '../tests/fakes/slack/fake-slack.ts';
import { slashCommand } from '../tests/fakes/slack/payloads.ts';
import { slashCommandForm, signSlack } from '../tests/fakes/slack/sign.ts';
import { startWorker } from './child.ts';
import { LOOKUPS } from './queries.ts';
import { percentile, round } from './stats.ts';

export interface AckReport {
  platform: string;
  requests: number;
  acknowledged: number;
  answered: number;
  ack_p50_ms: number | null;
  ack_p99_ms: number | null;
  ack_max_ms: number | null;
  answer_p99_ms: number | null;
  wall_s: number;
}

const SECRET = 'load-test-signing-secret';

export async function slackLoad(requests: number, timeoutMs: number): Promise<AckReport> {
  const fake = await FakeSlack.start();
  const bot = await startWorker<{ port: number }>('bench/load-bot.ts', ['--platform', 'slack', '--api', fake.apiUrl, '--secret', SECRET]).catch(
    async (error: unknown) => {
      await fake.close();
      throw error;
    },
  );
  const url = `http://127.0.0.1:${bot.ready.port}/slack/events`;
  try {
    const sentAt = new Map<string, number>();
    const acks: number[] = [];
    let acknowledged = 0;
    const wallStart = performance.now();
    const startEpoch = Date.now();
    await Promise.all(
      Array.from({ length: requests }, async (_, i) => {
        const id = `load-${i}`;
        const body = slashCommandForm(slashCommand(LOOKUPS[i % LOOKUPS.length]!, fake.responseUrl(id)));
        const headers = { 'content-type': 'application/x-www-form-urlencoded', ...signSlack(SECRET, body) };
        const start = performance.now();
        sentAt.set(id, Date.now());
        try {
          const res = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(timeoutMs) });
          await res.arrayBuffer();
          if (res.status === 200) acknowledged++;
        } catch {
          // Counted as not acknowledged.
        }
        acks.push(performance.now() - start);
      }),
    );
    // Every person gets their answer on the response_url.
    const deadline = Date.now() + timeoutMs;
    while (new Set(fake.responses.map((r) => r.id)).size < requests && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const first = new Map<string, number>();
    for (const r of fake.responses) if (!first.has(r.id)) first.set(r.id, r.at);
    const answers = [...first].map(([id, at]) => at - (sentAt.get(id) ?? startEpoch));
    return {
      platform: 'slack http',
      requests,
      acknowledged,
      answered: first.size,
      ack_p50_ms: round(percentile(acks, 0.5), 1),
      ack_p99_ms: round(percentile(acks, 0.99), 1),
      ack_max_ms: round(Math.max(...acks), 1),
      answer_p99_ms: round(percentile(answers, 0.99), 1),
      wall_s: round((performance.now() - wallStart) / 1000, 2)!,
    };
  } finally {
    await bot.stop();
    await fake.close();
  }
}
