import { parseIsoInstant } from '../../src/util/iso-date.ts';
import { CliError, printJson, type CliCommand } from './cli-command.ts';
import { textFlag } from './parse-args.ts';
import { printReply } from './print-reply.ts';

const DAY_MS = 86_400_000;

/**
 * `sco digest [--since ISO-8601] [--topic T] [--json]`: what a digest of the releases first seen
 * at or after --since (default: the last 24 hours) would hold, optionally only those on a topic
 * or query. Planned and rendered by the digest service, as scheduled digests are.
 */
export const digestCli: CliCommand = {
  name: 'digest',
  usage: 'sco digest [--since ISO-8601] [--topic T] [--json]',
  summary: 'What a digest since a time would hold (releases first seen since then)',
  valueFlags: { since: 'ISO-8601', topic: 'T' },
  noWords: true,
  async run(app, args, io) {
    const now = app.clock();
    const rawSince = textFlag(args, 'since');
    const sinceDate = rawSince === undefined ? new Date(now.getTime() - DAY_MS) : parseIsoInstant(rawSince);
    if (!sinceDate) {
      throw new CliError('usage', '--since takes an ISO-8601 date or time, such as 2026-11-26 or 2026-11-26T09:00:00Z');
    }
    const topic = textFlag(args, 'topic')?.trim() ?? '';
    const since = sinceDate.toISOString();
    const { releases, replies } = app.digests.since(
      since,
      { tz: app.config.defaultTimezone, nothingNewLine: true, ...(topic ? { filter: topic } : {}) },
      { itemsPerMessage: 1000, charsPerMessage: Number.MAX_SAFE_INTEGER },
    );
    if (args.json) {
      printJson(io, {
        releases: releases.map((r) => ({ id: r.id, title: r.title, date: r.date, url: r.url, summary: r.summary.join(' ') })),
      });
      return 0;
    }
    for (const reply of replies) printReply(io, reply);
    return 0;
  },
};
