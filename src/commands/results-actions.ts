import type { ActionSpec, CommandContext } from './registry.ts';
import { loadPage, PAGE_SIZE, resultsReply } from './result-reply.ts';
import { textReply, type Reply } from '../bot/reply.ts';
import { replyText } from '../bot/reply-text.ts';

const EXPIRED = 'These results have expired. Run the lookup again.';

async function page(ctx: CommandContext & { value: string }, share: boolean): Promise<Reply> {
  const loaded = await loadPage(ctx.services, ctx.value);
  if (!loaded) return textReply(EXPIRED, 'private');
  const { state, offset } = loaded;
  const options = { limit: PAGE_SIZE, offset };
  const outcome =
    state.kind === 'latest'
      ? ctx.services.library.latest({ topic: state.query || undefined, ...options })
      : ctx.services.library.search(state.query, options);
  const key = ctx.value.split(':')[0]!;
  const reply = resultsReply(state, outcome, offset, key, share ? 'channel' : 'private');
  if (share) {
    const who = ctx.request.user.name ? `Shared by ${ctx.request.user.name}` : 'Shared from a lookup';
    reply.blocks.splice(1, 0, { type: 'context', text: [who] });
    reply.text = replyText(reply.blocks);
  } else {
    reply.replaceOriginal = true;
  }
  return reply;
}

export const moreResultsAction: ActionSpec = { id: 'results.more', run: (ctx) => page(ctx, false) };
export const shareResultsAction: ActionSpec = { id: 'results.share', run: (ctx) => page(ctx, true) };
