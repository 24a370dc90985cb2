import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandSubcommandOption,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  type RESTPostAPIApplicationCommandsJSONBody,
} from 'discord.js';
import type { CommandOption, CommandSpec, Registry } from '../../src/commands/registry.ts';
import { LIMITS } from './limits.ts';
import { messageMenuCommand } from './message-menu.ts';
import { truncate } from './render/text.ts';

/** The one top-level command; every registry command is a subcommand of it. */
export const ROOT_COMMAND = 'sco';

/** Discord's rule for command and option names: lower case, 1-32 of letters, digits, - and _. */
export function discordName(name: string): string {
  const n = name.toLowerCase().replace(/[^-_\p{L}\p{N}]/gu, '-').slice(0, 32);
  return n || 'x';
}

function option(o: CommandOption): APIApplicationCommandBasicOption {
  const base = {
    name: discordName(o.name),
    description: truncate(o.description || o.name, LIMITS.commandDescription),
    required: o.required === true,
  };
  if (o.type === 'integer') {
    return {
      ...base,
      type: ApplicationCommandOptionType.Integer,
      ...(o.choices?.length
        ? { choices: o.choices.slice(0, 25).map((c) => ({ name: truncate(c.name, LIMITS.choiceName), value: Number(c.value) })) }
        : {}),
    };
  }
  // Choices and autocomplete exclude each other; fixed choices win.
  if (o.choices?.length) {
    return {
      ...base,
      type: ApplicationCommandOptionType.String,
      choices: o.choices.slice(0, 25).map((c) => ({ name: truncate(c.name, LIMITS.choiceName), value: c.value.slice(0, LIMITS.choiceValue) })),
    };
  }
  return { ...base, type: ApplicationCommandOptionType.String, ...(o.autocomplete ? { autocomplete: true } : {}) };
}

function subcommand(spec: CommandSpec): APIApplicationCommandSubcommandOption {
  // Discord wants required options before optional ones; the core joins by keyword, not order.
  const options = [...spec.options].sort((a, b) => Number(b.required === true) - Number(a.required === true));
  return {
    type: ApplicationCommandOptionType.Subcommand,
    name: discordName(spec.id),
    description: truncate(spec.summary || spec.id, LIMITS.commandDescription),
    options: options.slice(0, 25).map(option),
  };
}

/** The application commands for the registry: one `/sco` with a subcommand per command, then the message menu. */
export function buildCommands(registry: Registry): [RESTPostAPIChatInputApplicationCommandsJSONBody, ...RESTPostAPIApplicationCommandsJSONBody[]] {
  return [
    {
      type: ApplicationCommandType.ChatInput,
      name: ROOT_COMMAND,
      description: 'Press releases of the SCO Secretariat: look up, ask, subscribe to digests',
      options: registry.commands.slice(0, LIMITS.subcommands).map(subcommand),
      // Usable in servers and in direct messages with the bot.
      contexts: [0, 1],
      integration_types: [0],
    },
    messageMenuCommand(),
  ];
}

/** The registry command behind a subcommand name. */
export function specForSubcommand(registry: Registry, name: string | null): CommandSpec | undefined {
  if (!name) return undefined;
  return registry.commands.find((c) => discordName(c.id) === name);
}
