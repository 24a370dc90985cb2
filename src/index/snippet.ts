import type { RichText } from '../bot/reply.ts';

/** Markers snippet() and highlight() put around matched words; control characters never occur in indexed text. */
export const OPEN = '\u0002';
export const CLOSE = '\u0003';
/** One marked run; compiled once (matchAll copies it, so sharing the global regex is safe). */
const MARKED = new RegExp(`${OPEN}([^${CLOSE}]*)${CLOSE}`, 'g');

/** Marked text to RichText: marked runs become `strong` spans and no marker survives. */
export function toRichText(marked: string): RichText {
  const out: RichText = [];
  let last = 0;
  for (const m of marked.matchAll(MARKED)) {
    if (m.index > last) out.push(strip(marked.slice(last, m.index)));
    if (m[1]) out.push({ text: strip(m[1]), strong: true });
    last = m.index + m[0].length;
  }
  if (last < marked.length) out.push(strip(marked.slice(last)));
  return out.filter((p) => (typeof p === 'string' ? p.length > 0 : p.text.length > 0));
}

/** The marked runs of `marked`, lower-cased and distinct. */
export function markedRuns(marked: string): string[] {
  return [...new Set([...marked.matchAll(MARKED)].map((m) => m[1]!.toLowerCase()))];
}

function strip(s: string): string {
  return s.replace(/[\u0002\u0003]/g, '').replace(/\s+/g, ' ');
}

/** A plain excerpt for results found without words (latest, topic only). */
export function plainExcerpt(body: string, max = 200): RichText {
  // Only the head is ever shown: a long body is not flattened whole.
  const flat = (body.length > max * 8 ? body.slice(0, max * 8) : body).replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return [flat];
  const cut = flat.lastIndexOf(' ', max);
  return [`${flat.slice(0, cut > 40 ? cut : max)}…`];
}
