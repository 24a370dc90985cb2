import { createInterface } from 'node:readline';
import type { App } from '../../src/app.ts';
import type { Button, Reply } from '../../src/bot/reply.ts';
import type { Request } from '../../src/bot/request.ts';
import { renderReplyText } from './render-text.ts';

export const CONSOLE_CHANNEL = 'console:local';

const GREETING = [
  'SCO Bot console. Type what you would type in Slack:',
  '  /sco afghanistan        look releases up',
  '  @sco who led the delegation to Munich?   ask a question',
  '  /sco help               every command',
  '  press 1                 press the first button of the last reply;  quit  to leave',
].join('\n');

/** Turns one typed line into a Request, or null for a blank line. */
export function lineToRequest(line: string, lastButtons: Button[], thread?: string): Request | null {
  const text = line.trim();
  if (!text) return null;
  const user = { id: 'console-user', name: 'you', canManage: true };
  const press = /^press\s+(\d+)$/i.exec(text);
  if (press) {
    const button = lastButtons[Number(press[1]) - 1];
    if (!button) return { kind: 'command', text: 'help', user, channel: CONSOLE_CHANNEL };
    return { kind: 'action', text: '', user, channel: CONSOLE_CHANNEL, action: { id: button.action, value: button.value } };
  }
  const command = /^\/sco(?:\s+([\s\S]*))?$/i.exec(text);
  if (command) return { kind: 'command', text: command[1] ?? '', user, channel: CONSOLE_CHANNEL };
  const mention = /^@sco\b[:,]?\s*([\s\S]*)$/i.exec(text);
  if (mention) return { kind: 'mention', text: mention[1] ?? '', user, channel: CONSOLE_CHANNEL, thread };
  // Anything else is what a person would write to the bot in a direct message.
  return { kind: 'message', text, user, channel: CONSOLE_CHANNEL, thread };
}

/**
 * The local workspace: reads lines (typed or piped), hands them to the core and prints replies.
 * Resolves when the input ends or the person types `quit`.
 */
export async function runConsole(
  app: App,
  io: { input: NodeJS.ReadableStream; write: (text: string) => void; interactive: boolean },
): Promise<void> {
  const rl = createInterface({ input: io.input, terminal: false });
  const ansi = io.interactive;
  let buttons: Button[] = [];
  const thread = 'console-thread';
  if (io.interactive) io.write(`${GREETING}\n> `);
  for await (const line of rl) {
    if (/^(quit|exit|\/quit)$/i.test(line.trim())) break;
    const request = lineToRequest(line, buttons, thread);
    if (request) {
      const reply: Reply = await app.bot.handle(request);
      const shown = reply.blocks.find((b) => b.type === 'buttons');
      buttons = shown && shown.type === 'buttons' ? shown.buttons : [];
      let text = renderReplyText(reply, { ansi });
      if (buttons.length) text += `\n${buttons.map((b, i) => `(press ${i + 1}: ${b.label})`).join('  ')}`;
      io.write(`${text}\n`);
    }
    if (io.interactive) io.write('> ');
  }
  rl.close();
}
