import type { Block } from '../bot/reply.ts';
import { replyText } from '../bot/reply-text.ts';
import type { CommandSpec } from './registry.ts';
import type { Topic } from '../library/types.ts';

const KIND_LABEL: Record<Topic['kind'], string> = {
  member: 'Member states',
  observer: 'Observers',
  partner: 'Partners',
  country: 'Other countries',
  acronym: 'Acronyms and bodies',
  body: 'Acronyms and bodies',
  theme: 'Themes',
  person: 'People',
  place: 'Places',
};

export const topicsCommand: CommandSpec = {
  id: 'topics',
  summary: 'The topics, countries and acronyms lookups understand',
  usage: 'topics',
  examples: ['/sco topics'],
  options: [],
  async run({ services }) {
    const groups = new Map<string, string[]>();
    for (const t of services.library.topics()) {
      const label = KIND_LABEL[t.kind];
      groups.set(label, [...(groups.get(label) ?? []), t.label]);
    }
    const list: Block[] = [...groups].map(([label, names]) => ({ type: 'text', text: [`${label}: ${names.join(', ')}`] }));
    return {
      blocks: [
        { type: 'heading', text: 'Topics I know' },
        ...list,
        { type: 'context', text: ['Use one as `topic:<name>` in a lookup, or `/sco latest <topic>`. The list lives in content/topics.yml.'] },
      ],
      // The fallback is the list alone: it is what a script or a notification wants of it.
      text: replyText(list),
      visibility: 'private',
    };
  },
};
