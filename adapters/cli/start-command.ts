import type { CliCommand } from './cli-command.ts';

export const startCli: CliCommand = {
  name: 'start',
  usage: 'sco start',
  summary: 'Run the bot: Slack and/or Discord when their tokens are set, otherwise the console workspace',
  noWords: true,
  async run(app, _args, io) {
    // The adapters, scheduler and metrics load only to run the bot.
    const { startBot } = await import('../main.ts');
    await startBot(app, {
      input: process.stdin,
      write: (text) => io.out(text),
      interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
      ...(io.prompt ? { prompt: io.prompt } : {}),
    });
    return 0;
  },
};
