/**
 * At most `perHost` requests in flight to one host, and at least `pauseMs` between the starts of
 * two requests to it: the SCO site is a small government server, not a CDN.
 */
export class HostLimiter {
  private readonly hosts = new Map<string, { active: number; lastStart: number; waiting: Array<() => void> }>();

  constructor(
    private readonly perHost: number,
    private readonly pauseMs: number,
    private readonly sleep: (ms: number) => Promise<void>,
    private readonly now: () => number = Date.now,
  ) {}

  /** Runs `task` when the host has a free slot; the slot is released when it settles. */
  async run<T>(host: string, task: () => Promise<T>): Promise<T> {
    const h = this.hosts.get(host) ?? { active: 0, lastStart: 0, waiting: [] };
    this.hosts.set(host, h);
    while (h.active >= this.perHost) await new Promise<void>((resolve) => h.waiting.push(resolve));
    h.active++;
    try {
      // Claim the start time before sleeping so two waiters do not both skip the pause.
      const startAt = Math.max(this.now(), h.lastStart + this.pauseMs);
      h.lastStart = startAt;
      const wait = startAt - this.now();
      if (wait > 0) await this.sleep(wait);
      return await task();
    } finally {
      h.active--;
      h.waiting.shift()?.();
    }
  }
}
