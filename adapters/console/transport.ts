import type { Reply } from '../../src/bot/reply.ts';
import type { PostResult, Transport } from '../../src/ports/transport.ts';
import { renderReplyText } from './render-text.ts';

/** Posts digests to the terminal: the console workspace's only channel. */
export class ConsoleTransport implements Transport {
  readonly platform = 'console';
  readonly limits = { itemsPerMessage: 20, charsPerMessage: 20_000 };
  private readonly posted = new Map<string, string>();
  private seq = 0;

  constructor(
    private readonly write: (text: string) => void,
    private readonly ansi = false,
  ) {}

  async post(channel: string, reply: Reply, options: { idempotencyKey: string }): Promise<PostResult> {
    if (!channel.startsWith(`${this.platform}:`)) return { ok: false, kind: 'not_found', detail: `not a console channel key: ${channel}` };
    const done = this.posted.get(options.idempotencyKey);
    if (done) return { ok: true, messageId: done };
    const id = `console-${++this.seq}`;
    this.write(`\n[digest in ${channel}]\n${renderReplyText(reply, { ansi: this.ansi })}\n`);
    this.posted.set(options.idempotencyKey, id);
    return { ok: true, messageId: id };
  }

  async findPosted(_channel: string, idempotencyKey: string): Promise<string | null> {
    return this.posted.get(idempotencyKey) ?? null;
  }
}
