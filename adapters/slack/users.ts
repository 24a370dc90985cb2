import type { webApi } from '@slack/bolt';
import type { Logger } from '../../src/logger.ts';
import { slackErrorCode } from './errors.ts';

export interface SlackPerson {
  name?: string;
  /** Workspace admin or owner, or listed in SLACK_MANAGERS. */
  canManage: boolean;
  /** Their own timezone from their Slack profile (`tz`), e.g. Asia/Tashkent. */
  tz?: string;
}

interface UserInfo {
  name?: string;
  real_name?: string;
  is_admin?: boolean;
  is_owner?: boolean;
  is_primary_owner?: boolean;
  profile?: { display_name?: string };
  tz?: string;
}

const TTL_MS = 10 * 60 * 1000;

/**
 * Who a Slack user is, from `users.info`, cached for ten minutes so a busy channel does not
 * spend its rate limit on it. When Slack cannot say, the person is treated as a non-manager.
 */
export class SlackUsers {
  private readonly cache = new Map<string, { person: SlackPerson; until: number }>();

  constructor(
    private readonly client: webApi.WebClient,
    private readonly managers: readonly string[],
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  async lookup(userId: string): Promise<SlackPerson> {
    const hit = this.cache.get(userId);
    if (hit && hit.until > this.now()) return hit.person;
    const listed = this.managers.includes(userId);
    let person: SlackPerson = { canManage: listed };
    try {
      const res = await this.client.users.info({ user: userId });
      const u = (res.user ?? {}) as UserInfo;
      person = {
        name: u.profile?.display_name || u.real_name || u.name || undefined,
        canManage: listed || !!(u.is_admin || u.is_owner || u.is_primary_owner),
        ...(u.tz ? { tz: u.tz } : {}),
      };
    } catch (error) {
      // A missing users:read scope or an unknown user: say which, without a stack per request.
      const reason = slackErrorCode(error) ?? (error instanceof Error ? error.message : String(error));
      this.logger.warn({ user: userId, reason }, 'users.info failed; treating the person as a non-manager');
      return person;
    }
    this.cache.set(userId, { person, until: this.now() + TTL_MS });
    return person;
  }
}
