import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * A CommonJS package loaded on first use rather than at start, and synchronously, so sync code
 * (the YAML parser, the language model) can stay sync. Each costs tens of milliseconds to load,
 * which `sco` commands that never use it should not pay.
 */
export function lazyRequire<T>(name: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= require(name) as T);
}
