import { describe, expect, it } from 'vitest';

/**
 * What every platform's channel keys promise: the core carries them as opaque strings and stores
 * them in subscriptions, so a key must name one channel, read back as that channel, and never
 * be taken for another platform's channel or for a channel of the wrong team.
 */
export interface ChannelKeySetup<C> {
  platform: string;
  make(channel: C): string;
  /** What the adapter reads back from a key; null when the key is not one of this platform's. */
  parse(key: string): unknown;
  /** What `parse` must give for the key of `channel`. */
  readBack(channel: C): unknown;
  /** Channels that are not the same one (other team, a DM ...): their keys must all differ. */
  channels: { name: string; channel: C; direct?: boolean }[];
  /** A key stored by an earlier version, and its channel: subscriptions keep working after an upgrade. */
  stored: { key: string; channel: C };
  /** Tells a direct-message key from a channel's, where the adapter needs to. */
  isDirect?(key: string): boolean;
}

/** Malformed variants of a valid key, each of which a parser could misread. */
function variants(key: string): string[] {
  const [prefix, ...rest] = key.split(':');
  return [
    ` ${key}`,
    `${key} `,
    `${key}\n`,
    `${key}:extra`,
    key.toUpperCase(),
    `${prefix}:${rest.slice(0, -1).join(':')}`,
    `${prefix}:${rest.slice(0, -1).join(':')}:`,
    `${prefix}::${rest.at(-1)}`,
    `${prefix}: ${rest.join(':')}`,
    `${prefix}:${rest.join(': ')}`,
    `${prefix}:${rest.join(':')} x`,
    `${prefix}`,
    `${prefix}:`,
  ].filter((v) => v !== key);
}

const GARBAGE = ['', ' ', ':', '::', 'C1', 'general', '#general', '<#C1>', 'null', 'undefined'];

/** `foreign`: keys of platforms that have no key functions (the console's one channel). */
export function channelKeyContract(setups: ChannelKeySetup<any>[], foreign: string[]): void {
  for (const setup of setups) {
    const others = setups.filter((s) => s !== setup);
    describe(`Channel key contract: ${setup.platform}`, () => {
      const keys = setup.channels.map((c) => ({ ...c, key: setup.make(c.channel) }));

      it('reads every key back as the channel it was made of', () => {
        for (const k of keys) expect(setup.parse(k.key), k.name).toEqual(setup.readBack(k.channel));
      });

      it('starts every key with the platform prefix and puts no space in it', () => {
        for (const k of keys) {
          expect(k.key.startsWith(`${setup.platform}:`), k.key).toBe(true);
          expect(k.key, k.name).not.toMatch(/\s/);
        }
      });

      it('gives different channels different keys', () => {
        expect(keys.length).toBeGreaterThanOrEqual(3);
        const seen = new Map<string, string>();
        for (const k of keys) {
          expect(seen.get(k.key), `${k.name} has the key of ${seen.get(k.key)}`).toBeUndefined();
          seen.set(k.key, k.name);
        }
      });

      it('is stable: the same channel gives the same key, and a stored key still reads', () => {
        for (const k of keys) expect(setup.make(k.channel)).toBe(k.key);
        expect(setup.make(setup.stored.channel)).toBe(setup.stored.key);
        expect(setup.parse(setup.stored.key)).toEqual(setup.readBack(setup.stored.channel));
      });

      it('refuses keys of the other platforms (null), never misreading them', () => {
        expect(others.length).toBeGreaterThan(0);
        for (const key of [...foreign, ...others.flatMap((o) => o.channels.map((c) => o.make(c.channel)))]) expect(setup.parse(key), key).toBeNull();
      });

      it('refuses garbage and malformed variants of its own keys (null)', () => {
        for (const key of [...GARBAGE, ...keys.flatMap((k) => variants(k.key))]) expect(setup.parse(key), JSON.stringify(key)).toBeNull();
      });

      it.skipIf(!setup.isDirect)(`tells direct messages from channels${setup.isDirect ? '' : ' (skipped: the adapter has no such function; its events say so)'}`, () => {
        expect(keys.some((k) => k.direct) && keys.some((k) => !k.direct)).toBe(true);
        for (const k of keys) expect(setup.isDirect!(k.key), k.name).toBe(!!k.direct);
      });
    });
  }
}
