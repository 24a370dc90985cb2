/**
 * At most one run at a time: a call while a run is in progress joins it and gets its result.
 * Each composed app holds its own (adapters/compose.ts), so two apps in one process (tests, a
 * bench) never wait on each other.
 */
export class SingleFlight<T> {
  private current: Promise<T> | null = null;

  run(start: () => Promise<T>): Promise<T> {
    this.current ??= start().finally(() => {
      this.current = null;
    });
    return this.current;
  }
}
