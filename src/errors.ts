/** Error codes the core raises; adapters map them to one friendly sentence each. */
export type ErrorCode =
  | 'bad_input'
  | 'not_found'
  | 'forbidden'
  | 'config'
  | 'unavailable'
  | 'rate_limited'
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
