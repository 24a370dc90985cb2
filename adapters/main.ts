import type { App } from './compose.ts';
import type { StatusProviders } from '../src/ops/health.ts';
import type { ConsoleIO } from './console/console-workspace.ts';
import { consoleAdapter } from './console/start.ts';
import type { PlatformAdapter } from './platform.ts';
import { measuredTransport } from '../src/ops/measured-transport.ts';

/**
 * The adapters the config asks for: Discord when its token is set, Slack when its tokens are,
 * both when both are, otherwise the console workspace. A platform's SDK loads only when it is used.
 */
async function adaptersFor(app: App, io: ConsoleIO, statuses: StatusProviders): Promise<PlatformAdapter[]> {
  const { config } = app;
  const adapters: PlatformAdapter[] = [];
  if (config.discordToken) {
    const { discordAdapter } = await import('./discord/start.ts');
    adapters.push(discordAdapter(app));
  }
  if (config.slackBotToken) {
    const { slackAdapter } = await import('./slack/start.ts');
    // In Slack HTTP mode Bolt owns PORT and serves /healthz itself, so it reports every adapter.
    adapters.push(slackAdapter(app, { opsAdapters: statuses }));
  }
  if (adapters.length === 0) adapters.push(consoleAdapter(app, io));
  return adapters;
}

/**
 * Runs the bot: starts each adapter the config asks for, schedules digests through their
 * transports and keeps releases in sync. Resolves when the bot should exit (the console's input
 * ended, or SIGINT/SIGTERM); whatever was started is stopped again when a later part fails to
 * start, so a failed start exits promptly.
 */
export async function startBot(app: App, io: ConsoleIO): Promise<void> {
  const { config, logger } = app;
  const statuses: StatusProviders = {};
  const running: { stop(): Promise<void> }[] = [];
  try {
    const adapters = await adaptersFor(app, io, statuses);
    for (const adapter of adapters) statuses[adapter.name] = () => adapter.status();
    for (const adapter of adapters) {
      await adapter.start();
      running.push(adapter);
    }
    const transports = adapters.map((a) => measuredTransport(a.transport, app.metrics));

    const { startScheduler } = await import('../src/schedule/start-scheduler.ts');
    const { startSync } = await import('../src/sync/start-sync.ts');
    running.unshift(startScheduler(app, transports));
    running.unshift(startSync(app));

    // An adapter that runs by itself (the console) decides when the bot ends; chat platforms run
    // as a service until a signal, with /healthz for whoever watches the service.
    const runs = adapters.flatMap((a) => (a.run ? [a.run()] : []));
    if (runs.length > 0) {
      await Promise.race(runs);
      return;
    }
    const { startHealthServer } = await import('./http/health-server.ts');
    // In Slack HTTP mode Bolt owns PORT and serves /healthz and /metrics itself (see adapters/slack).
    const slackHttp = Boolean(config.slackBotToken && !config.slackAppToken);
    if (!slackHttp) {
      const health = await startHealthServer(app, { port: config.port, adapters: statuses });
      running.unshift({ stop: () => health.close() });
    }
    logger.info({ adapters: adapters.map((a) => a.name) }, 'SCO Bot is running');
    await new Promise<void>((resolve) => {
      process.once('SIGINT', () => resolve());
      process.once('SIGTERM', () => resolve());
    });
    logger.info('stopping');
  } finally {
    // The sync, the scheduler and the health server first, then the adapters.
    for (const part of running) await part.stop().catch((error: unknown) => logger.warn({ err: error }, 'stopping failed'));
  }
}
