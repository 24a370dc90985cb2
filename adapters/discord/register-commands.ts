import { REST, Routes } from 'discord.js';
import type { Registry } from '../../src/commands/registry.ts';
import type { Config } from '../../src/config.ts';
import { BotError } from '../../src/errors.ts';
import { buildCommands } from './slash-commands.ts';

export interface RegisterResult {
  scope: 'guild' | 'global';
  guildId?: string;
  applicationId: string;
  /** Subcommands of `/sco` now registered. */
  subcommands: string[];
  /** Context menu commands registered beside it ("Find SCO releases"). */
  menus: string[];
}

/**
 * Replaces the application's commands with the registry's `/sco`: in DISCORD_GUILD_ID when set
 * (visible at once, for trying out), otherwise globally (may take a while to show everywhere).
 */
export async function registerCommands(config: Config, registry: Registry): Promise<RegisterResult> {
  if (!config.discordToken) throw new BotError('config', 'DISCORD_TOKEN is not set: copy the bot token from the Developer Portal (your application > Bot).');
  const rest = new REST({ ...(config.discordApiUrl ? { api: config.discordApiUrl } : {}) }).setToken(config.discordToken);
  try {
    const applicationId = config.discordApplicationId ?? ((await rest.get(Routes.currentApplication())) as { id: string }).id;
    const body = buildCommands(registry);
    const route = config.discordGuildId ? Routes.applicationGuildCommands(applicationId, config.discordGuildId) : Routes.applicationCommands(applicationId);
    await rest.put(route, { body });
    const subcommands = (body[0].options ?? []).map((o) => o.name);
    const menus = body.slice(1).map((c) => c.name);
    return config.discordGuildId
      ? { scope: 'guild', guildId: config.discordGuildId, applicationId, subcommands, menus }
      : { scope: 'global', applicationId, subcommands, menus };
  } finally {
    rest.clearHashSweeper();
    rest.clearHandlerSweeper();
  }
}
