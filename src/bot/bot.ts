import { performance } from 'node:perf_hooks';
import type { CommandSpec, Registry } from '../commands/registry.ts';
import { isBotError } from '../errors.ts';
import { capQuestion } from '../text/limits.ts';
import { textReply, type Reply } from './reply.ts';
import type { Request } from './request.ts';
import type { Services } from '../services.ts';

const SORRY = 'Sorry, something went wrong on my side while handling that. Please try again in a moment.';
const NOT_MANAGER =
  "Sorry, only people who can manage this channel can change its digest subscriptions. Ask a channel manager, or use `/sco digest preview` to see what the next digest holds.";

/** Splits `word rest of text` at the first run of white space. */
function splitFirst(text: string): [string, string] {
  const m = /^(\S+)\s*([\s\S]*)$/.exec(text.trim());
  return m ? [m[1]!.toLowerCase(), m[2]!] : ['', ''];
}

/**
 * How a request ended: `ok` when the person got the reply the command meant (an answer, a
 * result, or a clear refusal of their input), `error` when it failed on our side and they got
 * the apology. Metrics count it; nothing reads the reply's text to find out.
 */
export type RequestOutcome = 'ok' | 'error';

/** One handled request, as the Bot reports it to whoever observes it (metrics). */
export interface HandledRequest {
  request: Request;
  reply: Reply;
  outcome: RequestOutcome;
  /** Wall time of handling, in seconds. */
  seconds: number;
}

/**
 * The core's front door: every person's request comes in here and a neutral Reply goes out.
 * Errors are caught once, here: the person gets one fixed sentence, the log the detail.
 */
export class Bot {
  private readonly observers: ((handled: HandledRequest) => void)[] = [];

  constructor(
    private readonly registry: Registry,
    private readonly services: Services,
  ) {}

  /** Calls `observer` after each request with its outcome; what it throws is logged and ignored. */
  observe(observer: (handled: HandledRequest) => void): void {
    this.observers.push(observer);
  }

  async handle(request: Request): Promise<Reply> {
    const start = performance.now();
    const { reply, outcome } = await this.outcome(request);
    const handled: HandledRequest = { request, reply, outcome, seconds: (performance.now() - start) / 1000 };
    for (const observer of this.observers) {
      try {
        observer(handled);
      } catch (error) {
        this.services.logger.warn({ err: error }, 'a request observer failed');
      }
    }
    return reply;
  }

  private async outcome(request: Request): Promise<{ reply: Reply; outcome: RequestOutcome }> {
    try {
      // Read at most MAX_QUESTION_CHARS, with no overlong word: a 40,000-character mention would
      // otherwise hold the event loop (and every other channel) for seconds.
      return { reply: await this.route({ ...request, text: capQuestion(request.text) }), outcome: 'ok' };
    } catch (error) {
      if (isBotError(error) && error.code !== 'internal') {
        return { reply: textReply(error.message, request.kind === 'command' || request.kind === 'action' ? 'private' : 'thread'), outcome: 'ok' };
      }
      this.services.logger.error({ err: error, kind: request.kind, channel: request.channel }, 'request failed');
      return { reply: textReply(SORRY, 'private'), outcome: 'error' };
    }
  }

  private async route(request: Request): Promise<Reply> {
    const { registry } = this;
    if (request.kind === 'action') {
      const id = request.action?.id ?? '';
      const spec = registry.action(id);
      if (!spec) return textReply('That button has expired. Run the command again.', 'private');
      return spec.run({ request, services: this.services, args: '', value: request.action?.value ?? '' });
    }

    let text = request.text.trim();
    if (request.kind === 'command') return this.command(request, text);

    // A mention or a direct message: `/sco ...` or a bare command word runs that command,
    // anything else (and anything ending in `?`) is a question. Each command's spec says how a
    // mention reaches it (CommandSpec.mentionable); no command is named here.
    if (/^\/?sco\b/i.test(text)) return this.command(request, text.replace(/^\/?sco\b\s*/i, ''));
    const [word, rest] = splitFirst(text);
    const spec = registry.find(word);
    const mentionable = spec?.mentionable ?? true;
    if (spec && !text.endsWith('?') && (mentionable === true || (mentionable === 'alone' && rest === ''))) {
      return this.run(spec, request, rest);
    }
    const answerer = registry.withRole('answersQuestions') ?? registry.withRole('takesUnknownWords');
    if (!answerer) return textReply(SORRY, 'private');
    // `@sco ask when ...` asks `when ...`: the answerer's own word in front is only a label.
    if (spec === answerer && rest !== '') text = rest;
    return this.run(answerer, request, text);
  }

  private command(request: Request, text: string): Promise<Reply> {
    const { registry } = this;
    const [word, rest] = splitFirst(text);
    const spec = word ? registry.find(word) : registry.withRole('runsWhenEmpty');
    if (spec) return this.run(spec, request, word ? rest : '');
    const lookup = registry.withRole('takesUnknownWords');
    if (!lookup) return Promise.resolve(textReply(SORRY, 'private'));
    return this.run(lookup, request, text);
  }

  private run(spec: CommandSpec, request: Request, args: string): Promise<Reply> {
    if (spec.requiresManage && !request.user.canManage) return Promise.resolve(textReply(NOT_MANAGER, 'private'));
    return spec.run({ request, services: this.services, args: args.trim() });
  }
}
