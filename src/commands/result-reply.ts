import { randomBytes } from 'node:crypto';
import type { Services } from '../services.ts';
import { replyOf, type Block, type Button, type Reply, type ResultItem, type Visibility } from '../bot/reply.ts';
import type { SearchHit, SearchOutcome } from '../library/types.ts';
import { citeButton } from '../citations/citation.ts';
import { echo } from '../text/echo.ts';
import type { PageState } from './page-state.ts';
import { noteSentence } from './search-notes.ts';

export const PAGE_SIZE = 5;
const PAGE_TTL_MS = 24 * 60 * 60 * 1000;

export type { PageState } from './page-state.ts';

export function toItem(hit: SearchHit): ResultItem {
  const r = hit.release;
  return {
    id: r.id,
    title: r.title,
    date: r.date,
    url: r.url,
    snippet: hit.snippet,
    summary: r.summary.join(' ') || undefined,
    score: Math.round(hit.score * 1000) / 1000,
    button: citeButton(r),
  };
}

/**
 * Saves the lookup behind a page of results; button values carry only `key:offset` (Discord
 * allows 100 characters). Null when the store is unreachable: the results still go out, only
 * without paging buttons, so a lookup never fails because shared state is down.
 */
export async function savePage(services: Services, state: PageState): Promise<string | null> {
  const key = randomBytes(6).toString('base64url');
  try {
    await services.pages.set(key, state, PAGE_TTL_MS);
    return key;
  } catch (error) {
    services.logger.warn({ err: error }, 'could not save a results page; replying without buttons');
    return null;
  }
}

export async function loadPage(services: Services, value: string): Promise<{ state: PageState; offset: number } | null> {
  const m = /^([\w-]+):(\d+)$/.exec(value);
  if (!m) return null;
  const state = await services.pages.get(m[1]!);
  return state ? { state, offset: Number(m[2]) } : null;
}

function describe(state: PageState, outcome: SearchOutcome): string {
  // What was typed is echoed cut and without control characters: a 100,000-character query
  // must not become the heading.
  if (state.kind === 'latest') return state.query ? `Latest releases on “${echo(state.query)}”` : 'Latest releases';
  return `Results for “${echo(outcome.showingFor ?? outcome.query)}”`;
}

/**
 * A page of lookup results as a neutral Reply: heading, notes, the results with snippets and
 * buttons for the next page and for sharing to the channel.
 */
export function resultsReply(
  state: PageState,
  outcome: SearchOutcome,
  offset: number,
  pageKey: string | null,
  visibility: Visibility = 'private',
): Reply {
  const blocks: Block[] = [];
  const heading = describe(state, outcome);
  blocks.push({ type: 'heading', text: heading });
  if (outcome.showingFor && outcome.showingFor !== outcome.query) {
    blocks.push({ type: 'context', text: ['Showing results for ', { text: echo(outcome.showingFor), strong: true }, ` (you typed “${echo(outcome.query)}”)`] });
  }
  for (const note of outcome.notes) blocks.push({ type: 'context', text: [noteSentence(note)] });

  if (outcome.hits.length === 0) {
    const none = offset > 0 ? 'No more results.' : 'No release matches that. Try fewer or other words, or `/sco topics` for the topics I know.';
    blocks.push({ type: 'text', text: [none] });
    return replyOf(blocks, visibility);
  }

  const last = offset + outcome.hits.length;
  const total = outcome.totalEstimated ? `about ${outcome.total.toLocaleString('en-GB')}` : String(outcome.total);
  blocks.push({ type: 'context', text: [`${offset + 1}–${last} of ${total}`] });
  blocks.push({ type: 'results', items: outcome.hits.map(toItem), ...(offset > 0 ? { start: offset + 1 } : {}) });

  const buttons: Button[] = [];
  if (pageKey === null) {
    // No saved state to page from: say how to see more instead.
    if (last < outcome.total) blocks.push({ type: 'context', text: ['More results are available; narrow the lookup with more words or filters.'] });
  } else if (last < outcome.total) buttons.push({ action: 'results.more', label: 'More results', value: `${pageKey}:${last}` });
  if (pageKey !== null && visibility === 'private') buttons.push({ action: 'results.share', label: 'Share to channel', value: `${pageKey}:${offset}`, style: 'primary' });
  if (buttons.length) blocks.push({ type: 'buttons', buttons });

  return replyOf(blocks, visibility);
}
