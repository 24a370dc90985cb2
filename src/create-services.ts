import type { FeedbackRecord } from './commands/feedback-records.ts';
import type { PageState } from './commands/page-state.ts';
import { TermFrequencies } from './answers/term-frequencies.ts';
import { DigestService } from './digest/digest-service.ts';
import { NS } from './ports/store.ts';
import type { Services } from './services.ts';

/**
 * The services over a store and a library: the named parts of the store and the digest service
 * are derived here once, so the composition root and the tests build them the same way.
 */
export function createServices(core: Pick<Services, 'config' | 'logger' | 'clock' | 'store' | 'library'>): Services {
  const { store, library, clock } = core;
  const digests = new DigestService({ store, library, clock });
  return {
    ...core,
    digests,
    subscriptions: digests.subscriptions,
    pages: store.namespace<PageState>(NS.pages),
    feedback: store.namespace<FeedbackRecord>(NS.feedback),
    termFrequencies: new TermFrequencies(),
  };
}
