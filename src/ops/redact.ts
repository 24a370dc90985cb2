import type { Config } from '../config.ts';

/**
 * Scrubs secrets out of finished log lines, wherever they ended up: inside an error message or
 * stack, a URL, a nested object pino's key paths do not reach. Runs on every line, so the
 * patterns are plain and anchored on what secrets look like.
 */
const PATTERNS: [RegExp, string][] = [
  // Slack bot, user, app and refresh tokens.
  [/\bxox[abposr]-[A-Za-z0-9-]+/g, 'xox?-[redacted]'],
  [/\bxapp-[A-Za-z0-9-]+/g, 'xapp-[redacted]'],
  // Credentials inside URLs: redis://:pw@host, postgresql://user:pw@host.
  [/([a-z][a-z0-9+.-]*:\/\/)([^\s:@/"'\\]*):([^\s@/"'\\]+)@/gi, '$1$2:[redacted]@'],
  // HTTP Authorization values: Bearer xyz, Bot xyz, Basic xyz.
  [/\b(Bearer|Bot|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/g, '$1 [redacted]'],
  // Discord bot tokens: three base64url parts, the first an encoded snowflake.
  [/\b[MNO][A-Za-z0-9_-]{23,27}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,40}\b/g, '[redacted discord token]'],
];

/** Secret values to blank literally, whatever their shape (a signing secret is plain hex). */
export function secretsOf(config: Config): string[] {
  const values = [config.slackBotToken, config.slackSigningSecret, config.slackAppToken, config.discordToken];
  if (config.stateUrl) {
    try {
      const url = new URL(config.stateUrl);
      values.push(decodeURIComponent(url.password) || undefined, url.password || undefined);
    } catch {
      // Not a URL: the URL pattern above still covers user:pw@.
    }
  }
  // Short values would blank ordinary words; real secrets are long.
  return [...new Set(values.filter((v): v is string => typeof v === 'string' && v.length >= 6))];
}

export function scrub(line: string, secrets: readonly string[] = []): string {
  let out = line;
  for (const secret of secrets) {
    if (out.includes(secret)) out = out.split(secret).join('[redacted]');
  }
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

/** A pino destination that scrubs each line before passing it on. */
export function redactingStream(dest: { write(line: string): unknown }, secrets: readonly string[] = []) {
  return { write: (line: string) => dest.write(scrub(line, secrets)) };
}
