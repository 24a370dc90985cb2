import { textReply, type Block, type Reply } from '../bot/reply.ts';
import { replyText } from '../bot/reply-text.ts';
import { formatCitation } from '../citations/citation.ts';
import type { ActionSpec } from './registry.ts';

/**
 * The Cite button: a citation of the release, for the person who pressed it only, built from the
 * index (not from the button) so it carries the release's current title, date and URL.
 */
export const citeAction: ActionSpec = {
  id: 'release.cite',
  async run({ services, value }): Promise<Reply> {
    const release = /^[\w.-]{1,200}$/.test(value) ? services.library.get(value) : null;
    if (!release) return textReply('I no longer have that release, so I cannot cite it. Look it up again with `/sco <words>`.', 'private');
    const citation = formatCitation(release, services.clock(), services.config.defaultTimezone);
    const cited: Block = { type: 'text', text: [citation] };
    return {
      blocks: [cited, { type: 'context', text: ['Citation of the release; the accessed date is today.'] }],
      // The fallback is the citation alone, ready to copy; the note about the date is for the eye.
      text: replyText([cited]),
      visibility: 'private',
    };
  },
};
