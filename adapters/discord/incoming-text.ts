// What a person typed or picked, from what Discord sends, as the text the core parses.
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

/** The question without the bot's own mentions; other mentions stay (and are defused when shown). */
export function stripMention(content: string, botId: string, botRoleIds: string[] = []): string {
  const ids = [`!?${botId}`, ...botRoleIds.map((r) => `&${r}`)].join('|');
  return content.replace(new RegExp(`<@(?:${ids})>`, 'g'), ' ').replace(/\s+/g, ' ').trim();
}
