import { z } from 'zod';
import { BotError } from './errors.ts';
import { validCron } from './schedule/schedule.ts';
import { validTimezone } from './util/timezone.ts';

/**
 * All configuration, read and checked once at start. Nothing else reads `process.env`.
 * A wrong value stops the bot with the variable's name and how to fix it.
 */
export interface Config {
  slackBotToken?: string;
  slackSigningSecret?: string;
  slackAppToken?: string;
  /** Web API base ending in `/`, e.g. `https://slack.com/api/`. */
  slackApiUrl?: string;
  /** Slack user ids that may manage subscriptions besides workspace admins and owners. */
  slackManagers: string[];
  port: number;
  discordToken?: string;
  discordApplicationId?: string;
  discordGuildId?: string;
  /** REST base without the version, e.g. `http://127.0.0.1:8080/api`. */
  discordApiUrl?: string;
  stateUrl?: string;
  dataDir: string;
  contentDir: string;
  syncCron: string;
  defaultTimezone: string;
  scoSiteUrl: string;
  feeds: string[];
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
}

const optional = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

/** SYNC_CRON values that turn the live sources' sync off. */
export const SYNC_OFF = /^\s*(off|none|never|disabled?)\s*$/i;

const url = (name: string) =>
  optional.refine((v) => v === undefined || /^https?:\/\/[^\s]+$/.test(v), {
    message: `${name} must be an http(s) URL, such as https://example.org/`,
  });

const schema = z.object({
  SLACK_BOT_TOKEN: optional.refine((v) => v === undefined || v.startsWith('xoxb-'), {
    message: 'SLACK_BOT_TOKEN must be a bot token starting with xoxb- (Slack app > OAuth & Permissions)',
  }),
  SLACK_SIGNING_SECRET: optional,
  SLACK_APP_TOKEN: optional.refine((v) => v === undefined || v.startsWith('xapp-'), {
    message: 'SLACK_APP_TOKEN must be an app-level token starting with xapp- (Slack app > Basic Information)',
  }),
  SLACK_API_URL: url('SLACK_API_URL'),
  SLACK_MANAGERS: optional,
  PORT: optional.refine((v) => v === undefined || (/^\d+$/.test(v) && Number(v) < 65536), {
    message: 'PORT must be a port number such as 3000',
  }),
  DISCORD_TOKEN: optional,
  DISCORD_APPLICATION_ID: optional.refine((v) => v === undefined || /^\d+$/.test(v), {
    message: 'DISCORD_APPLICATION_ID must be the numeric application id (Developer Portal > General Information)',
  }),
  DISCORD_GUILD_ID: optional.refine((v) => v === undefined || /^\d+$/.test(v), {
    message: 'DISCORD_GUILD_ID must be a numeric server id (enable Developer Mode, right-click the server, Copy Server ID)',
  }),
  DISCORD_API_URL: url('DISCORD_API_URL'),
  STATE_URL: optional.refine((v) => v === undefined || /^(redis|rediss|postgres|postgresql|sqlite):\/\//.test(v), {
    message: 'STATE_URL must start with redis://, postgresql:// or sqlite:// (or be unset for the SQLite file under DATA_DIR)',
  }),
  DATA_DIR: optional,
  CONTENT_DIR: optional,
  SYNC_CRON: optional.refine((v) => v === undefined || SYNC_OFF.test(v) || validCron(v), {
    message: 'SYNC_CRON must be a five-field cron expression such as */15 * * * * (or off)',
  }),
  DEFAULT_TIMEZONE: optional.refine((v) => v === undefined || validTimezone(v), {
    message: 'DEFAULT_TIMEZONE must be an IANA timezone such as Europe/Berlin or Asia/Tashkent',
  }),
  SCO_SITE_URL: url('SCO_SITE_URL'),
  FEEDS: optional.refine(
    (v) => v === undefined || v.split(',').every((f) => /^https?:\/\/\S+$/.test(f.trim())),
    { message: 'FEEDS must be a comma-separated list of http(s) feed URLs' },
  ),
  LOG_LEVEL: optional.refine(
    (v) => v === undefined || ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(v),
    { message: 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent' },
  ),
});

/** Reads the environment (or the given map) into a Config; throws a BotError naming the variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env, overrides: Partial<Config> = {}): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`);
    throw new BotError('config', `Configuration error:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const slackApiUrl = e.SLACK_API_URL ? e.SLACK_API_URL.replace(/\/?$/, '/') : undefined;
  if (e.SLACK_BOT_TOKEN && !e.SLACK_APP_TOKEN && !e.SLACK_SIGNING_SECRET) {
    throw new BotError(
      'config',
      'Configuration error:\nSLACK_SIGNING_SECRET: set it (Slack app > Basic Information > Signing Secret) for HTTP mode, or set SLACK_APP_TOKEN for Socket Mode',
    );
  }
  return {
    slackBotToken: e.SLACK_BOT_TOKEN,
    slackSigningSecret: e.SLACK_SIGNING_SECRET,
    slackAppToken: e.SLACK_APP_TOKEN,
    slackApiUrl,
    slackManagers: (e.SLACK_MANAGERS ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    port: e.PORT ? Number(e.PORT) : 3000,
    discordToken: e.DISCORD_TOKEN,
    discordApplicationId: e.DISCORD_APPLICATION_ID,
    discordGuildId: e.DISCORD_GUILD_ID,
    discordApiUrl: e.DISCORD_API_URL?.replace(/\/$/, ''),
    stateUrl: e.STATE_URL,
    dataDir: e.DATA_DIR ?? './data',
    contentDir: e.CONTENT_DIR ?? './content',
    syncCron: e.SYNC_CRON ?? '*/15 * * * *',
    defaultTimezone: e.DEFAULT_TIMEZONE ?? 'UTC',
    scoSiteUrl: e.SCO_SITE_URL ?? 'https://eng.sectsco.org/',
    feeds: (e.FEEDS ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    logLevel: (e.LOG_LEVEL as Config['logLevel'] | undefined) ?? 'info',
    ...overrides,
  };
}
