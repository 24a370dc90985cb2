/** The parts a neutral Reply is made of (src/bot/reply.ts); apart so the fallback text can be derived from them without a circle. */

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
  /** `start`: the number of the first item, past 1 on a later page. */
  | { type: 'results'; items: ResultItem[]; start?: number }
  | { type: 'answer'; answer: string; quote: RichText; citations: Citation[] }
  | { type: 'digest'; items: DigestItem[] }
  | { type: 'buttons'; buttons: Button[] }
  | { type: 'divider' };

/** The plain text of a RichText, with no markup. */
export function plain(text: RichText): string {
  return text.map((part) => (typeof part === 'string' ? part : part.text)).join('');
}
