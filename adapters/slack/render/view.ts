import type { types } from '@slack/bolt';
import type { Reply } from '../../../src/bot/reply.ts';
import { renderBlock } from './blocks.ts';
import { truncate } from './text.ts';

type KnownBlock = types.KnownBlock;

/** Slack's limits on a view (Home tab or modal): 100 blocks, 250 kB of JSON; modal titles 24 characters. */
export const VIEW_LIMITS = { blocks: 100, bytes: 250_000, modalTitle: 24, submitLabel: 24 } as const;

const MORE: KnownBlock = {
  type: 'context',
  elements: [{ type: 'mrkdwn', text: 'There is more than fits here; `/sco` in a channel shows the rest.', verbatim: true }],
};

function bytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value), 'utf8');
}

/**
 * A Reply as the blocks of one view. A view is one surface, not a series of messages, so what
 * does not fit Slack's 100 blocks and 250 kB is cut from the end with a line that says so.
 * `drop` leaves out buttons that make no sense on the surface (sharing from a modal).
 */
export function renderViewBlocks(reply: Reply, options: { drop?: (action: string) => boolean } = {}): KnownBlock[] {
  const drop = options.drop ?? (() => false);
  const neutral = reply.blocks.map((b) => {
    if (b.type === 'buttons') return { ...b, buttons: b.buttons.filter((x) => !drop(x.action)) };
    if (b.type === 'results') return { ...b, items: b.items.map((i) => (i.button && drop(i.button.action) ? { ...i, button: undefined } : i)) };
    return b;
  });
  const all = neutral.flatMap(renderBlock);
  const out: KnownBlock[] = [];
  // Room for the closing note, and a margin for the view's own fields.
  let size = bytes(MORE) + 2_000;
  for (const [i, block] of all.entries()) {
    const w = bytes(block) + 1;
    const last = i === all.length - 1;
    const room = last ? VIEW_LIMITS.blocks : VIEW_LIMITS.blocks - 1;
    if (out.length >= room || size + w > VIEW_LIMITS.bytes) {
      out.push(MORE);
      return out;
    }
    out.push(block);
    size += w;
  }
  return out;
}

/** A Home tab view. */
export function homeView(reply: Reply): types.HomeView {
  return { type: 'home', blocks: renderViewBlocks(reply) };
}

/** A modal showing a reply (search results, a citation); it has no channel, so nothing is shared from it. */
export function replyModal(title: string, reply: Reply, extra: { callback_id?: string; private_metadata?: string } = {}): types.ModalView {
  return {
    type: 'modal',
    title: { type: 'plain_text', text: truncate(title, VIEW_LIMITS.modalTitle) },
    close: { type: 'plain_text', text: 'Close' },
    blocks: renderViewBlocks(reply, { drop: (a) => a === 'results.share' }),
    ...extra,
  };
}
