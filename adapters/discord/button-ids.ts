import { randomBytes } from 'node:crypto';
import { replyButtons, type Button, type Reply } from '../../src/bot/reply.ts';
import { NS, type Store } from '../../src/ports/store.ts';
import { LIMITS } from './limits.ts';
import { CUSTOM_ID_SEPARATOR, defaultCustomId } from './render/reply.ts';

/** Button values too long for a custom_id wait in the store; the custom_id carries `~key` instead. */
const TTL_MS = 7 * 24 * 60 * 60 * 1000;
const STASHED = '~';

/**
 * A custom_id for every button of the reply: `action|value` when that fits Discord's 100
 * characters, otherwise `action|~key` with the value kept in the store for a week.
 */
export async function customIdsFor(reply: Reply, store: Store): Promise<(b: Button) => string | null> {
  const ids = new Map<Button, string>();
  const buttons = replyButtons(reply.blocks);
  for (const b of buttons) {
    const direct = b.value.startsWith(STASHED) ? null : defaultCustomId(b);
    if (direct) {
      ids.set(b, direct);
      continue;
    }
    const key = randomBytes(9).toString('base64url');
    await store.namespace<string>(NS.discordButtons).set(key, b.value, TTL_MS);
    const stashed = `${b.action}${CUSTOM_ID_SEPARATOR}${STASHED}${key}`;
    if (stashed.length <= LIMITS.customId) ids.set(b, stashed);
  }
  return (b) => ids.get(b) ?? null;
}

/** The action id and value behind a custom_id, or null when it is not ours or has expired. */
export async function parseCustomId(customId: string, store: Store): Promise<{ id: string; value: string } | null> {
  const at = customId.indexOf(CUSTOM_ID_SEPARATOR);
  if (at <= 0) return null;
  const id = customId.slice(0, at);
  const value = customId.slice(at + 1);
  if (!value.startsWith(STASHED)) return { id, value };
  const stored = await store.namespace<string>(NS.discordButtons).get(value.slice(1));
  return stored === undefined ? null : { id, value: stored };
}
