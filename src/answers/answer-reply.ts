import type { Block, Button, Reply, RichText } from '../bot/reply.ts';
import { DECLINE } from './answer.ts';
import type { AnswerResult } from './types.ts';

/** Buttons under an answer; their value is the answer's feedback id (short: Discord allows 100 characters). */
export function feedbackButtons(feedbackId: string): Button[] {
  return [
    { action: 'feedback.up', label: '👍 Helpful', value: feedbackId },
    { action: 'feedback.down', label: '👎 Not right', value: feedbackId },
  ];
}

function dated(date: string | null): string {
  return date ?? 'date unknown';
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
    const lines = [DECLINE];
    blocks.push({ type: 'text', text: [DECLINE] });
    if (result.suggestions.length > 0) {
      blocks.push({ type: 'context', text: ['The nearest releases I have:'] });
      blocks.push({
        type: 'results',
        items: result.suggestions.map((s) => ({ id: s.id, title: s.title, date: s.date, url: s.url, snippet: s.snippet ?? ([] as RichText) })),
      });
      lines.push('The nearest releases I have:');
      result.suggestions.forEach((s, i) => lines.push(`${i + 1}. ${s.title} (${dated(s.date)})${s.url ? ` ${s.url}` : ''}`));
    }
    blocks.push(buttons);
    return { blocks, text: lines.join('\n'), visibility: 'thread' };
  }

  if (result.kind === 'latest') {
    blocks.push({ type: 'text', text: [result.answer] });
    blocks.push({
      type: 'digest',
      items: result.citations.map((c) => ({ id: c.id, title: c.title, date: c.date, url: c.url, summary: result.summaries?.[c.id] ?? '' })),
    });
    blocks.push(buttons);
    const lines = [result.answer, ...result.citations.map((c) => `[${c.n}] ${c.title} (${dated(c.date)})${c.url ? ` ${c.url}` : ''}`)];
    return { blocks, text: lines.join('\n'), visibility: 'thread' };
  }

  blocks.push({ type: 'answer', answer: result.answer, quote: result.quoteMarked, citations: result.citations });
  blocks.push(buttons);
  const lines = [
    result.answer,
    `> ${result.quote ?? ''}`,
    ...result.citations.map((c) => `[${c.n}] ${c.title} (${dated(c.date)})${c.url ? ` ${c.url}` : ''}`),
  ];
  return { blocks, text: lines.join('\n'), visibility: 'thread' };
}
