import type { App } from '../compose.ts';
import { plain } from '../../src/bot/reply.ts';
import type { SearchHit } from '../../src/library/types.ts';
import { CliError, printJson, type CliCommand } from './cli-command.ts';
import { intFlag } from './parse-args.ts';
import { printReply } from './print-reply.ts';

/**
 * A result as JSON. `score` is the lookup's relevance (bm25, higher is better) to four
 * significant digits; `latest` lists by date and ranks nothing, so its results carry none.
 */
function hitJson(hit: SearchHit, ranked: boolean) {
  const r = hit.release;
  return {
    id: r.id,
    title: r.title,
    date: r.date,
    url: r.url,
    ...(ranked ? { score: Number(hit.score.toPrecision(4)) } : {}),
    snippet: plain(hit.snippet),
  };
}

export const searchCli: CliCommand = {
  name: 'search',
  usage: 'sco search <query...> [--limit N] [--json]',
  summary: 'Look releases up',
  valueFlags: { limit: 'N' },
  async run(app: App, args, io) {
    const query = args.positional.join(' ').trim();
    if (!query) throw new CliError('usage', `sco search needs words to look for, e.g. sco search afghanistan\nusage: ${searchCli.usage}`);
    const limit = intFlag(args, 'limit', 10);
    const outcome = app.library.search(query, { limit });
    if (args.json) {
      printJson(io, { query, results: outcome.hits.map((h) => hitJson(h, true)) });
      return 0;
    }
    const { resultsReply } = await import('../../src/commands/result-reply.ts');
    printReply(io, resultsReply({ kind: 'search', query }, outcome, 0, null));
    return 0;
  },
};

export const latestCli: CliCommand = {
  name: 'latest',
  usage: 'sco latest [topic] [--limit N] [--json]',
  summary: 'The newest releases, optionally on a topic',
  valueFlags: { limit: 'N' },
  async run(app, args, io) {
    const topic = args.positional.join(' ').trim() || undefined;
    const outcome = app.library.latest({ topic, limit: intFlag(args, 'limit', 10) });
    if (args.json) {
      printJson(io, { results: outcome.hits.map((h) => hitJson(h, false)) });
      return 0;
    }
    const { resultsReply } = await import('../../src/commands/result-reply.ts');
    printReply(io, resultsReply({ kind: 'latest', query: topic ?? '' }, outcome, 0, null));
    return 0;
  },
};

export const showCli: CliCommand = {
  name: 'show',
  usage: 'sco show <id> [--json]',
  summary: 'One release in full',
  async run(app, args, io) {
    const id = args.positional.join(' ').trim();
    if (!id) throw new CliError('usage', `sco show needs a release id (ids are shown by sco search)\nusage: ${showCli.usage}`);
    const r = app.library.get(id);
    if (!r) throw new CliError('not_found', `No release with id “${id}”. Ids are shown by sco search.`);
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
  noWords: true,
  async run(app, args, io) {
    const topics = app.library.topics();
    if (args.json) printJson(io, { topics });
    else io.out(`${topics.map((t) => `${t.label} (${t.kind}): ${t.aliases.join(', ')}`).join('\n')}\n`);
    return 0;
  },
};
