import { createInterface } from 'node:readline';
import type { App } from '../compose.ts';
import type { Button, Reply } from '../../src/bot/reply.ts';
import type { Request } from '../../src/bot/request.ts';
import { echo } from '../../src/text/echo.ts';
import { ConsolePrompt } from './console-prompt.ts';
import { renderReplyText } from './render-text.ts';

export const CONSOLE_CHANNEL = 'console:local';

const GREETING = [
  'SCO Bot console. Type what you would type in Slack:',
  '  /sco afghanistan        look releases up',
  '  @sco who led the delegation to Munich?   ask a question',
  '  /sco help               every command',
  '  press 1                 press the first button of the last reply;  quit  to leave',
].join('\n');

const HINT = 'Type `/sco <words>` to look releases up, `@sco <question>` to ask, `/sco help` for every command, `quit` to leave.';

/** Where the console reads lines and prints replies. */
export interface ConsoleIO {
  input: NodeJS.ReadableStream;
  write: (text: string) => void;
  /** A terminal: greet, show the `>` prompt and use ANSI bold and dim. */
  interactive: boolean;
  /** The console's prompt, which background warnings are printed above. */
  prompt?: ConsolePrompt;
}

/** The buttons of the last reply that had any, and which of them were pressed already. */
export interface ShownButtons {
  buttons: Button[];
  pressed: Set<number>;
}

/** What a typed line comes to: a Request for the core, or a sentence the console says itself. */
export type ConsoleInput = { request: Request } | { say: string } | null;

function buttonList(buttons: Button[]): string {
  return buttons.map((b, i) => `press ${i + 1}: ${b.label}`).join(', ');
}

/** `press N`: the button's action, or why there is nothing to press. */
function press(n: number, shown: ShownButtons, user: Request['user']): ConsoleInput {
  const { buttons, pressed } = shown;
  const button = buttons[n - 1];
  if (buttons.length === 0) return { say: `There is no button to press: the last reply had none. ${HINT}` };
  if (!button) return { say: `There is no button ${n}: the last reply has ${buttons.length === 1 ? 'one button' : `buttons 1–${buttons.length}`} (${buttonList(buttons)}).` };
  if (pressed.has(n)) return { say: `Button ${n} (${button.label}) was pressed already; it does its work once.` };
  pressed.add(n);
  return { request: { kind: 'action', text: '', user, channel: CONSOLE_CHANNEL, action: { id: button.action, value: button.value } } };
}

/** Turns one typed line into a Request, a sentence of the console's own, or null for a blank line. */
export function readLine(line: string, shown: ShownButtons, thread?: string): ConsoleInput {
  const text = line.trim();
  if (!text) return null;
  const user = { id: 'console-user', name: 'you', canManage: true };
  const pressed = /^press\s+(\d+)$/i.exec(text);
  if (pressed) return press(Number(pressed[1]), shown, user);
  if (/^press\b/i.test(text)) return { say: `Say which button by its number, e.g. \`press 1\`. ${HINT}` };
  const command = /^\/sco(?:\s+([\s\S]*))?$/i.exec(text);
  if (command) return { request: { kind: 'command', text: command[1] ?? '', user, channel: CONSOLE_CHANNEL } };
  // `/help` is what people type in many chat tools: the bot's help.
  if (/^\/help$/i.test(text)) return { request: { kind: 'command', text: 'help', user, channel: CONSOLE_CHANNEL } };
  const slash = /^\/(\S+)\s*([\s\S]*)$/.exec(text);
  if (slash) {
    const rest = slash[2] ? ` ${slash[2]}` : '';
    return { say: `There is no /${echo(slash[1]!, 30)} command here; the bot’s command is /sco, e.g. \`/sco${echo(rest, 60)}\`. ${HINT}` };
  }
  const mention = /^@sco\b[:,]?\s*([\s\S]*)$/i.exec(text);
  if (mention) return { request: { kind: 'mention', text: mention[1] ?? '', user, channel: CONSOLE_CHANNEL, thread } };
  if (/^(hi|hello|hallo|hey|howdy|good (morning|afternoon|evening)|greetings|thanks|thank you)\b[\s!.,]*$/i.test(text)) {
    return { say: `Hello! I keep you on top of the SCO Secretariat’s press releases. ${HINT}` };
  }
  // Anything else is what a person would write to the bot in a direct message.
  return { request: { kind: 'message', text, user, channel: CONSOLE_CHANNEL, thread } };
}

/**
 * The local workspace: reads lines (typed or piped), hands them to the core and prints replies.
 * Resolves when the input ends or the person types `quit`.
 */
export async function runConsole(app: App, io: ConsoleIO): Promise<void> {
  const rl = createInterface({ input: io.input, terminal: false });
  const ansi = io.interactive;
  const prompt = io.prompt ?? new ConsolePrompt({ out: io.write, err: (t) => void process.stderr.write(t), interactive: io.interactive });
  let shown: ShownButtons = { buttons: [], pressed: new Set() };
  const thread = 'console-thread';
  if (io.interactive) io.write(`${GREETING}\n`);
  prompt.show();
  for await (const line of rl) {
    if (/^(quit|exit|\/quit)$/i.test(line.trim())) break;
    prompt.busy();
    const input = readLine(line, shown, thread);
    if (input && 'say' in input) io.write(`${input.say}\n`);
    else if (input) {
      const reply: Reply = await app.bot.handle(input.request);
      // Every row of buttons (an answer has its votes and, under them, its Cite buttons).
      const buttons = reply.blocks.flatMap((b) => (b.type === 'buttons' ? b.buttons : []));
      // A reply without buttons leaves the last ones in place, so `press` can say which were used.
      if (buttons.length || input.request.kind !== 'action') shown = { buttons, pressed: new Set() };
      let text = renderReplyText(reply, { ansi });
      if (buttons.length) text += `\n${buttons.map((b, i) => `(press ${i + 1}: ${b.label})`).join('  ')}`;
      io.write(`${text}\n`);
    }
    prompt.show();
  }
  rl.close();
}
