import type { Reply } from '../src/bot/reply.ts';
import type { Request } from '../src/bot/request.ts';
import type { Logger } from '../src/logger.ts';
import { NS, type Store } from '../src/ports/store.ts';

/** What a platform tells the person when answering their mention or direct message failed. */
export const CONVERSATION_FAILED = 'Sorry, something went wrong while I was answering that. Please try again in a moment.';

const ANSWERED_TTL_MS = 60 * 60 * 1000;

/** How one platform takes part in a conversation: its ids, its working indicator, its posts. */
export interface ConversationIO {
  /**
   * The message's key, the same on every redelivery and every instance (Slack retries events,
   * and every Discord instance on the gateway receives each message): the first to claim it answers.
   */
  claimKey: string;
  /** Show the working indicator at once (0: Slack's 👀) or only when the answer takes longer (Discord's typing). */
  workingAfterMs: number;
  showWorking(): Promise<void>;
  hideWorking(): Promise<void>;
  /** The neutral request; may fail (looking the person up), which counts as a failed answer. */
  request(): Promise<Request>;
  post(reply: Reply): Promise<void>;
  /** Tells the person, where they asked, that something failed. */
  tell(sentence: string): Promise<void>;
  /** A more useful sentence for this platform's failure (invite me ...), when there is one. */
  sentenceFor?(error: unknown): string | undefined;
  /** Fields for the log lines, e.g. the channel. */
  logFields: Record<string, unknown>;
}

/**
 * The one conversation edge for mentions and direct messages on every platform: claim the
 * message once, show that the bot is working (the indicator is a courtesy: failing to show it
 * never stops the answer, and it is removed whatever happened), post the reply, and on failure
 * tell the person one friendly sentence there, with the detail in the log.
 */
export async function answerConversation(deps: { store: Store; bot: { handle(request: Request): Promise<Reply> }; logger: Logger }, io: ConversationIO): Promise<void> {
  const { logger } = deps;
  const claimed = await deps.store
    .namespace<number>(NS.answered)
    .add(io.claimKey, 1, ANSWERED_TTL_MS)
    .catch((error: unknown) => {
      logger.warn({ err: error, ...io.logFields }, 'could not record the question; answering anyway');
      return true;
    });
  if (!claimed) return;

  let shown = false;
  const show = () =>
    io.showWorking().then(
      () => {
        shown = true;
      },
      (error: unknown) => logger.warn({ err: error, ...io.logFields }, 'could not show the working indicator'),
    );
  let showing: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;
  if (io.workingAfterMs <= 0) await show();
  else {
    timer = setTimeout(() => {
      showing = show();
    }, io.workingAfterMs);
  }
  try {
    const reply = await deps.bot.handle(await io.request());
    await io.post(reply);
  } catch (error) {
    logger.error({ err: error, ...io.logFields }, 'answering a conversation failed');
    await io.tell(io.sentenceFor?.(error) ?? CONVERSATION_FAILED).catch((e: unknown) => logger.warn({ err: e, ...io.logFields }, 'could not tell the person either'));
  } finally {
    clearTimeout(timer);
    await showing;
    if (shown) await io.hideWorking().catch((error: unknown) => logger.warn({ err: error, ...io.logFields }, 'could not remove the working indicator'));
  }
}
