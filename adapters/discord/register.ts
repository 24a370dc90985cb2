// `npm run discord:register`: sends the registry's slash commands to Discord. Run it once after
// installing and whenever the commands change; the bot itself never registers at start.
import { existsSync } from 'node:fs';
import { buildRegistry } from '../../src/commands/index.ts';
import { loadConfig } from '../../src/config.ts';
import { isBotError } from '../../src/errors.ts';
import { registerCommands } from './register-commands.ts';

// The same settings as `npm start`: ./.env when present, variables already set winning (bin/sco.js).
if (existsSync('.env')) process.loadEnvFile('.env');

try {
  const config = loadConfig(process.env);
  const result = await registerCommands(config, buildRegistry());
  const where = result.scope === 'guild' ? `server ${result.guildId} (visible now)` : 'every server (global commands can take up to an hour to appear)';
  process.stdout.write(`Registered /sco with ${result.subcommands.length} subcommands (${result.subcommands.join(', ')})${result.menus.length ? ` and the message menu ${result.menus.map((m) => `“${m}”`).join(', ')}` : ''} for ${where}.\n`);
} catch (error) {
  const message = isBotError(error) ? error.message : error instanceof Error ? error.message : String(error);
  process.stderr.write(`Could not register the commands: ${message}\n`);
  process.exitCode = 1;
}
