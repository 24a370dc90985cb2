import type { Config } from './config.ts';
import type { DigestService } from './digest/digest-service.ts';
import type { Library } from './library/types.ts';
import type { Logger } from './logger.ts';
import type { FeedbackRecord } from './commands/feedback-records.ts';
import type { PageState } from './commands/page-state.ts';
import type { Namespace, Store } from './ports/store.ts';
import type { TermFrequencies } from './answers/term-frequencies.ts';
import type { SubscriptionStore } from './subscriptions/subscription-store.ts';

/** The current time; tests inject their own. */
export type Clock = () => Date;

/** What commands read of the configuration (the whole Config today; it is read-only data). */
export type Settings = Config;

/**
 * The services the core's commands, background jobs and answer engine depend on, instead of the
 * whole composed application (adapters/compose.ts builds them). It imports only ports and
 * types, never a command or the Bot, so depending on it closes no import circle.
 *
 * Commands use the named parts of the store (subscriptions, pages, feedback). `store` itself is
 * still here for the background jobs and the answer engine's thread memory; they are the next
 * to move to named parts.
 */
export interface Services {
  library: Library;
  store: Store;
  /** Digest subscriptions and their cursors (the same store the scheduler delivers from). */
  subscriptions: SubscriptionStore;
  /** Pages of results behind More results and Share buttons. */
  pages: Namespace<PageState>;
  /** Answers and the votes on them. */
  feedback: Namespace<FeedbackRecord>;
  clock: Clock;
  logger: Logger;
  config: Settings;
  /** Digest previews, `digest now` and `sco digest`, planned as scheduled delivery plans them. */
  digests: DigestService;
  /** The answer engine's counts of question terms in the library, kept across questions. */
  termFrequencies: TermFrequencies;
}
