/**
 * A small App for the ops tests (health, metrics): the real Bot and Registry and a memory store,
 * over a stub library, so these tests do not depend on the index being built.
 */
import { composeApp, type App } from '../../adapters/compose.ts';
import { textReply } from '../../src/bot/reply.ts';
import { Registry, type CommandSpec } from '../../src/commands/registry.ts';
import { loadConfig } from '../../src/config.ts';
import { BotError } from '../../src/errors.ts';
import type { Library, RefreshReport } from '../../src/library/types.ts';
import { silentLogger } from '../../src/logger.ts';
import type { Store } from '../../src/ports/store.ts';
import { MemoryStore } from '../../src/store/memory-store.ts';

const spec = (id: string, run: CommandSpec['run'], routing: Partial<CommandSpec> = {}): CommandSpec => ({ id, summary: id, usage: id, examples: [], options: [], ...routing, run });

export function stubApp(options: { store?: Store; releases?: number } = {}): App {
  const empty: RefreshReport = { total: options.releases ?? 3, added: [], changed: [], removed: [], problems: [] };
  let closed = false;
  const library = {
    refresh: async () => ({ ...empty, added: ['a', 'b'] }),
    ingest: async () => ({ ...empty, problems: [{ path: 'x', reason: 'bad' }] }),
    search: (query: string) => ({ query, notes: [], total: 0, hits: [] }),
    count: () => {
      if (closed) throw new Error('library closed');
      return options.releases ?? 3;
    },
    close: () => {
      closed = true;
    },
  } as unknown as Library;
  const registry = new Registry().add(
    spec('search', async (ctx) => {
      ctx.services.library.search(ctx.args);
      return textReply(`results for ${ctx.args}`);
    }, { takesUnknownWords: true, mentionable: 'alone' }),
    spec('ask', async () => textReply('An answer.', 'thread'), { answersQuestions: true, mentionable: false }),
    // Says what it is told: a reply's words must not decide its outcome.
    spec('say', async (ctx) => textReply(ctx.args)),
    spec('boom', async () => {
      throw new Error('database is locked');
    }),
    spec('bad', async () => {
      throw new BotError('bad_input', 'Try fewer words.');
    }),
  );
  const store = options.store ?? new MemoryStore();
  // Composed as the real app is, so its metrics wrap the stub library and count the Bot's requests.
  return composeApp({ config: loadConfig({}, { logLevel: 'silent' }), logger: silentLogger(), clock: () => new Date(), store, library, registry });
}
