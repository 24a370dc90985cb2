import type { Block, Reply, RichText } from '../../src/bot/reply.ts';

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
      if (typeof part === 'string') return part;
      let s = part.text;
      if (part.strong && !o.plainMarks) s = o.ansi ? `\x1b[1m${s}\x1b[22m` : `*${s}*`;
      if (part.href && part.href !== part.text) s = `${s} <${part.href}>`;
      return s;
    })
    .join('');
}

function block(b: Block, o: TextOptions): string[] {
  const dim = (s: string) => (o.ansi ? `\x1b[2m${s}\x1b[22m` : s);
  switch (b.type) {
    case 'heading':
      return [o.ansi ? `\x1b[1m${b.text}\x1b[22m` : `== ${b.text} ==`];
    case 'text':
      return [rich(b.text, o)];
    case 'context':
      return [dim(rich(b.text, o))];
    case 'divider':
      return ['----'];
    case 'results':
      return b.items.flatMap((item, i) => [
        `${i + 1}. ${item.title}`,
        dim(`   ${item.date ?? 'date unknown'} · ${item.id}${item.url ? ` · ${item.url}` : ''}`),
        `   ${rich(item.snippet, o)}`,
      ]);
    case 'answer':
      return [
        o.ansi ? `\x1b[1m${b.answer}\x1b[22m` : b.answer,
        `  “${rich(b.quote, o)}”`,
        ...b.citations.map((c) => dim(`  [${c.n}] ${c.title} (${c.date ?? 'date unknown'})${c.url ? ` ${c.url}` : ''}`)),
      ];
    case 'digest':
      return b.items.flatMap((item) => [
        `• ${item.title} (${item.date ?? 'date unknown'})`,
        `  ${item.summary}`,
        ...(item.url ? [dim(`  ${item.url}`)] : []),
      ]);
    case 'buttons':
      return o.buttons === false ? [] : [dim(b.buttons.map((btn) => `[${btn.label}]`).join(' '))];
  }
}

/** A neutral Reply as terminal text, for the console workspace and the CLI. */
export function renderReplyText(reply: Reply, options: TextOptions = {}): string {
  if (reply.blocks.length === 0) return reply.text;
  return reply.blocks.flatMap((b) => block(b, options)).join('\n');
}
