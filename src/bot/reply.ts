/**
 * The neutral message the core answers with. Adapters render it (Block Kit, Discord embeds,
 * terminal text) within their platform's limits; the core never formats for a platform.
 */

/** A run of text; `strong` marks matched words, `href` makes a link. Never contains markup. */
export type Inline = string | { text: string; strong?: boolean; href?: string };
export type RichText = Inline[];

export interface ResultItem {
  id: string;
  title: string;
  /** YYYY-MM-DD or null when unknown. */
  date: string | null;
  url: string | null;
  /** The matched passage with matched words marked. */
  snippet: RichText;
  summary?: string;
  score?: number;
  /** A button that acts on this one result (Cite); Slack shows it beside it, Discord under the message. */
  button?: Button;
}

export interface Citation {
  /** 1-based number shown next to the citation. */
  n: number;
  id: string;
  title: string;
  date: string | null;
  url: string | null;
}

export interface DigestItem {
  id: string;
  title: string;
  date: string | null;
  url: string | null;
  summary: string;
}

/** A button; pressing it comes back to the core as a Request of kind `action`. */
export interface Button {
  /** The action id, such as `results.more`, `results.share`, `feedback.up`. */
  action: string;
  label: string;
  /** Opaque to adapters; at most 2000 characters (Slack's limit on a button value). */
  value: string;
  style?: 'primary' | 'danger';
}

export type Block =
  | { type: 'heading'; text: string }
  | { type: 'text'; text: RichText }
  /** A small grey note: "Showing results for ...", "Page 2 of 3". */
  | { type: 'context'; text: RichText }
  | { type: 'results'; items: ResultItem[] }
  | { type: 'answer'; answer: string; quote: RichText; citations: Citation[] }
  | { type: 'digest'; items: DigestItem[] }
  | { type: 'buttons'; buttons: Button[] }
  | { type: 'divider' };

/** private: only the asker sees it; channel: everyone in the channel; thread: under the question. */
export type Visibility = 'private' | 'channel' | 'thread';

export interface Reply {
  blocks: Block[];
  /** Plain-text fallback for notifications and clients that show no blocks. */
  text: string;
  visibility: Visibility;
  /** When set, replaces the message the action came from instead of posting a new one. */
  replaceOriginal?: boolean;
  /** A scheduled post that should start a thread (Discord) named after its heading, for follow-ups. */
  openThread?: boolean;
}

/** The plain text of a RichText, with no markup. */
export function plain(text: RichText): string {
  return text.map((part) => (typeof part === 'string' ? part : part.text)).join('');
}

/** A reply that is one line of text. */
export function textReply(text: string, visibility: Visibility = 'private'): Reply {
  return { blocks: [{ type: 'text', text: [text] }], text, visibility };
}

/** Every button of a reply in order: those of button rows, then those beside single results. */
export function replyButtons(blocks: Block[]): Button[] {
  const rows = blocks.flatMap((b) => (b.type === 'buttons' ? b.buttons : []));
  const items = blocks.flatMap((b) => (b.type === 'results' ? b.items.flatMap((i) => (i.button ? [i.button] : [])) : []));
  return [...rows, ...items];
}
