import { describe, expect, it } from 'vitest';
import { plain } from '../../src/bot/reply.ts';
import { resultsReply } from '../../src/commands/result-reply.ts';
import { noteSentence } from '../../src/commands/search-notes.ts';
import { parseQuery } from '../../src/index/query-parse.ts';
import type { SearchOutcome } from '../../src/library/types.ts';

describe('search notes', () => {
  it('the index returns codes with their data, not sentences', () => {
    expect(parseQuery('munich AND since:2021-13 topic:').notes).toEqual([
      { code: 'bad_date', key: 'since', value: '2021-13' },
      { code: 'topic_needs_name' },
      { code: 'operators_ignored' },
    ]);
    expect(parseQuery('-drugs').notes).toEqual([{ code: 'only_negated' }]);
  });

  it('the results reply shows each note as its sentence, in order', () => {
    const outcome: SearchOutcome = {
      query: 'atlantis AND',
      notes: [{ code: 'unknown_topic', topic: 'atlantis' }, { code: 'operators_ignored' }, { code: 'query_cut', kept: 24 }],
      total: 0,
      hits: [],
    };
    const reply = resultsReply({ kind: 'search', query: 'atlantis AND' }, outcome, 0, null);
    const notes = reply.blocks.flatMap((b) => (b.type === 'context' ? [plain(b.text)] : []));
    expect(notes).toEqual([
      'I know no topic “atlantis”, so I looked for it as words (see /sco topics for the list).',
      'Operators such as AND, OR, NOT and NEAR are not needed: I look for all the words, then for any of them.',
      'That was a long query; I used its first 24 words.',
    ]);
    expect(noteSentence({ code: 'no_releases' })).toMatch(/^No releases are loaded yet/);
  });
});
