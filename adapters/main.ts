import type { App } from './compose.ts';
import type { Transport } from '../src/ports/transport.ts';
import { ConsoleTransport } from './console/console-transport.ts';
import type { ConsolePrompt } from './console/console-prompt.ts';
import { runConsole } from './console/console-workspace.ts';
import { measuredTransport } from '../src/ops/measured-transport.ts';

/** A running platform connection. */
export interface RunningAdapter {
  transport: Transport;
  status(): 'connected' | 'connecting' | 'down';
  stop(): Promise<void>;
}

export interface StartIO {
  input: NodeJS.ReadableStream;
  write: (text: string) => void;
  interactive: boolean;
  /** The console's prompt, which background warnings are printed above. */
  prompt?: ConsolePrompt;
}

/**
 * Runs the bot: Slack when its tokens are set, Discord when its token is set, both when both
 * are, otherwise the console workspace. Schedules digests and keeps releases in sync either way.
 * Resolves when the bot should exit (console input ended, or SIGINT/SIGTERM); whatever was
 * started is stopped again when a later part fails to start, so a failed start exits promptly.
 */
export async function startBot(app: App, io: StartIO): Promise<void> {
  const { config, logger } = app;
  const adapters: Record<string, RunningAdapter> = {};
  const running: { stop(): Promise<void> }[] = [];
  const status = () => Object.fromEntries(Object.entries(adapters).map(([name, a]) => [name, () => a.status()]));
  try {
    // Discord first, so that Slack's HTTP receiver (which then owns PORT) can report both in /healthz.
    if (config.discordToken) {
      const { startDiscord } = await import('./discord/start-discord.ts');
      adapters.discord = await startDiscord(app);
      running.push(adapters.discord);
    }
    if (config.slackBotToken) {
      const { startSlack } = await import('./slack/start-slack.ts');
      const others = status();
      adapters.slack = await startSlack(app, {
        opsAdapters: { ...others, slack: () => adapters.slack?.status() ?? 'connecting' },
      });
      running.push(adapters.slack);
    }
    const platforms = Object.values(adapters);
    const consoleMode = platforms.length === 0;
    const transports = (consoleMode ? [new ConsoleTransport(io.write, io.interactive)] : platforms.map((a) => a.transport))
      .map((t) => measuredTransport(t, app.metrics));

    const { startScheduler } = await import('../src/schedule/start-scheduler.ts');
    const { startSync } = await import('../src/sync/start-sync.ts');
    running.unshift(startScheduler(app, transports));
    running.unshift(startSync(app));

    if (!consoleMode) {
      const { startHealthServer } = await import('./http/health-server.ts');
      // In Slack HTTP mode Bolt owns PORT and serves /healthz and /metrics itself (see adapters/slack).
      const slackHttp = Boolean(config.slackBotToken && !config.slackAppToken);
      if (!slackHttp) {
        const health = await startHealthServer(app, { port: config.port, adapters: status() });
        running.unshift({ stop: () => health.close() });
      }
      logger.info({ adapters: Object.keys(adapters) }, 'SCO Bot is running');
    }

    if (consoleMode) {
      await runConsole(app, io);
    } else {
      await new Promise<void>((resolve) => {
        process.once('SIGINT', () => resolve());
        process.once('SIGTERM', () => resolve());
      });
      logger.info('stopping');
    }
  } finally {
    // The sync, the scheduler and the health server first, then the platforms.
    for (const part of running) await part.stop().catch((error: unknown) => logger.warn({ err: error }, 'stopping failed'));
  }
}
