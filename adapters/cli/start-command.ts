import { startBot } from '../main.ts';
import type { CliCommand } from './cli-command.ts';

export const startCli: CliCommand = {
  name: 'start',
  usage: 'sco start',
  summary: 'Run the bot: Slack and/or Discord when their tokens are set, otherwise the console workspace',
  async run(app, _args, io) {
    await startBot(app, {
      input: process.stdin,
      write: (text) => io.out(text),
      interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
    });
    return 0;
  },
};
