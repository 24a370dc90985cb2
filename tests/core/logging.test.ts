import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import { scrub, secretsOf } from '../../src/ops/redact.ts';

const SLACK_BOT = 'xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOpQrStUv';
const SLACK_APP = 'xapp-1-A0123456789-1234567890123-abcdef0123456789';
const SIGNING = '8f742231b10e8888abcd99yyyzzz85a5';
const DISCORD = 'MTA5ODc2NTQzMjEwOTg3NjU0.GhIjKl.abcdefghijklmnopqrstuvwxyz0123456789AB';
const REDIS_PW = 's3cret-Redis-pw';

function capture(secrets: string[] = []) {
  const lines: string[] = [];
  const logger = createLogger('debug', { secrets, destination: { write: (l: string) => lines.push(l) } });
  return { logger, lines };
}

describe('logging', () => {
  const config = loadConfig({
    SLACK_BOT_TOKEN: SLACK_BOT,
    SLACK_SIGNING_SECRET: SIGNING,
    SLACK_APP_TOKEN: SLACK_APP,
    DISCORD_TOKEN: DISCORD,
    STATE_URL: `redis://default:${REDIS_PW}@127.0.0.1:6390/0`,
  });

  it('writes one JSON object per line with level and message', () => {
    const { logger, lines } = capture();
    logger.info({ component: 'sync', added: 3 }, 'sync done');
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0]!);
    expect(entry).toMatchObject({ level: 30, msg: 'sync done', component: 'sync', added: 3 });
  });

  it('never lets a token or password reach a log line, wherever it hides', () => {
    const { logger, lines } = capture(secretsOf(config));
    logger.info({ config }, 'starting');
    logger.error({ err: new Error(`connect ECONNREFUSED redis://default:${REDIS_PW}@127.0.0.1:6390`) }, 'store down');
    logger.warn(`slack said invalid_auth for ${SLACK_BOT}`);
    logger.debug({ headers: { authorization: `Bearer ${SLACK_BOT}` } }, 'outgoing');
    logger.debug({ req: { headers: { Authorization: `Bot ${DISCORD}` } } }, 'discord rest');
    logger.info({ deep: { deeper: { deepest: { value: SIGNING, other: `token=${SLACK_APP}` } } } }, 'nested');
    logger.child({ url: `postgresql://bot:${REDIS_PW}@db/sco` }).info('child binding');
    const all = lines.join('');
    expect(lines).toHaveLength(7);
    for (const secret of [SLACK_BOT, SLACK_APP, SIGNING, DISCORD, REDIS_PW]) expect(all).not.toContain(secret);
    // Still useful: the host and the event are there.
    expect(all).toContain('127.0.0.1:6390');
    expect(all).toContain('store down');
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
  });

  it('scrubs token shapes even without being told the values', () => {
    const line = scrub(`a ${SLACK_BOT} b ${DISCORD} c redis://:${REDIS_PW}@h:1 d Bearer abcdefghijkl`);
    expect(line).toBe('a xox?-[redacted] b [redacted discord token] c redis://:[redacted]@h:1 d Bearer [redacted]');
  });

  it('leaves ordinary text alone', () => {
    const text = 'SCO Secretary-General Vladimir Norov met delegates in Tashkent on 14 February 2020; see https://eng.sectsco.org/news/20200214/612345.html';
    expect(scrub(text, secretsOf(loadConfig({})))).toBe(text);
  });
});
