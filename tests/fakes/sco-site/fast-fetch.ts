import type { FetchTuning } from '../../../src/sync/build-sources.ts';

/** HTTP client settings for tests: no pauses, short timeouts and backoff, a small body cap. */
export const FAST: FetchTuning = {
  pauseMs: 0,
  backoffBaseMs: 5,
  backoffMaxMs: 20,
  connectTimeoutMs: 1500,
  totalTimeoutMs: 3000,
  retries: 1,
  maxRetryAfterMs: 2000,
  maxBodyBytes: 256 * 1024,
};
