import type { HandledRequest } from '../bot/bot.ts';
import type { Metrics } from './metrics.ts';

/**
 * A Bot observer counting and timing each request by the outcome the Bot reports (ok, error),
 * never by its reply's text. The composition root hands it to `bot.observe`.
 */
export function countRequests(metrics: Metrics): (handled: HandledRequest) => void {
  return ({ request, outcome, seconds }) => {
    metrics.requests.inc({ kind: request.kind, outcome });
    metrics.requestSeconds.observe({ kind: request.kind }, seconds);
    if (request.kind === 'mention' || request.kind === 'message') metrics.answerSeconds.observe(seconds);
  };
}
