import type { Services } from '../services.ts';
import { replyOf, type Block, type Reply } from '../bot/reply.ts';
import type { Release } from '../releases/release.ts';

/**
 * One release as a small card: linked title, date and topics, a two-sentence summary. Slack
 * shows it as a link unfurl; it holds no buttons, since unfurls are meant to be static previews.
 */
export function releaseCard(services: Services, release: Release): Reply {
  const labels = new Map(services.library.topics().map((t) => [t.id, t.label]));
  const topics = release.topics.map((t) => labels.get(t) ?? t);
  const summary = release.summary.slice(0, 2).join(' ');
  const meta = [release.date ?? 'date unknown', ...(topics.length ? [`Topics: ${topics.join(', ')}`] : [])].join(' · ');
  const blocks: Block[] = [
    { type: 'text', text: [{ text: release.title, strong: true, ...(release.url ? { href: release.url } : {}) }] },
    { type: 'context', text: [`SCO Secretariat press release · ${meta}`] },
  ];
  if (summary) blocks.push({ type: 'text', text: [summary] });
  return replyOf(blocks, 'channel');
}
