import type { Config } from './config.ts';
import type { DigestService } from './digest/digest-service.ts';
import type { Library } from './library/types.ts';
import type { Logger } from './logger.ts';
import type { Store } from './ports/store.ts';

/** The current time; tests inject their own. */
export type Clock = () => Date;

/** What commands read of the configuration (the whole Config today; it is read-only data). */
export type Settings = Config;

/**
 * The services the core's commands, background jobs and answer engine depend on, instead of the
 * whole composed application (adapters/compose.ts builds them). It imports only ports and
 * types, never a command or the Bot, so depending on it closes no import circle.
 *
 * `store` still gives commands every namespace (pages, feedback, subscriptions, threads); narrowing
 * it to one service per namespace is the next step.
 */
export interface Services {
  library: Library;
  store: Store;
  clock: Clock;
  logger: Logger;
  config: Settings;
  /** Digest previews, `digest now` and `sco digest`, planned as scheduled delivery plans them. */
  digests: DigestService;
}
