/**
 * Why something failed, for whoever catches it: the Bot shows a BotError's own message to the
 * person (an `internal` one gets the fixed apology instead), and the `sco` command turns the
 * code into its exit status and JSON error code.
 */
export type ErrorCode =
  | 'bad_input'
  | 'not_found'
  | 'forbidden'
  | 'config'
  | 'unavailable'
  | 'internal';

/** The one error type of the project. `message` is safe to show a person. */
export class BotError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'BotError';
  }
}

export function isBotError(e: unknown): e is BotError {
  return e instanceof BotError;
}
