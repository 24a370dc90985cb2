import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../src/logger.ts';

function message(parts: unknown[]): { msg: string; err?: unknown } {
  const err = parts.find((p) => p instanceof Error);
  const msg = parts
    .filter((p) => p !== err)
    .map((p) => (typeof p === 'string' ? p : JSON.stringify(p)))
    .join(' ');
  return err ? { msg, err } : { msg };
}

/** Bolt and its clients log through our logger, under `component: slack`, so logs stay one stream. */
export function boltLogger(logger: Logger, level: string): BoltLogger {
  const log = logger.child({ component: 'slack' });
  let current = level === 'debug' || level === 'trace' ? LogLevel.DEBUG : LogLevel.INFO;
  let name = 'bolt';
  const emit = (fn: 'debug' | 'info' | 'warn' | 'error', parts: unknown[]) => {
    const { msg, err } = message(parts);
    log[fn](err ? { lib: name, err } : { lib: name }, msg);
  };
  return {
    debug: (...parts: unknown[]) => emit('debug', parts),
    info: (...parts: unknown[]) => emit('info', parts),
    warn: (...parts: unknown[]) => emit('warn', parts),
    error: (...parts: unknown[]) => emit('error', parts),
    setLevel: (l: LogLevel) => {
      current = l;
    },
    getLevel: () => current,
    setName: (n: string) => {
      name = n;
    },
  };
}
