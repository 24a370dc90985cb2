/**
 * What a person did, as the core sees it. Adapters build one from a platform event; the core
 * never reads `raw`.
 */
export type RequestKind = 'command' | 'mention' | 'message' | 'action';

export interface RequestUser {
  id: string;
  name?: string;
  /** The platform says this person may change the channel's subscriptions. */
  canManage: boolean;
}

export interface Request {
  kind: RequestKind;
  /**
   * command: the text after `/sco` (`afghanistan`, `latest drugs`, `subscribe daily`);
   * mention/message: the text with the bot's own mention removed;
   * action: empty.
   */
  text: string;
  user: RequestUser;
  /** Opaque channel key with the platform in front: `slack:T1:C2`, `discord:G1:C2`, `console:local`. */
  channel: string;
  /** Thread key when the request is in a thread (its root message id). */
  thread?: string;
  /** For kind `action`: the button's action id and value. */
  action?: { id: string; value: string };
  raw?: unknown;
}
