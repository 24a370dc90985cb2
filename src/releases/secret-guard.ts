import type { Config } from '../config.ts';
import { secretsOf } from '../ops/redact.ts';

/** What the loader must never index: the bot's own secrets, by name and by value. */
export interface SecretGuard {
  /** Configured secret values (tokens, signing secret, the state server's password). */
  values: readonly string[];
}

/** The environment variables that hold the bot's secrets. */
export const SECRET_VARIABLES = ['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN', 'DISCORD_TOKEN', 'STATE_URL'];

const SECRET_ASSIGNMENT = new RegExp(`(?:^|[\\s\\0;'"])(?:export\\s+)?(${SECRET_VARIABLES.join('|')})\\s*=`, 'm');
/** `NAME=value` entries as /proc/*\/environ (NUL between them) or a .env file (one a line) holds them. */
const ENV_ENTRY = /(?:^|\0|\n)(?:export\s+)?([A-Z][A-Z0-9_]{1,63})=/g;
const SECRET_NAME = /TOKEN|SECRET|PASSWORD|PASSWD|API_?KEY|PRIVATE|CREDENTIAL/;

export function secretGuardOf(config: Config): SecretGuard {
  return { values: secretsOf(config) };
}

/**
 * Why `text` must not be indexed, or null. A release is public to everyone in the workspace,
 * so text that looks like environment variables holding secrets (a link to /proc/self/environ,
 * a copied .env) or that holds a configured secret is refused whole; the reason never quotes it.
 */
export function secretReason(text: string, guard: SecretGuard): string | null {
  const named = SECRET_ASSIGNMENT.exec(text);
  if (named) return `refused: it looks like environment variables holding the bot's secrets (${named[1]}=…); it is not indexed`;
  if (guard.values.some((v) => text.includes(v))) return 'refused: it contains the value of one of the bot\'s configured secrets; it is not indexed';
  let entries = 0;
  let secretNamed: string | undefined;
  for (const m of text.matchAll(ENV_ENTRY)) {
    entries++;
    if (!secretNamed && SECRET_NAME.test(m[1]!)) secretNamed = m[1];
    if (entries >= 3 && secretNamed) return `refused: it looks like environment variables holding secrets (${secretNamed}=…); it is not indexed`;
  }
  return null;
}
