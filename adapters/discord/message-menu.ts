import { ApplicationCommandType, type Message, type RESTPostAPIContextMenuApplicationCommandsJSONBody } from 'discord.js';

/** The message context menu command (right-click a message > Apps); Discord shows the name as is. */
export const FIND_RELEASES_MENU = 'Find SCO releases';

/** Registered beside `/sco` by `npm run discord:register`: type 3 (message), in servers and DMs. */
export function messageMenuCommand(): RESTPostAPIContextMenuApplicationCommandsJSONBody {
  return { type: ApplicationCommandType.Message, name: FIND_RELEASES_MENU, contexts: [0, 1], integration_types: [0] };
}

/**
 * The words of the message the menu was used on: its text and, for a bot's post, its embeds'
 * titles and descriptions. Discord includes the target message's content in the interaction even
 * without the Message Content intent.
 */
export function messageWords(message: Message): string {
  const parts = [message.content];
  for (const e of message.embeds) parts.push(e.title ?? '', e.description ?? '');
  return parts.filter(Boolean).join('\n');
}
