import type { Reply } from '../../src/bot/reply.ts';
import { renderReplyText } from '../console/render-text.ts';
import type { CliIO } from './cli-command.ts';
import { withCliHints } from './cli-hints.ts';

/**
 * A core Reply as the `sco` command prints it: the console's renderer, without buttons nobody can
 * press, bold on a terminal and unmarked text when piped to a script; hints name `sco` commands.
 */
export function printReply(io: CliIO, reply: Reply): void {
  const tty = Boolean(process.stdout.isTTY);
  io.out(`${renderReplyText(withCliHints(reply), { ansi: tty, plainMarks: !tty, buttons: false })}\n`);
}
