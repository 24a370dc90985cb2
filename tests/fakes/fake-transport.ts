import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import type { Reply } from '../../src/bot/reply.ts';
import type { PostResult, Transport } from '../../src/ports/transport.ts';

export interface RecordedPost {
  channel: string;
  idempotencyKey: string;
  messageId: string;
  reply: Reply;
}

/**
 * A Transport that records what it posts, for digest tests. Failures can be queued per call
 * (`failNext`); `findPosted` answers from the recorded posts the way Slack metadata or a
 * Discord nonce would. With `file`, posts are appended to a JSON-lines file so they survive a
 * killed process (crash tests) and are shared between processes.
 */
export class FakeTransport implements Transport {
  readonly posts: RecordedPost[] = [];
  /** Every post call, failed ones included. */
  readonly attempts: { channel: string; idempotencyKey: string; result: PostResult['ok'] | string }[] = [];
  private readonly queued: PostResult[] = [];
  private seq = 0;

  constructor(
    readonly platform = 'test',
    readonly limits = { itemsPerMessage: 10, charsPerMessage: 4000 },
    private readonly options: { file?: string; supportsFindPosted?: boolean; afterPost?: (post: RecordedPost) => void } = {},
  ) {
    if (options.supportsFindPosted === false) this.findPosted = undefined;
  }

  /** The next calls of post() return these instead of succeeding. */
  failNext(...results: PostResult[]): this {
    this.queued.push(...results);
    return this;
  }

  all(): RecordedPost[] {
    if (!this.options.file) return this.posts;
    if (!existsSync(this.options.file)) return [];
    return readFileSync(this.options.file, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as RecordedPost);
  }

  async post(channel: string, reply: Reply, options: { idempotencyKey: string }): Promise<PostResult> {
    const failure = this.queued.shift();
    if (failure) {
      this.attempts.push({ channel, idempotencyKey: options.idempotencyKey, result: failure.ok ? true : failure.kind });
      return failure;
    }
    const post: RecordedPost = { channel, idempotencyKey: options.idempotencyKey, messageId: `m${process.pid}.${++this.seq}`, reply };
    this.attempts.push({ channel, idempotencyKey: options.idempotencyKey, result: true });
    if (this.options.file) appendFileSync(this.options.file, `${JSON.stringify(post)}\n`);
    else this.posts.push(post);
    this.options.afterPost?.(post);
    return { ok: true, messageId: post.messageId };
  }

  findPosted? = async (channel: string, idempotencyKey: string): Promise<string | null> =>
    this.all().find((p) => p.channel === channel && p.idempotencyKey === idempotencyKey)?.messageId ?? null;
}
