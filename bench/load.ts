/**
 * The load test: concurrent `/sco` requests through Slack's HTTP endpoint and Discord's gateway
 * (each against its wire-level fake, the bot in its own process), and a digest fan-out of many
 * subscriptions due in the same minute against a per-channel rate-limited transport. Loopback
 * only, bounded in count and time.
 *
 *   npm run load [-- --requests 200 --subs 10000 --channels 5000 --interval 1000
 *                    --store memory|sqlite|redis://127.0.0.1:PORT --only slack,discord,fanout
 *                    --timeout 900 --json]
 */
import { discordLoad } from './load-discord.ts';
import { fanoutLoad, type FanoutReport } from './load-fanout.ts';
import { slackLoad, type AckReport } from './load-slack.ts';

function parseArgs(argv: string[]) {
  const o = { requests: 200, subs: 10_000, channels: 5000, interval: 1000, store: 'memory', only: ['slack', 'discord', 'fanout'], timeout: 900, json: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const next = () => argv[++i] ?? '';
    if (a === '--json') o.json = true;
    else if (a === '--requests') o.requests = Number(next());
    else if (a === '--subs') o.subs = Number(next());
    else if (a === '--channels') o.channels = Number(next());
    else if (a === '--interval') o.interval = Number(next());
    else if (a === '--store') o.store = next();
    else if (a === '--only') o.only = next().split(',');
    else if (a === '--timeout') o.timeout = Number(next());
    else throw new Error(`unknown argument ${a}`);
  }
  // Bounded: the load never leaves loopback and never grows past these.
  if (!(o.requests > 0 && o.requests <= 2000)) throw new Error('--requests must be 1..2000');
  if (!(o.subs > 0 && o.subs <= 100_000)) throw new Error('--subs must be 1..100000');
  if (!(o.channels > 0 && o.channels <= o.subs)) throw new Error('--channels must be 1..subs');
  if (o.store.startsWith('redis') && !/^redis:\/\/(127\.0\.0\.1|localhost)[:/]/.test(o.store)) throw new Error('--store redis must be on loopback');
  return o;
}

const args = parseArgs(process.argv.slice(2));
const log = (line: string) => process.stderr.write(`${line}\n`);
const deadline = setTimeout(() => {
  log(`load: stopped after the --timeout of ${args.timeout} s`);
  process.exit(3);
}, args.timeout * 1000);
deadline.unref();

const acks: AckReport[] = [];
let fanout: FanoutReport | null = null;
const perRequestTimeout = 30_000;
if (args.only.includes('slack')) {
  log(`load: ${args.requests} signed /sco requests to the Slack HTTP endpoint`);
  acks.push(await slackLoad(args.requests, perRequestTimeout));
}
if (args.only.includes('discord')) {
  log(`load: ${args.requests} /sco search interactions through the Discord gateway`);
  acks.push(await discordLoad(args.requests, perRequestTimeout));
}
if (args.only.includes('fanout')) {
  log(`load: digest fan-out, ${args.subs} subscriptions over ${args.channels} channels (${args.store} store)`);
  fanout = await fanoutLoad(args.subs, args.channels, args.interval, { store: args.store });
}

const ok = acks.every((a) => a.acknowledged === a.requests && a.answered === a.requests) && (fanout?.delivered_once ?? true);
if (args.json) {
  process.stdout.write(`${JSON.stringify({ requests: acks, fanout, ok })}\n`);
} else {
  const show = (v: unknown) => (v === null || v === undefined ? '-' : String(v));
  const head = ['platform', 'requests', 'acked', 'answered', 'ack p50 ms', 'ack p99 ms', 'ack max ms', 'answer p99 ms', 'wall s'];
  const rows = acks.map((a) => [a.platform, a.requests, a.acknowledged, a.answered, a.ack_p50_ms, a.ack_p99_ms, a.ack_max_ms, a.answer_p99_ms, a.wall_s].map(show));
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i]!)).join('  ');
  const out: string[] = [];
  if (acks.length) out.push(line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line), '');
  if (fanout) {
    out.push(
      `digest fan-out: ${fanout.subscriptions} subscriptions over ${fanout.channels} channels, ${fanout.releases_per_digest} releases each, ${fanout.store} store`,
      `  scheduler overhead (no platform limit): ${fanout.overhead_tick_s} s for the tick = ${fanout.overhead_ms_per_sub} ms per subscription`,
      `  with 1 post per channel per ${fanout.per_channel_interval_ms} ms: ${fanout.limited_tick_s} s in ${fanout.limited_ticks} tick(s), ${fanout.rate_limited_answers} answers of 429 waited out`,
      `  posts: ${fanout.posts}; failed deliveries retried: ${fanout.failed_deliveries}; every subscription delivered exactly once: ${fanout.delivered_once ? 'yes' : 'NO'}`,
      `  setup (subscriptions created, releases ingested): ${fanout.setup_s} s`,
      '',
    );
  }
  out.push(ok ? 'all requests acknowledged and answered; all digests delivered once' : 'NOT ALL requests/digests went through: see above');
  process.stdout.write(`${out.join('\n')}\n`);
}
process.exitCode = ok ? 0 : 1;
