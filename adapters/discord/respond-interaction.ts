import { MessageFlags, type ButtonInteraction, type ChatInputCommandInteraction, type MessageContextMenuCommandInteraction } from 'discord.js';
import { interactionOptions } from './render/message-body.ts';
import type { DiscordMessage, RenderedReply } from './render/reply.ts';

export type Repliable = ChatInputCommandInteraction | ButtonInteraction | MessageContextMenuCommandInteraction;

/** How an interaction was acknowledged before its reply was ready. */
export type Deferral = 'none' | 'ephemeral' | 'public' | 'update';

/** Acknowledges a slow interaction so Discord shows "thinking" instead of failing after 3 s. */
export async function defer(interaction: Repliable, how: Exclude<Deferral, 'none'>): Promise<void> {
  if (how === 'update' && interaction.isButton()) await interaction.deferUpdate();
  else await interaction.deferReply(how === 'ephemeral' ? { flags: MessageFlags.Ephemeral } : {});
}

function withFlags(m: DiscordMessage, ephemeral: boolean) {
  return { ...interactionOptions(m), ...(ephemeral ? { flags: MessageFlags.Ephemeral as const } : {}) };
}

/**
 * Sends a rendered reply as the interaction's response: the first message answers (or, for a
 * button whose reply replaces its message, updates it); further parts follow up. A deferral
 * whose visibility turns out wrong is deleted and the reply follows up with the right one.
 */
export async function respond(interaction: Repliable, rendered: RenderedReply, deferral: Deferral): Promise<void> {
  const [first, ...rest] = rendered.messages;
  if (!first) return;
  const eph = rendered.ephemeral;
  if (deferral === 'none') {
    if (rendered.replaceOriginal && interaction.isButton()) await interaction.update(interactionOptions(first));
    else await interaction.reply(withFlags(first, eph));
  } else if (deferral === 'update') {
    if (rendered.replaceOriginal) await interaction.editReply(interactionOptions(first));
    else await interaction.followUp(withFlags(first, eph));
  } else if ((deferral === 'ephemeral') === eph) {
    await interaction.editReply(interactionOptions(first));
  } else {
    await interaction.deleteReply();
    await interaction.followUp(withFlags(first, eph));
  }
  for (const m of rest) await interaction.followUp(withFlags(m, eph));
}

/**
 * Runs `work`; when it has not finished after `afterMs`, calls `onSlow` first (deferring,
 * typing) and waits for both. Returns the work's result and whether it was slow.
 */
export async function whenSlow<T>(work: Promise<T>, afterMs: number, onSlow: () => Promise<unknown>): Promise<{ value: T; slow: boolean }> {
  let timer: NodeJS.Timeout | undefined;
  const slowSignal = new Promise<'slow'>((resolve) => {
    timer = setTimeout(() => resolve('slow'), afterMs);
  });
  const first = await Promise.race([work.then(() => 'done' as const, () => 'done' as const), slowSignal]);
  clearTimeout(timer);
  if (first === 'slow') await onSlow();
  return { value: await work, slow: first === 'slow' };
}
