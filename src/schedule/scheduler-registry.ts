import type { App } from '../app.ts';
import type { Scheduler } from './start-scheduler.ts';

/**
 * The running scheduler of an App, for `/sco digest now` (commands get only the App). A WeakMap
 * so the App type needs no field for it and a closed App leaves nothing behind.
 */
const schedulers = new WeakMap<App, Scheduler>();

export function registerScheduler(app: App, scheduler: Scheduler | undefined): void {
  if (scheduler) schedulers.set(app, scheduler);
  else schedulers.delete(app);
}

export function schedulerFor(app: App): Scheduler | undefined {
  return schedulers.get(app);
}
