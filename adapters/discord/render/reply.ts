import type { APIActionRowComponent, APIButtonComponentWithCustomId, APIEmbed } from 'discord.js';
import { ButtonStyle, ComponentType } from 'discord.js';
import { replyButtons, type Block, type Button, type Reply } from '../../../src/bot/reply.ts';
import { LIMITS } from '../limits.ts';
import { escapeText, richToMarkdown, splitText, truncate } from './text.ts';
import { renderAnswer, renderDigestItem, renderResult } from './items.ts';

/** One Discord message, in API JSON (camel-cased options take these as they are). */
export interface DiscordMessage {
  content?: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponentWithCustomId>[];
}

export interface RenderedReply {
  /** At least one; long replies are split into several messages, buttons on the last. */
  messages: DiscordMessage[];
  ephemeral: boolean;
  replaceOriginal: boolean;
}

export const EMBED_COLOR = 0x1f6fb2;
/** Separates the action id from its value in a button's custom_id. */
export const CUSTOM_ID_SEPARATOR = '|';

/** Characters Discord counts towards the 6000 per message. */
export function embedLength(e: APIEmbed): number {
  let n = (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0) + (e.author?.name.length ?? 0);
  for (const f of e.fields ?? []) n += f.name.length + f.value.length;
  return n;
}

/** Text-only replies (errors, confirmations) read best as a plain message. */
function asContent(blocks: Block[]): string | null {
  const lines: string[] = [];
  for (const b of blocks) {
    if (b.type === 'text') lines.push(richToMarkdown(b.text));
    else if (b.type === 'context') lines.push(`-# ${richToMarkdown(b.text)}`);
    else if (b.type !== 'buttons') return null;
  }
  const content = lines.join('\n');
  return content.trim().length > 0 && content.length <= LIMITS.content ? content : null;
}

function buttonRows(buttons: Button[], customId: (b: Button) => string | null, labels: Map<Button, string>): DiscordMessage['components'] {
  const rendered: APIButtonComponentWithCustomId[] = [];
  const used = new Set<string>();
  for (const b of buttons) {
    const id = customId(b);
    // Discord rejects a message whose buttons share a custom_id.
    if (!id || used.has(id)) continue;
    used.add(id);
    rendered.push({
      type: ComponentType.Button,
      custom_id: id,
      label: truncate((labels.get(b) ?? b.label).trim() || '…', LIMITS.buttonLabel),
      style: b.style === 'primary' ? ButtonStyle.Primary : b.style === 'danger' ? ButtonStyle.Danger : ButtonStyle.Secondary,
    });
  }
  const rows: DiscordMessage['components'] = [];
  for (let i = 0; i < rendered.length && rows.length < LIMITS.actionRows; i += LIMITS.buttonsPerRow) {
    rows.push({ type: ComponentType.ActionRow, components: rendered.slice(i, i + LIMITS.buttonsPerRow) });
  }
  return rows;
}

/**
 * A result's button sits under the whole message, away from its embed, so its label names the
 * result: `Cite: <title>`.
 */
function itemLabels(blocks: Block[]): Map<Button, string> {
  const labels = new Map<Button, string>();
  for (const b of blocks) {
    if (b.type !== 'results') continue;
    for (const item of b.items) if (item.button) labels.set(item.button, `${item.button.label}: ${item.title}`);
  }
  return labels;
}

/** `action|value`, or null when it would not fit Discord's 100 characters (callers stash long values first). */
export function defaultCustomId(b: Button): string | null {
  const id = `${b.action}${CUSTOM_ID_SEPARATOR}${b.value}`;
  return id.length <= LIMITS.customId ? id : null;
}

/** Turns the blocks into embeds: a heading opens one, text joins it, results and digests get one each. */
function toEmbeds(blocks: Block[]): APIEmbed[] {
  const embeds: APIEmbed[] = [];
  let title: string | undefined;
  let lines: string[] = [];
  const flush = () => {
    if (title === undefined && lines.length === 0) return;
    const pieces = splitText(lines.join('\n'), LIMITS.embedDescription);
    pieces.forEach((description, i) => {
      const e: APIEmbed = { color: EMBED_COLOR };
      if (i === 0 && title) e.title = truncate(escapeText(title), LIMITS.embedTitle);
      if (description) e.description = description;
      embeds.push(e);
    });
    title = undefined;
    lines = [];
  };
  for (const b of blocks) {
    switch (b.type) {
      case 'heading':
        flush();
        title = b.text;
        break;
      case 'text':
        lines.push(richToMarkdown(b.text));
        break;
      case 'context':
        lines.push(`*${richToMarkdown(b.text)}*`);
        break;
      case 'divider':
        flush();
        break;
      case 'results':
        flush();
        embeds.push(...b.items.map(renderResult));
        break;
      case 'answer':
        flush();
        embeds.push(...renderAnswer(b));
        break;
      case 'digest':
        flush();
        embeds.push(...b.items.map(renderDigestItem));
        break;
      case 'buttons':
        break;
    }
  }
  flush();
  // Discord rejects an embed with nothing in it.
  return embeds.filter((e) => e.title || e.description || e.footer?.text || e.fields?.length);
}

/** Packs embeds into messages of at most 10 embeds and 6000 characters. */
function pack(embeds: APIEmbed[]): DiscordMessage[] {
  const messages: DiscordMessage[] = [];
  let current: APIEmbed[] = [];
  let size = 0;
  for (const e of embeds) {
    const n = embedLength(e);
    if (current.length > 0 && (current.length === LIMITS.embedsPerMessage || size + n > LIMITS.embedCharsPerMessage)) {
      messages.push({ embeds: current, components: [] });
      current = [];
      size = 0;
    }
    current.push(e);
    size += n;
  }
  if (current.length > 0) messages.push({ embeds: current, components: [] });
  return messages;
}

/**
 * A neutral Reply as Discord messages within Discord's limits. `customId` maps a button to its
 * custom_id (null drops the button); the default joins action and value with `|`.
 */
export function renderReply(reply: Reply, customId: (b: Button) => string | null = defaultCustomId): RenderedReply {
  // Embeds hold no buttons: a result's own button (Cite) joins the rows under the message.
  const buttons = replyButtons(reply.blocks);
  const content = asContent(reply.blocks);
  let messages: DiscordMessage[];
  if (content !== null) messages = [{ content, embeds: [], components: [] }];
  else messages = pack(toEmbeds(reply.blocks));
  if (messages.length === 0) {
    messages = splitText(escapeText(reply.text.trim() || '…'), LIMITS.content).map((c) => ({ content: c, embeds: [], components: [] }));
  }
  messages[messages.length - 1]!.components = buttonRows(buttons, customId, itemLabels(reply.blocks));
  return { messages, ephemeral: reply.visibility === 'private', replaceOriginal: reply.replaceOriginal === true };
}

