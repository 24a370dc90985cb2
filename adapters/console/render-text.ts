import type { Block, Reply, RichText } from '../../src/bot/reply.ts';
import { visibleControls as v } from '../../src/text/echo.ts';

export interface TextOptions {
  /** Use ANSI bold and dim (a terminal); otherwise mark matched words with *stars*. */
  ansi?: boolean;
  /** Leave matched words unmarked (text for scripts when not on a terminal). */
  plainMarks?: boolean;
  /** Show buttons as `[label]`; false where nobody can press them (the sco command). */
  buttons?: boolean;
}

function rich(text: RichText, o: TextOptions): string {
  return text
    .map((part) => {
      if (typeof part === 'string') return v(part);
      let s = v(part.text);
      if (part.strong && !o.plainMarks) s = o.ansi ? `\x1b[1m${s}\x1b[22m` : `*${s}*`;
      if (part.href && part.href !== part.text) s = `${s} <${v(part.href)}>`;
      return s;
    })
    .join('');
}

function block(b: Block, o: TextOptions): string[] {
  const dim = (s: string) => (o.ansi ? `\x1b[2m${s}\x1b[22m` : s);
  switch (b.type) {
    case 'heading':
      return [o.ansi ? `\x1b[1m${v(b.text)}\x1b[22m` : `== ${v(b.text)} ==`];
    case 'text':
      return [rich(b.text, o)];
    case 'context':
      return [dim(rich(b.text, o))];
    case 'divider':
      return ['----'];
    case 'results':
      return b.items.flatMap((item, i) => [
        `${i + 1}. ${v(item.title)}`,
        dim(v(`   ${item.date ?? 'date unknown'} · ${item.id}${item.url ? ` · ${item.url}` : ''}`)),
        `   ${rich(item.snippet, o)}`,
      ]);
    case 'answer':
      return [
        o.ansi ? `\x1b[1m${v(b.answer)}\x1b[22m` : v(b.answer),
        `  “${rich(b.quote, o)}”`,
        ...b.citations.map((c) => dim(v(`  [${c.n}] ${c.title} (${c.date ?? 'date unknown'})${c.url ? ` ${c.url}` : ''}`))),
      ];
    case 'digest':
      return b.items.flatMap((item) => [
        v(`• ${item.title} (${item.date ?? 'date unknown'})`),
        `  ${v(item.summary)}`,
        ...(item.url ? [dim(`  ${v(item.url)}`)] : []),
      ]);
    case 'buttons':
      return o.buttons === false ? [] : [dim(v(b.buttons.map((btn) => `[${btn.label}]`).join(' ')))];
  }
}

/** A neutral Reply as terminal text, for the console workspace and the CLI. */
export function renderReplyText(reply: Reply, options: TextOptions = {}): string {
  if (reply.blocks.length === 0) return v(reply.text);
  return reply.blocks.flatMap((b) => block(b, options)).join('\n');
}
