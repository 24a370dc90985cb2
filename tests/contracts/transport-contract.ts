import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DigestItem, Reply } from '../../src/bot/reply.ts';
import type { PostResult, Transport } from '../../src/ports/transport.ts';

/**
 * The one contract every Transport passes, as the store's contract does for every Store: what
 * the scheduler relies on when it posts a digest, checked on the real adapter against its
 * wire-level fake, by reading what a person would see in the channel.
 */

/** What the platform can do to a post; the setup arranges it on the channel it returns. */
export type Fault =
  /** A rate limit longer than the transport waits out itself. */
  | 'rate_limited'
  /** HTTP 5xx on every try. */
  | 'server_error'
  /** The connection is reset instead of answered. */
  | 'reset'
  /** The platform never answers. */
  | 'hang'
  /** The message is stored, then the answer is lost (a 500 after the fact). */
  | 'lost_response'
  /** Reading the channel back (for findPosted) fails. */
  | 'history_down';

export type Capability = Fault | 'missing' | 'forbidden' | 'findPosted' | 'repeatShowsOnce' | 'refusesForeignKeys';

export interface TransportWorld {
  transport: Transport;
  /** A channel the bot may post in; a fresh one per call where the platform allows. */
  channel(): string;
  /** What a person sees in the channel: the text of each message, oldest first. */
  visible(channel: string): string[];
  /** A key of this platform whose channel does not exist. */
  missing?(): string;
  /** A key of a channel the bot may not post in. */
  forbidden?(): string;
  /** Arranges that the next post (or read) in the returned channel meets the fault. */
  fault: Partial<Record<Fault, () => string>>;
  /** Drops what a case left queued at the fake (faults not used up, hangs). */
  settle?(): void;
  close(): Promise<void>;
}

export interface TransportSetup {
  open(): Promise<TransportWorld>;
  /** What this transport cannot do, each with the reason shown in the skipped case's name. */
  cannot: Partial<Record<Capability, string>>;
}

/** Keys of every platform, plus garbage: each transport must refuse those that are not its own. */
const FOREIGN_KEYS = ['slack:T1:C1', 'discord:123456789012345678:123456789012345679', 'discord:@me:123456789012345679', 'console:local', 'test:C1', 'C1', ''];

/** A failure must come back within this, not hold the digest run. */
const PROMPT_MS = 5000;

let seq = 0;
const tag = () => `c${process.pid}x${++seq}`;

/**
 * A digest reply as the core builds one for these limits: `n` items whose text fills the
 * message's character budget (the digest builder keeps 200 characters for the heading and
 * counts 40 per item besides its text). Each item's summary ends with a word of its own, so a
 * shortened or dropped item shows.
 */
const FILLER = 'Cooperation in the region. ';

function digest(t: string, limits: Transport['limits'], n = 1): Reply {
  const perItem = Math.floor((limits.charsPerMessage - 200) / n) - 40;
  const items: DigestItem[] = Array.from({ length: n }, (_, i) => {
    const title = `Item ${i + 1} of ${t}`;
    const url = `https://eng.sectsco.org/20260301/${100000 + i}.html`;
    const end = ` end${i + 1}${t}`;
    const room = Math.max(0, perItem - title.length - url.length - end.length);
    return { id: `${t}-${i}`, title, date: '2026-03-01', url, summary: `${FILLER.repeat(Math.ceil(room / FILLER.length)).slice(0, room)}${end}` };
  });
  const heading = `SCO digest ${t}: ${n} new release${n === 1 ? '' : 's'}`;
  return { blocks: [{ type: 'heading', text: heading }, { type: 'digest', items }], text: heading, visibility: 'channel' };
}

const skipName = (name: string, reason: string | undefined) => (reason ? `${name} (skipped: ${reason})` : name);

export function transportContract(name: string, setup: TransportSetup): void {
  describe(`Transport contract: ${name}`, () => {
    let w: TransportWorld;
    beforeAll(async () => {
      w = await setup.open();
    });
    afterEach(() => w.settle?.());
    afterAll(async () => {
      await w?.close();
    });

    const can = (c: Capability) => setup.cannot[c] === undefined;
    const itCan = (c: Capability, caseName: string, fn: () => Promise<void>) => it.skipIf(!can(c))(skipName(caseName, setup.cannot[c]), fn);
    /** Posts and returns the result with the messages that appeared in the channel meanwhile. */
    async function post(channel: string, reply: Reply, key: string): Promise<{ result: PostResult; shown: string[]; ms: number }> {
      const before = w.visible(channel).length;
      const started = Date.now();
      const result = await w.transport.post(channel, reply, { idempotencyKey: key });
      return { result, shown: w.visible(channel).slice(before), ms: Date.now() - started };
    }
    function fault(f: Fault): string {
      const arrange = w.fault[f];
      if (!arrange) throw new Error(`the setup says it can make "${f}" happen but gives no way to`);
      return arrange();
    }

    it('serves channel keys that start with its platform prefix', () => {
      expect(w.transport.platform).toMatch(/^[a-z]+$/);
      expect(w.channel().startsWith(`${w.transport.platform}:`)).toBe(true);
      expect(w.transport.limits.itemsPerMessage).toBeGreaterThan(0);
      expect(w.transport.limits.charsPerMessage).toBeGreaterThan(200);
    });

    it('a post arrives once, with the reply’s heading visible and a message id', async () => {
      const t = tag();
      const { result, shown } = await post(w.channel(), digest(t, w.transport.limits), `${t}/1`);
      expect(result).toEqual({ ok: true, messageId: expect.any(String) });
      expect(result.ok && result.messageId.length).toBeGreaterThan(0);
      expect(shown).toHaveLength(1);
      expect(shown[0]).toContain(`SCO digest ${t}: 1 new release`);
      expect(shown[0]).toContain(`Item 1 of ${t}`);
    });

    it('a reply as large as `limits` allows arrives whole: every item, every summary to its end', async () => {
      const t = tag();
      const n = w.transport.limits.itemsPerMessage;
      const { result, shown } = await post(w.channel(), digest(t, w.transport.limits, n), `${t}/1`);
      expect(result.ok).toBe(true);
      expect(shown.length).toBeGreaterThanOrEqual(1);
      const all = shown.join('\n');
      for (let i = 1; i <= n; i++) {
        expect(all, `item ${i}`).toContain(`Item ${i} of ${t}`);
        expect(all, `end of summary ${i}`).toContain(`end${i}${t}`);
      }
    });

    it('different posts get different non-empty message ids', async () => {
      const channel = w.channel();
      const a = await w.transport.post(channel, digest(tag(), w.transport.limits), { idempotencyKey: `${tag()}/1` });
      const b = await w.transport.post(channel, digest(tag(), w.transport.limits), { idempotencyKey: `${tag()}/1` });
      expect(a.ok && b.ok).toBe(true);
      if (!a.ok || !b.ok) return;
      expect(a.messageId).toMatch(/\S/);
      expect(b.messageId).toMatch(/\S/);
      expect(a.messageId).not.toBe(b.messageId);
    });

    itCan('refusesForeignKeys', 'a key of another platform, or garbage, is not_found and shows nothing', async () => {
      const mine = w.channel();
      for (const key of FOREIGN_KEYS.filter((k) => !k.startsWith(`${w.transport.platform}:`))) {
        const before = w.visible(mine).length;
        const result = await w.transport.post(key, digest(tag(), w.transport.limits), { idempotencyKey: `${tag()}/1` });
        expect(result, key).toMatchObject({ ok: false, kind: 'not_found', detail: expect.any(String) });
        expect(w.visible(mine).length).toBe(before);
      }
    });

    itCan('rate_limited', 'a long rate limit comes back promptly as rate_limited with its wait, nothing shown', async () => {
      const t = tag();
      const { result, shown, ms } = await post(fault('rate_limited'), digest(t, w.transport.limits), `${t}/1`);
      expect(result).toMatchObject({ ok: false, kind: 'rate_limited', detail: expect.any(String) });
      expect(result.ok === false && result.kind === 'rate_limited' && result.retryAfterMs).toBeGreaterThan(0);
      expect(shown).toEqual([]);
      expect(ms).toBeLessThan(PROMPT_MS);
    });

    itCan('server_error', 'HTTP 5xx comes back as transient, nothing shown', async () => {
      const t = tag();
      const { result, shown } = await post(fault('server_error'), digest(t, w.transport.limits), `${t}/1`);
      expect(result).toMatchObject({ ok: false, kind: 'transient', detail: expect.any(String) });
      expect(shown).toEqual([]);
    });

    itCan('reset', 'a reset connection comes back as transient', async () => {
      const t = tag();
      const { result } = await post(fault('reset'), digest(t, w.transport.limits), `${t}/1`);
      expect(result).toMatchObject({ ok: false, kind: 'transient', detail: expect.any(String) });
    });

    itCan('hang', 'a platform that never answers comes back promptly as transient', async () => {
      const t = tag();
      const { result, shown, ms } = await post(fault('hang'), digest(t, w.transport.limits), `${t}/1`);
      expect(result).toMatchObject({ ok: false, kind: 'transient', detail: expect.any(String) });
      expect(shown).toEqual([]);
      expect(ms).toBeLessThan(PROMPT_MS);
    });

    itCan('missing', 'a channel that does not exist is not_found, nothing shown', async () => {
      const t = tag();
      const { result, shown } = await post(w.missing!(), digest(t, w.transport.limits), `${t}/1`);
      expect(result).toMatchObject({ ok: false, kind: 'not_found', detail: expect.any(String) });
      expect(shown).toEqual([]);
    });

    itCan('forbidden', 'a channel the bot may not post in is forbidden, nothing shown', async () => {
      const t = tag();
      const { result, shown } = await post(w.forbidden!(), digest(t, w.transport.limits), `${t}/1`);
      expect(result).toMatchObject({ ok: false, kind: 'forbidden', detail: expect.any(String) });
      expect(shown).toEqual([]);
    });

    it('recognises a repeat one way or the other: findPosted, or a repeat that shows nothing new', () => {
      expect(can('findPosted') || can('repeatShowsOnce'), 'a transport with neither would post a digest twice after a crash').toBe(true);
    });

    itCan('repeatShowsOnce', 'posting the same idempotency key again shows one message and gives the same id', async () => {
      const t = tag();
      const channel = w.channel();
      const first = await post(channel, digest(t, w.transport.limits), `${t}/1`);
      const again = await post(channel, digest(t, w.transport.limits), `${t}/1`);
      expect(first.result.ok).toBe(true);
      expect(again.result).toEqual(first.result);
      expect(first.shown).toHaveLength(1);
      expect(again.shown).toEqual([]);
    });

    itCan('findPosted', 'findPosted after a post returns the first message id; an unknown key is null', async () => {
      const t = tag();
      const channel = w.channel();
      const { result } = await post(channel, digest(t, w.transport.limits, w.transport.limits.itemsPerMessage), `${t}/1`);
      expect(result.ok).toBe(true);
      expect(await w.transport.findPosted!(channel, `${t}/1`)).toBe(result.ok ? result.messageId : 'never');
      expect(await w.transport.findPosted!(channel, `${t}/2`)).toBeNull();
      expect(await w.transport.findPosted!(channel, `${tag()}/1`)).toBeNull();
    });

    itCan('lost_response', 'after a lost response the message shows once and the transport can say it went out', async () => {
      const t = tag();
      const channel = fault('lost_response');
      const { result, shown } = await post(channel, digest(t, w.transport.limits), `${t}/1`);
      expect(shown).toHaveLength(1);
      if (result.ok) return;
      expect(result.kind).toBe('transient');
      expect(w.transport.findPosted, 'a transient failure after the fact is only safe to retry when findPosted can tell').toBeDefined();
      expect(await w.transport.findPosted!(channel, `${t}/1`)).toMatch(/\S/);
    });

    itCan('history_down', 'findPosted that cannot read the channel rejects instead of answering "not posted"', async () => {
      const t = tag();
      const channel = fault('history_down');
      const { result } = await post(channel, digest(t, w.transport.limits), `${t}/1`);
      expect(result.ok).toBe(true);
      // The scheduler keeps a delivery pending when findPosted throws; null would make it post again.
      await expect(w.transport.findPosted!(channel, `${t}/1`)).rejects.toThrow();
    });
  });
}
