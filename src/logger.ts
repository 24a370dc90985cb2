import { pino, type Logger as PinoLogger } from 'pino';

/** The logger every part receives; a pino logger or anything with the same four methods. */
export type Logger = Pick<PinoLogger, 'debug' | 'info' | 'warn' | 'error'> & {
  child(bindings: Record<string, unknown>): Logger;
};

/** Paths pino blanks wherever they appear in a log object. */
const REDACT = [
  'token', '*.token', 'secret', '*.secret', 'password', '*.password', 'authorization',
  '*.authorization', 'headers.authorization', '*.headers.authorization', 'config.slackBotToken',
  'config.slackSigningSecret', 'config.slackAppToken', 'config.discordToken', 'config.stateUrl',
];

/** Structured logs, one JSON line per event, on standard error (stdout is for command output). */
export function createLogger(level = 'info'): Logger {
  return pino({ level, redact: { paths: REDACT, censor: '[redacted]' } }, pino.destination(2));
}

/** A logger that drops everything: for tests and quiet commands. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
