import type { App } from '../compose.ts';
import type { PlatformAdapter } from '../platform.ts';
import { runConsole, type ConsoleIO } from './console-workspace.ts';
import { ConsoleTransport } from './transport.ts';

/**
 * The console workspace as an adapter: the terminal is its one channel, digests are printed
 * there, and it runs until its input ends (or the person types `quit`), which ends the bot.
 */
export function consoleAdapter(app: App, io: ConsoleIO): PlatformAdapter {
  let state: 'connected' | 'down' = 'connected';
  return {
    name: 'console',
    transport: new ConsoleTransport(io.write, io.interactive),
    status: () => state,
    // Nothing to connect to: the terminal is there.
    async start() {},
    async run() {
      await runConsole(app, io);
      state = 'down';
    },
    // The loop closes its input itself when it ends; nothing else stays open.
    async stop() {
      state = 'down';
    },
  };
}
