import type { CommandSpec } from '../../src/commands/registry.ts';
import { discordName } from './slash-commands.ts';

export type CommandText = { ok: true; text: string } | { ok: false; problem: string };

/**
 * The text the core parses for `/sco <sub> ...`: the command id, then each option's value in
 * the registry's order, as `keyword value` when the option has a keyword. A required option
 * that is missing is a problem the person is told about.
 */
export function commandText(spec: CommandSpec, value: (name: string) => string | number | boolean | null | undefined): CommandText {
  const parts = [spec.id];
  for (const o of spec.options) {
    const v = value(discordName(o.name));
    const text = v === null || v === undefined ? '' : String(v).trim();
    if (!text) {
      if (o.required) return { ok: false, problem: `\`/sco ${spec.id}\` needs the \`${o.name}\` option (${o.description}).` };
      continue;
    }
    parts.push(o.keyword ? `${o.keyword} ${text}` : text);
  }
  return { ok: true, text: parts.join(' ') };
}

/** `discord:<guild>:<channel>`; direct messages have no guild and use `@me`. */
export function channelKey(guildId: string | null | undefined, channelId: string): string {
  return `discord:${guildId ?? '@me'}:${channelId}`;
}

/** The channel id inside a channel key, or null when the key is not a Discord one. */
export function channelIdOf(key: string): string | null {
  const m = /^discord:[^:]+:(\d+)$/.exec(key);
  return m ? m[1]! : null;
}
