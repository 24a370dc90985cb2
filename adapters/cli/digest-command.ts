import { buildDigest } from '../../src/digest/build-digest.ts';
import { printJson, type CliCommand } from './cli-command.ts';
import { printReply } from './print-reply.ts';

const DAY_MS = 86_400_000;

/**
 * `sco digest [--since ISO-8601] [--topic T] [--json]`: the releases first seen by the bot at or
 * after --since (default: the last 24 hours), optionally only those on a topic or query; what a
 * digest for that period would hold.
 */
export const digestCli: CliCommand = {
  name: 'digest',
  usage: 'sco digest [--since ISO-8601] [--topic T] [--json]',
  summary: 'What a digest since a time would hold (releases first seen since then)',
  valueFlags: ['since', 'topic'],
  async run(app, args, io) {
    const now = app.clock();
    const rawSince = args.flags.since;
    const sinceMs = typeof rawSince === 'string' ? Date.parse(rawSince) : now.getTime() - DAY_MS;
    if (rawSince === true || Number.isNaN(sinceMs)) {
      io.err('--since takes an ISO-8601 date or time, such as 2026-11-26 or 2026-11-26T09:00:00Z\n');
      return 2;
    }
    const topic = typeof args.flags.topic === 'string' ? args.flags.topic.trim() : '';
    if (args.flags.topic === true) {
      io.err('--topic takes a topic or words, such as --topic afghanistan\n');
      return 2;
    }
    const since = new Date(sinceMs).toISOString();
    const releases = app.library.seenSince(since, topic ? { filter: topic } : {});
    if (args.json) {
      printJson(io, {
        releases: releases.map((r) => ({ id: r.id, title: r.title, date: r.date, url: r.url, summary: r.summary.join(' ') })),
      });
      return 0;
    }
    const replies = buildDigest({
      releases,
      period: { since, until: now.toISOString() },
      limits: { itemsPerMessage: 1000, charsPerMessage: Number.MAX_SAFE_INTEGER },
      tz: app.config.defaultTimezone,
      ...(topic ? { filter: topic } : {}),
      nothingNewLine: true,
    });
    for (const reply of replies) printReply(io, reply);
    return 0;
  },
};
