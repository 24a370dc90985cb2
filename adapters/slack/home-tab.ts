import type { webApi } from '@slack/bolt';
import { homeReply, subscribedChannels } from '../../src/commands/home-reply.ts';
import type { Registry } from '../../src/commands/registry.ts';
import type { Logger } from '../../src/logger.ts';
import type { Services } from '../../src/services.ts';
import { homeView } from './render/view.ts';
import { slackErrorCode } from './errors.ts';
import { channelKey } from './channel-key.ts';
import type { SlackUsers } from './users.ts';

/** People whose Home tab is refreshed when a subscription changes: opened within a day, newest 50. */
const RECENT_MS = 24 * 60 * 60 * 1000;
const RECENT_MAX = 50;

interface Opened {
  team: string;
  user: string;
  at: number;
}

/**
 * The Home tab: who the person is, which channels they share with the bot (users.conversations),
 * then the core's home reply published with views.publish. Remembers who looked recently, in this
 * process, so their tab follows changes made anywhere (a button, `/sco subscribe`).
 */
export class HomeTab {
  private readonly recent = new Map<string, Opened>();

  constructor(
    private readonly services: Services,
    private readonly registry: Registry,
    private readonly client: webApi.WebClient,
    private readonly users: SlackUsers,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  /** Publishes the Home tab for `user`; `notice` says what just happened (a button pressed). */
  async publish(team: string, user: string, notice?: string): Promise<void> {
    this.remember(team, user);
    const person = await this.users.lookup(user);
    const channels = await this.sharedChannels(team, user);
    const reply = await homeReply(this.services, { channels, canManage: person.canManage, ...(notice ? { notice } : {}) });
    await this.client.views.publish({ user_id: user, view: homeView(reply) });
  }

  /** Republishes the tab of everyone who looked at it lately in `team`; failures only get logged. */
  async refreshTeam(team: string, except?: string): Promise<void> {
    const cutoff = this.now() - RECENT_MS;
    for (const o of [...this.recent.values()]) {
      if (o.at < cutoff) this.recent.delete(`${o.team}:${o.user}`);
      else if (o.team === team && o.user !== except) {
        await this.publish(o.team, o.user).catch((e: unknown) => this.logger.warn({ err: e, user: o.user }, 'could not refresh a Home tab'));
      }
    }
  }

  /** After a `/sco` command: a subscription command may have changed what Home tabs show. */
  async afterCommand(team: string, text: string): Promise<void> {
    const word = text.trim().split(/\s+/)[0] ?? '';
    if (!this.registry.find(word)?.requiresManage) return;
    await this.refreshTeam(team);
  }

  private remember(team: string, user: string): void {
    const key = `${team}:${user}`;
    this.recent.delete(key);
    this.recent.set(key, { team, user, at: this.now() });
    // Map keeps insertion order: the first entries are the oldest.
    while (this.recent.size > RECENT_MAX) this.recent.delete(this.recent.keys().next().value as string);
  }

  /**
   * The subscribed channels of this workspace that the person is in. Slack lists a person's
   * private channels only where the bot is a member too, which is all a subscription needs.
   */
  private async sharedChannels(team: string, user: string): Promise<{ key: string; label: string }[]> {
    const wanted = new Set(await subscribedChannels(this.services, channelKey(team, '')));
    if (wanted.size === 0) return [];
    const found: { key: string; label: string }[] = [];
    let cursor: string | undefined;
    try {
      do {
        const res = await this.client.users.conversations({ user, types: 'public_channel,private_channel', exclude_archived: true, limit: 200, ...(cursor ? { cursor } : {}) });
        for (const c of res.channels ?? []) {
          const key = channelKey(team, c.id ?? '');
          if (wanted.has(key)) found.push({ key, label: `#${c.name ?? c.id}` });
        }
        cursor = res.response_metadata?.next_cursor || undefined;
      } while (cursor);
    } catch (error) {
      // Without channels:read/groups:read the tab still shows the bot's state and the newest releases.
      this.logger.warn({ user, reason: slackErrorCode(error) ?? String(error) }, 'users.conversations failed; the Home tab lists no channels');
    }
    return found;
  }
}
