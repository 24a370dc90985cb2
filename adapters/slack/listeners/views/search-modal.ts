import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { Request } from '../../../../src/bot/request.ts';
import { replyModal } from '../../render/view.ts';
import type { SlackDeps } from '../../deps.ts';
import { channelKey } from '../../channel-key.ts';

export const SEARCH_VIEW = 'sco_search';
const QUERY_BLOCK = 'query';
const QUERY_INPUT = 'value';

/** The "Search releases" button of the Home tab: a modal with one field, opened with the press's trigger_id. */
export function openSearchModal(deps: SlackDeps) {
  return async ({ ack, body, client }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    try {
      await client.views.open({
        trigger_id: body.trigger_id,
        view: {
          type: 'modal',
          callback_id: SEARCH_VIEW,
          title: { type: 'plain_text', text: 'Search releases' },
          submit: { type: 'plain_text', text: 'Search' },
          close: { type: 'plain_text', text: 'Cancel' },
          blocks: [
            {
              type: 'input',
              block_id: QUERY_BLOCK,
              label: { type: 'plain_text', text: 'Words, a "phrase", topic: or dates' },
              element: { type: 'plain_text_input', action_id: QUERY_INPUT, max_length: 500, placeholder: { type: 'plain_text', text: 'afghanistan since:2021' } },
              hint: { type: 'plain_text', text: 'Filters: "contact group", since:2020, until:2021-06, topic:uzbekistan' },
            },
          ],
        },
      });
    } catch (error) {
      deps.logger.error({ err: error }, 'could not open the search modal');
    }
  };
}

/** The search modal submitted: the results replace the form (response_action update), Cite buttons and all. */
export function submitSearch(deps: SlackDeps) {
  return async ({ ack, body, view }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs): Promise<void> => {
    const query = (view.state.values[QUERY_BLOCK]?.[QUERY_INPUT]?.value ?? '').trim();
    if (!query) {
      await ack({ response_action: 'errors', errors: { [QUERY_BLOCK]: 'Type a few words to look for.' } });
      return;
    }
    const person = await deps.users.lookup(body.user.id);
    const request: Request = {
      kind: 'command',
      text: `search ${query}`,
      user: { id: body.user.id, name: person.name ?? body.user.name, canManage: person.canManage },
      // A modal opened from the Home tab belongs to no channel; the App's own conversation stands in.
      channel: channelKey(body.team?.id ?? body.user.team_id ?? '', `home-${body.user.id}`),
      raw: body,
    };
    const reply = await deps.bot.handle(request);
    await ack({ response_action: 'update', view: replyModal('Search results', reply) });
  };
}
