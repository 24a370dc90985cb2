import type { Block, Inline, Reply } from '../../src/bot/reply.ts';

/** Core commands that are `sco` commands of the same name. */
const SAME_NAME = new Set(['search', 'latest', 'show', 'topics', 'ask']);
/** Core commands with no `sco` counterpart: their hints stay as they are (they name Slack or Discord). */
const CHAT_ONLY = new Set(['subscribe', 'sub', 'subscriptions', 'subs', 'unsubscribe', 'resume', 'digest', 'feedback']);

/** One `/sco ...` hint as the `sco` command line that does the same. */
function cliCommand(rest: string): string | null {
  const first = rest.split(/\s+/, 1)[0]!.toLowerCase();
  if (CHAT_ONLY.has(first)) return null;
  if (first === 'help' || first === '?') return 'sco --help';
  if (SAME_NAME.has(first)) return `sco ${rest}`;
  // `/sco afghanistan` is a lookup: `sco search afghanistan`.
  return `sco search ${rest}`;
}

/**
 * The core's hints speak chat (`/sco topics`, `/sco <words> until:2020`); in a terminal they
 * name the `sco` commands that do the same, so a hint can be typed as shown.
 */
export function cliHints(text: string): string {
  return text
    .replace(/`\/sco ([^`]+)`/g, (whole, rest: string) => {
      const cli = cliCommand(rest.trim());
      return cli ? `\`${cli}\`` : whole;
    })
    .replace(/(^|[\s(])\/sco (\w+)/g, (whole, before: string, word: string) => {
      const cli = cliCommand(word);
      return cli ? `${before}${cli}` : whole;
    });
}

const inline = (part: Inline): Inline => (typeof part === 'string' ? cliHints(part) : part);

function block(b: Block): Block {
  switch (b.type) {
    case 'heading':
      return { ...b, text: cliHints(b.text) };
    case 'text':
    case 'context':
      return { ...b, text: b.text.map(inline) };
    default:
      return b;
  }
}

/** A Reply with its hints in `sco` terms. */
export function withCliHints(reply: Reply): Reply {
  return { ...reply, blocks: reply.blocks.map(block), text: cliHints(reply.text) };
}
