import { randomBytes } from 'node:crypto';
import type { Services } from '../services.ts';
import { textReply } from '../bot/reply.ts';
import type { AnswerResult } from '../answers/types.ts';
import type { AnsweredRecord, VoteRecord } from './feedback-records.ts';
import type { ActionSpec, CommandContext } from './registry.ts';

export type { AnsweredRecord, FeedbackRecord, VoteRecord } from './feedback-records.ts';

const FEEDBACK_TTL_MS = 90 * 24 * 60 * 60 * 1000;

/** Records an answer under a short id for its feedback buttons (8 characters, well under Discord's 100). */
export async function recordAnswer(services: Services, result: AnswerResult, channel: string): Promise<string> {
  const id = randomBytes(6).toString('base64url');
  const record: AnsweredRecord = {
    type: 'answer',
    question: result.question,
    answer: result.answer,
    citations: result.citations.map((c) => c.id),
    channel,
    at: services.clock().toISOString(),
  };
  await services.feedback.set(`a:${id}`, record, FEEDBACK_TTL_MS);
  return id;
}

async function vote(ctx: CommandContext & { value: string }, direction: 'up' | 'down') {
  const id = ctx.value.trim();
  const ns = ctx.services.feedback;
  if (!/^[\w-]{1,40}$/.test(id) || !(await ns.get(`a:${id}`))) {
    return textReply('That answer is too old to rate now. Thanks all the same.', 'private');
  }
  // One vote per person per answer; pressing again changes it.
  const record: VoteRecord = { type: 'vote', answerId: id, vote: direction, user: ctx.request.user.id, at: ctx.services.clock().toISOString() };
  await ns.set(`v:${id}:${ctx.request.user.id}`, record, FEEDBACK_TTL_MS);
  ctx.services.logger.info({ answer: id, vote: direction }, 'answer feedback');
  return textReply(
    direction === 'up' ? 'Thanks, glad it helped.' : 'Thanks for telling me. I will keep that answer in mind as a miss.',
    'private',
  );
}

export const feedbackUpAction: ActionSpec = { id: 'feedback.up', run: (ctx) => vote(ctx, 'up') };
export const feedbackDownAction: ActionSpec = { id: 'feedback.down', run: (ctx) => vote(ctx, 'down') };
