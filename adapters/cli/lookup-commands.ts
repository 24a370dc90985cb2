import type { App } from '../../src/app.ts';
import { plain } from '../../src/bot/reply.ts';
import { resultsReply } from '../../src/commands/result-reply.ts';
import type { SearchHit } from '../../src/library/types.ts';
import { printJson, type CliCommand } from './cli-command.ts';
import { intFlag } from './parse-args.ts';
import { printReply } from './print-reply.ts';

function hitJson(hit: SearchHit) {
  const r = hit.release;
  return { id: r.id, title: r.title, date: r.date, url: r.url, score: Math.round(hit.score * 1000) / 1000, snippet: plain(hit.snippet) };
}

export const searchCli: CliCommand = {
  name: 'search',
  usage: 'sco search <query...> [--limit N] [--json]',
  summary: 'Look releases up',
  valueFlags: ['limit'],
  async run(app: App, args, io) {
    const query = args.positional.join(' ');
    const outcome = app.library.search(query, { limit: intFlag(args, 'limit', 10) });
    if (args.json) printJson(io, { query, results: outcome.hits.map(hitJson) });
    else printReply(io, resultsReply({ kind: 'search', query }, outcome, 0, null));
    return 0;
  },
};

export const latestCli: CliCommand = {
  name: 'latest',
  usage: 'sco latest [topic] [--limit N] [--json]',
  summary: 'The newest releases, optionally on a topic',
  valueFlags: ['limit'],
  async run(app, args, io) {
    const topic = args.positional.join(' ').trim() || undefined;
    const outcome = app.library.latest({ topic, limit: intFlag(args, 'limit', 10) });
    if (args.json) printJson(io, { results: outcome.hits.map(hitJson) });
    else printReply(io, resultsReply({ kind: 'latest', query: topic ?? '' }, outcome, 0, null));
    return 0;
  },
};

export const showCli: CliCommand = {
  name: 'show',
  usage: 'sco show <id> [--json]',
  summary: 'One release in full',
  async run(app, args, io) {
    const id = args.positional.join(' ').trim();
    const r = app.library.get(id);
    if (!r) {
      io.err(`No release with id “${id}”. Ids are shown by sco search.\n`);
      return 1;
    }
    if (args.json) printJson(io, { id: r.id, title: r.title, date: r.date, url: r.url, topics: r.topics, summary: r.summary.join(' '), body: r.body });
    else {
      printReply(io, await app.bot.handle({ kind: 'command', text: `show ${id}`, user: { id: 'cli', canManage: true }, channel: 'console:cli' }));
    }
    return 0;
  },
};

export const topicsCli: CliCommand = {
  name: 'topics',
  usage: 'sco topics [--json]',
  summary: 'The topics and aliases lookups understand',
  async run(app, args, io) {
    const topics = app.library.topics();
    if (args.json) printJson(io, { topics });
    else io.out(`${topics.map((t) => `${t.label} (${t.kind}): ${t.aliases.join(', ')}`).join('\n')}\n`);
    return 0;
  },
};
