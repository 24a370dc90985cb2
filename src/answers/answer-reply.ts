import { replyOf, type Block, type Button, type Reply, type RichText } from '../bot/reply.ts';
import { DECLINE } from './answer.ts';
import type { AnswerResult } from './types.ts';

/** Buttons under an answer; their value is the answer's feedback id (short: Discord allows 100 characters). */
export function feedbackButtons(feedbackId: string): Button[] {
  return [
    { action: 'feedback.up', label: '👍 Helpful', value: feedbackId },
    { action: 'feedback.down', label: '👎 Not right', value: feedbackId },
  ];
}

/**
 * The neutral reply to a question, posted under it: the answer with its quote and numbered
 * citations; for latest questions the newest releases with their summaries; when declining, the
 * plain admission and the nearest releases.
 */
export function answerReply(result: AnswerResult, feedbackId: string): Reply {
  const blocks: Block[] = [];
  const buttons: Block = { type: 'buttons', buttons: feedbackButtons(feedbackId) };

  if (result.answer === null) {
    blocks.push({ type: 'text', text: [DECLINE] });
    if (result.suggestions.length > 0) {
      blocks.push({ type: 'context', text: ['The nearest releases I have:'] });
      blocks.push({
        type: 'results',
        items: result.suggestions.map((s) => ({ id: s.id, title: s.title, date: s.date, url: s.url, snippet: s.snippet ?? ([] as RichText) })),
      });
    }
    blocks.push(buttons);
    return replyOf(blocks, 'thread');
  }

  if (result.kind === 'latest') {
    blocks.push({ type: 'text', text: [result.answer] });
    blocks.push({
      type: 'digest',
      items: result.citations.map((c) => ({ id: c.id, title: c.title, date: c.date, url: c.url, summary: result.summaries?.[c.id] ?? '' })),
    });
    blocks.push(buttons);
    return replyOf(blocks, 'thread');
  }

  blocks.push({ type: 'answer', answer: result.answer, quote: result.quoteMarked, citations: result.citations });
  blocks.push(buttons);
  return replyOf(blocks, 'thread');
}
