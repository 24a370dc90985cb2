import { ConsoleTransport } from '../../../adapters/console/transport.ts';
import { CONSOLE_CHANNEL } from '../../../adapters/console/console-workspace.ts';
import type { TransportSetup } from '../transport-contract.ts';

/** The console transport writing to a captured terminal; a person sees what was written. */
const NO_NETWORK = 'the console writes to the terminal; there is no platform to fail';

export const consoleChannel = CONSOLE_CHANNEL;

export const consoleTransport: TransportSetup = {
  cannot: {
    rate_limited: NO_NETWORK,
    server_error: NO_NETWORK,
    reset: NO_NETWORK,
    hang: NO_NETWORK,
    lost_response: NO_NETWORK,
    history_down: NO_NETWORK,
    missing: 'the console has one channel, the terminal',
    forbidden: 'the console has one channel, the terminal',
  },
  async open() {
    const written: string[] = [];
    return {
      transport: new ConsoleTransport((text) => written.push(text)),
      channel: () => CONSOLE_CHANNEL,
      visible: (key) => written.filter((text) => text.includes(`[digest in ${key}]`)),
      fault: {},
      close: async () => undefined,
    };
  },
};
