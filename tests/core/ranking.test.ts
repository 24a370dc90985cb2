import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Library } from '../../src/library/types.ts';
import { makeTestApp, type TestApp } from '../helpers/test-app.ts';

/**
 * Lookups a person might type about the shared corpus, each labelled with the release that
 * answers it: plain words, acronyms that need the taxonomy, typos and other spellings.
 */
const LABELLED: Array<[query: string, want: string]> = [
  ['Turkmenistan presidential election observers', '001_3fa1c2d9'],
  ['Kunming marathon', '003_c5d92f60'],
  ['Paris Pact drug trafficking', '005_9d2f41b7'],
  ['Norov press conference SCO Day', '007_b7130fd2'],
  ['Zhang Ming Uzbek charge d\'affaires', '009_e2f96b13'],
  ['interbank consortium Astana', '2017-06-08-interbank-consortium-astana'],
  ['RATS fifth research conference', '2017-11-03-rats-conference-tashkent'],
  ['Modi Qingdao', '2018-06-09-alimov-modi-qingdao'],
  ['Eight Wonders exhibition', '2019-06-22-eight-wonders-sco-day'],
  ['seventh Regional Anti-Terrorist Structure conference', '2019-11-08-rats-seventh-conference'],
  ['pandemic impact on the economy banks', '2020-04-29-interbank-consortium-videoconference'],
  ['Norov UN Central Asia videoconference', '2021-02-09-norov-un-online-meeting'],
  ['Afghan contact group Dushanbe', '2021-07-14-afghanistan-contact-group'],
  ['IBC New Delhi', '2022-12-27-interbank-consortium-new-delhi'],
  ['CFM Kazakhstan Zhang Ming', '2024-05-24-foreign-ministers-council-address'],
  ['militarization of outer space', '000_9851d8e3c5c57f74'],
  ['turkmenistn electon', '001_3fa1c2d9'],
  ['HSC Russian presidency St Petersburg', '007_b7130fd2'],
  ['Alimov India', '2018-06-09-alimov-modi-qingdao'],
  ['COVID', '2020-04-29-interbank-consortium-videoconference'],
  ['drugs', '005_9d2f41b7'],
  ['Tashkent terrorism conference 2017', '2017-11-03-rats-conference-tashkent'],
  ['Secretary-General receives diplomat message', '009_e2f96b13'],
  ['Security Council UN Gherman', '2021-02-09-norov-un-online-meeting'],
];

describe('ranking on the shared corpus', () => {
  let t: TestApp;
  let lib: Library;
  beforeAll(async () => {
    t = await makeTestApp({ corpus: 'both' });
    lib = t.app.library;
  });
  afterAll(() => t.cleanup());

  const rankOf = (query: string, want: string) => {
    const ids = lib.search(query, { limit: 10 }).hits.map((h) => h.release.id);
    return ids.indexOf(want) + 1;
  };

  it.each(LABELLED)('%s -> %s in the top 3', (query, want) => {
    const rank = rankOf(query, want);
    expect(rank).toBeGreaterThan(0);
    expect(rank).toBeLessThanOrEqual(3);
  });

  it('has a mean reciprocal rank of at least 0.85', () => {
    const ranks = LABELLED.map(([q, w]) => rankOf(q, w));
    const mrr = ranks.reduce((sum, r) => sum + (r ? 1 / r : 0), 0) / ranks.length;
    const hit1 = ranks.filter((r) => r === 1).length / ranks.length;
    console.info(`ranking: ${LABELLED.length} queries, MRR ${mrr.toFixed(3)}, Hit@1 ${hit1.toFixed(3)}, ranks ${ranks.join(',')}`);
    expect(mrr).toBeGreaterThanOrEqual(0.85);
  });
});
