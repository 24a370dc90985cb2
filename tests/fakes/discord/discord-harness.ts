import { channelKey } from '../../../adapters/discord/channel-key.ts';
import type { PlatformAdapter } from '../../../adapters/platform.ts';
import { startDiscord, type DiscordOptions } from '../../../adapters/discord/start.ts';
import { makeTestApp, type TestApp } from '../../helpers/test-app.ts';
import { startFakeDiscord, type FakeDiscord, type FakeDiscordOptions, type RecordedCall } from './fake-discord.ts';

export interface Harness {
  fake: FakeDiscord;
  test: TestApp;
  discord: PlatformAdapter;
  /** The channel key (`discord:<guild>:<channel>`) of a channel in the fake's guild. */
  key(channelId: string): string;
  /** Stops the bot (client.destroy) before the fake, then removes the app's folders. */
  close(): Promise<void>;
}

/** A fake Discord, an app over the seed (or given) corpus, and the real discord.js bot between them. */
export async function startHarness(
  options: { corpus?: 'seed' | 'corpus' | 'both' | 'none'; fake?: FakeDiscordOptions; discord?: DiscordOptions; clock?: () => Date } = {},
): Promise<Harness> {
  const fake = await startFakeDiscord(options.fake);
  const test = await makeTestApp({ corpus: options.corpus ?? 'seed', config: { discordToken: fake.token, discordApiUrl: fake.apiUrl }, ...(options.clock ? { clock: options.clock } : {}) });
  let discord: PlatformAdapter;
  try {
    discord = await startDiscord(test.app, { deferAfterMs: 1000, ...options.discord });
  } catch (error) {
    await fake.close();
    await test.cleanup();
    throw error;
  }
  return {
    fake,
    test,
    discord,
    key: (channelId) => channelKey(fake.guildId, channelId),
    async close() {
      await discord.stop();
      await fake.close();
      await test.cleanup();
    },
  };
}

/** The body of a recorded call as an object. */
export function bodyOf(call: RecordedCall): Record<string, any> {
  return call.body as Record<string, any>;
}

/** The message an interaction callback or webhook call carries (callbacks wrap it in `data`). */
export function messageOf(call: RecordedCall): Record<string, any> {
  const b = bodyOf(call);
  return call.path.endsWith('/callback') ? (b.data ?? {}) : b;
}

/** Everything a person can read in a message: content, embed titles, descriptions, footers. */
export function visibleText(msg: Record<string, any>): string {
  const parts: string[] = [String(msg.content ?? '')];
  for (const e of msg.embeds ?? []) parts.push(e.title ?? '', e.description ?? '', e.footer?.text ?? '', ...(e.fields ?? []).map((f: any) => `${f.name} ${f.value}`));
  return parts.join('\n');
}

/** Custom ids of every button in a message. */
export function buttonIds(msg: Record<string, any>): string[] {
  return (msg.components ?? []).flatMap((row: any) => row.components.map((c: any) => c.custom_id as string));
}
