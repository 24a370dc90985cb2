import type { SearchNote } from '../library/types.ts';

/** The sentence a person reads for a note the index returned about their lookup. */
export function noteSentence(note: SearchNote): string {
  switch (note.code) {
    case 'operators_ignored':
      return 'Operators such as AND, OR, NOT and NEAR are not needed: I look for all the words, then for any of them.';
    case 'query_cut':
      return `That was a long query; I used its first ${note.kept} words.`;
    case 'only_negated':
      return 'Tell me what to look for as well as what to leave out (a word without "-").';
    case 'topic_needs_name':
      return 'topic: needs a name after it, such as topic:afghanistan.';
    case 'bad_date': {
      const { key, value } = note;
      return `I did not understand ${key}:${value}; write a year, a month or a day, such as ${key}:2020, ${key}:2021-06 or ${key}:2021-06-15.`;
    }
    case 'unknown_topic':
      return `I know no topic “${note.topic}”, so I looked for it as words (see /sco topics for the list).`;
    case 'empty_query':
      return 'Tell me some words to look for, such as afghanistan or "contact group".';
    case 'any_word_fallback':
      return 'No release has all of those words; showing releases with any of them.';
    case 'lookup_failed':
      return 'I could not run that lookup; try plainer words.';
    case 'no_releases':
      return 'No releases are loaded yet: add .txt or .md files to the content folder’s releases/ and try again.';
  }
}

export function noteSentences(notes: readonly SearchNote[]): string[] {
  return notes.map(noteSentence);
}
