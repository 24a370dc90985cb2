import { setTimeout as delay } from 'node:timers/promises';
import type { Logger } from '../logger.ts';
import { HostLimiter } from './host-limiter.ts';
import { backoffMs, isRetryableStatus, parseRetryAfter } from './retry.ts';
import { defaultUserAgent } from './user-agent.ts';

/** What a server said about a page's version, sent back next time as If-None-Match / If-Modified-Since. */
export interface Validators {
  etag?: string;
  lastModified?: string;
}

export type FetchOutcome =
  | { kind: 'ok'; url: string; finalUrl: string; status: number; body: string; contentType: string; validators: Validators }
  | { kind: 'not_modified'; url: string; validators: Validators }
  | { kind: 'failed'; url: string; reason: string; status?: number };

export interface FetcherOptions {
  logger: Logger;
  userAgent?: string;
  /** Requests in flight to one host at once. */
  perHost?: number;
  /** Pause between the starts of two requests to one host. */
  pauseMs?: number;
  /** Time allowed until the response headers arrive (connection, TLS, server think time). */
  connectTimeoutMs?: number;
  /** Time allowed for the whole response, body included. */
  totalTimeoutMs?: number;
  /** Extra attempts after the first on network errors, 408, 429 and 5xx. */
  retries?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** A Retry-After longer than this is not waited for: the page fails and the next sync retries. */
  maxRetryAfterMs?: number;
  maxBodyBytes?: number;
  maxRedirects?: number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
}

export interface GetOptions {
  signal?: AbortSignal;
  /** Send these so an unchanged page answers 304 and costs nothing. */
  validators?: Validators;
  accept?: string;
}

type Attempt =
  | { kind: 'done'; outcome: FetchOutcome }
  | { kind: 'redirect'; location: string }
  | { kind: 'retry'; reason: string; status?: number; retryAfterMs: number | null };

const MB = 1024 * 1024;

/**
 * The one HTTP client of the sources: identifies itself, keeps to two requests per host with a
 * pause, times out, retries with backoff, honours Retry-After, sends conditional requests, caps
 * body size and redirect chains. It never throws for a bad page (a `failed` outcome says why);
 * it throws only when the caller's signal aborts.
 */
export class PoliteFetcher {
  private readonly o: Required<Omit<FetcherOptions, 'logger'>>;
  private readonly limiter: HostLimiter;
  private readonly log: Logger;

  constructor(options: FetcherOptions) {
    this.log = options.logger;
    this.o = {
      userAgent: options.userAgent ?? defaultUserAgent(),
      perHost: options.perHost ?? 2,
      pauseMs: options.pauseMs ?? 500,
      connectTimeoutMs: options.connectTimeoutMs ?? 10_000,
      totalTimeoutMs: options.totalTimeoutMs ?? 30_000,
      retries: options.retries ?? 3,
      backoffBaseMs: options.backoffBaseMs ?? 1000,
      backoffMaxMs: options.backoffMaxMs ?? 30_000,
      maxRetryAfterMs: options.maxRetryAfterMs ?? 120_000,
      maxBodyBytes: options.maxBodyBytes ?? 5 * MB,
      maxRedirects: options.maxRedirects ?? 5,
      sleep: options.sleep ?? ((ms, signal) => delay(ms, undefined, { signal })),
      random: options.random ?? Math.random,
    };
    this.limiter = new HostLimiter(this.o.perHost, this.o.pauseMs, (ms) => this.o.sleep(ms));
  }

  async get(url: string, options: GetOptions = {}): Promise<FetchOutcome> {
    const seen = new Set<string>();
    let current = url;
    for (let hop = 0; ; hop++) {
      if (seen.has(current)) return this.fail(url, `redirect loop at ${current}`);
      if (hop > this.o.maxRedirects) return this.fail(url, `more than ${this.o.maxRedirects} redirects`);
      seen.add(current);
      const result = await this.withRetries(current, hop === 0 ? options : { ...options, validators: undefined });
      if (result.kind === 'redirect') {
        current = result.location;
        continue;
      }
      return result.outcome.kind === 'ok' || result.outcome.kind === 'failed'
        ? { ...result.outcome, url }
        : result.outcome;
    }
  }

  private fail(url: string, reason: string, status?: number): FetchOutcome {
    this.log.warn({ url, reason }, `fetch failed: ${url}: ${reason}`);
    return { kind: 'failed', url, reason, status };
  }

  private async withRetries(url: string, options: GetOptions): Promise<{ kind: 'done'; outcome: FetchOutcome } | { kind: 'redirect'; location: string }> {
    const host = new URL(url).host;
    for (let attempt = 0; ; attempt++) {
      options.signal?.throwIfAborted();
      const result = await this.limiter.run(host, () => this.once(url, options));
      if (result.kind !== 'retry') return result;
      const wait = result.retryAfterMs ?? backoffMs(attempt, this.o.backoffBaseMs, this.o.backoffMaxMs, this.o.random);
      if (attempt >= this.o.retries) {
        return { kind: 'done', outcome: this.fail(url, `${result.reason} (gave up after ${attempt + 1} attempt${attempt === 0 ? '' : 's'})`, result.status) };
      }
      if (wait > this.o.maxRetryAfterMs) {
        return { kind: 'done', outcome: this.fail(url, `${result.reason}; server asks to wait ${Math.round(wait / 1000)} s, left for the next sync`, result.status) };
      }
      this.log.info({ url, attempt: attempt + 1, waitMs: wait, reason: result.reason }, `retrying ${url} in ${wait} ms: ${result.reason}`);
      await this.o.sleep(wait, options.signal);
    }
  }

  /** One request: headers within connectTimeoutMs, the whole body within totalTimeoutMs. */
  private async once(url: string, options: GetOptions): Promise<Attempt> {
    options.signal?.throwIfAborted();
    const ctrl = new AbortController();
    let why: string | null = null;
    const abort = (reason: string) => {
      why ??= reason;
      ctrl.abort();
    };
    const onCallerAbort = () => abort('aborted');
    options.signal?.addEventListener('abort', onCallerAbort, { once: true });
    const connectTimer = setTimeout(() => abort(`no response within ${this.o.connectTimeoutMs} ms`), this.o.connectTimeoutMs);
    const totalTimer = setTimeout(() => abort(`response not complete within ${this.o.totalTimeoutMs} ms`), this.o.totalTimeoutMs);
    const headers: Record<string, string> = {
      'user-agent': this.o.userAgent,
      accept: options.accept ?? 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
      'accept-language': 'en',
    };
    if (options.validators?.etag) headers['if-none-match'] = options.validators.etag;
    if (options.validators?.lastModified) headers['if-modified-since'] = options.validators.lastModified;
    try {
      const res = await fetch(url, { headers, redirect: 'manual', signal: ctrl.signal });
      clearTimeout(connectTimer);
      const validators: Validators = {
        ...(res.headers.get('etag') ? { etag: res.headers.get('etag') as string } : {}),
        ...(res.headers.get('last-modified') ? { lastModified: res.headers.get('last-modified') as string } : {}),
      };
      if (res.status === 304) {
        await res.body?.cancel();
        return { kind: 'done', outcome: { kind: 'not_modified', url, validators: { ...options.validators, ...validators } } };
      }
      if (res.status >= 300 && res.status < 400) {
        await res.body?.cancel();
        const location = res.headers.get('location');
        if (!location) return { kind: 'done', outcome: this.fail(url, `HTTP ${res.status} without a Location`, res.status) };
        return { kind: 'redirect', location: new URL(location, url).href };
      }
      if (isRetryableStatus(res.status)) {
        await res.body?.cancel();
        return { kind: 'retry', reason: `HTTP ${res.status}`, status: res.status, retryAfterMs: parseRetryAfter(res.headers.get('retry-after')) };
      }
      if (res.status < 200 || res.status >= 300) {
        await res.body?.cancel();
        return { kind: 'done', outcome: this.fail(url, `HTTP ${res.status}`, res.status) };
      }
      const declared = Number(res.headers.get('content-length') ?? NaN);
      if (declared > this.o.maxBodyBytes) {
        await res.body?.cancel();
        return { kind: 'done', outcome: this.tooLarge(url, declared) };
      }
      const body = await this.readCapped(res, url);
      if (body === null) return { kind: 'done', outcome: this.tooLarge(url, null) };
      return {
        kind: 'done',
        outcome: { kind: 'ok', url, finalUrl: url, status: res.status, body, contentType: res.headers.get('content-type') ?? '', validators },
      };
    } catch (e) {
      if (options.signal?.aborted) throw options.signal.reason ?? e;
      const reason = why ?? networkReason(e);
      return { kind: 'retry', reason, retryAfterMs: null };
    } finally {
      clearTimeout(connectTimer);
      clearTimeout(totalTimer);
      options.signal?.removeEventListener('abort', onCallerAbort);
    }
  }

  private tooLarge(url: string, size: number | null): FetchOutcome {
    const b = this.o.maxBodyBytes;
    const limit = b >= MB ? `${Number((b / MB).toFixed(1))} MB` : `${Math.round(b / 1024)} KB`;
    return this.fail(url, size ? `response of ${size} bytes is over the ${limit} limit; not downloaded` : `response is over the ${limit} limit; download abandoned`);
  }

  /** Reads the body, giving up (and closing the connection) once it passes the size cap. */
  private async readCapped(res: Response, url: string): Promise<string | null> {
    if (!res.body) return '';
    const reader = res.body.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > this.o.maxBodyBytes) {
        await reader.cancel().catch(() => undefined);
        this.log.debug({ url, size }, 'body cap reached');
        return null;
      }
      chunks.push(value);
    }
    return decoderFor(res.headers.get('content-type')).decode(Buffer.concat(chunks));
  }
}

/** The charset the server names (older government sites still send windows-1251), else UTF-8. */
function decoderFor(contentType: string | null): TextDecoder {
  const label = /charset=["']?([\w-]+)/i.exec(contentType ?? '')?.[1];
  try {
    return new TextDecoder(label ?? 'utf-8');
  } catch {
    return new TextDecoder('utf-8');
  }
}

function networkReason(e: unknown): string {
  const cause = (e as { cause?: { code?: string; message?: string } }).cause;
  if (cause?.code) return `network error ${cause.code}`;
  return `network error: ${e instanceof Error ? e.message : String(e)}`;
}
