import { pino, type Logger as PinoLogger } from 'pino';
import { redactingStream } from './ops/redact.ts';

/** The logger every part receives; a pino logger or anything with the same four methods. */
export type Logger = Pick<PinoLogger, 'debug' | 'info' | 'warn' | 'error'> & {
  child(bindings: Record<string, unknown>): Logger;
};

/** Paths pino blanks wherever they appear in a log object. */
const REDACT = [
  'token', '*.token', 'secret', '*.secret', 'password', '*.password', 'authorization',
  '*.authorization', 'headers.authorization', '*.headers.authorization', 'config.slackBotToken',
  'config.slackSigningSecret', 'config.slackAppToken', 'config.discordToken', 'config.stateUrl',
  'headers.cookie', '*.headers.cookie', 'req.headers.authorization', 'request.headers.authorization',
  'slackBotToken', 'slackSigningSecret', 'slackAppToken', 'discordToken', 'stateUrl', 'signingSecret',
  'botToken', 'appToken', '*.signingSecret', '*.botToken', '*.appToken', '*.stateUrl',
];

/**
 * Structured logs, one JSON line per event, on standard error (stdout is for command output).
 * Key paths are blanked by pino; every finished line is then scrubbed of anything shaped like a
 * token or URL password and of the given secret values (see src/ops/redact.ts `secretsOf`).
 */
export function createLogger(
  level = 'info',
  options: { secrets?: readonly string[]; destination?: { write(line: string): unknown } } = {},
): Logger {
  const dest = redactingStream(options.destination ?? pino.destination(2), options.secrets);
  return pino({ level, redact: { paths: REDACT, censor: '[redacted]' } }, dest);
}

/** A logger that drops everything: for tests and quiet commands. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
