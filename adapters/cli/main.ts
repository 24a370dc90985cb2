import { createApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { isBotError } from '../../src/errors.ts';
import { createLogger } from '../../src/logger.ts';
import { secretsOf } from '../../src/ops/redact.ts';
import type { CliIO } from './cli-command.ts';
import { cliCommands } from './commands.ts';
import { parseArgs } from './parse-args.ts';

const io: CliIO = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
  isTTY: Boolean(process.stderr.isTTY),
};

function usage(): string {
  const lines = cliCommands.map((c) => `  ${c.usage.padEnd(52)} ${c.summary}`);
  return [
    'usage: sco <command> [options]',
    '',
    ...lines,
    '',
    'global options: --content DIR (default ./content, env CONTENT_DIR)  --data DIR (default ./data, env DATA_DIR)',
    '',
  ].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    io.out(usage());
    return name ? 0 : 2;
  }
  const command = cliCommands.find((c) => c.name === name);
  if (!command) {
    io.err(`sco: unknown command “${name}”\n\n${usage()}`);
    return 2;
  }
  const args = parseArgs(rest, command.valueFlags ?? []);
  const overrides: { contentDir?: string; dataDir?: string } = {};
  if (typeof args.flags.content === 'string') overrides.contentDir = args.flags.content;
  if (typeof args.flags.data === 'string') overrides.dataDir = args.flags.data;
  const config = loadConfig(process.env, overrides);
  // One-shot commands and the console workspace stay quiet unless LOG_LEVEL asks otherwise;
  // a bot connected to a platform logs at info.
  const platform = Boolean(config.slackBotToken || config.discordToken);
  const level = process.env.LOG_LEVEL ? config.logLevel : command.name === 'start' && platform ? 'info' : 'warn';
  // Every configured secret is scrubbed from log lines, shapeless ones (the signing secret) too.
  const logger = createLogger(level, { secrets: secretsOf(config) });
  const app = await createApp(config, logger);
  try {
    if (command.refresh !== false) {
      const report = await app.library.refresh();
      for (const p of report.problems) io.err(`warning: ${p.path}: ${p.reason}\n`);
      if (report.total === 0) io.err(`warning: no releases found in ${config.contentDir}/releases; add .txt or .md files there (see README).\n`);
    }
    return await command.run(app, args, io);
  } finally {
    await app.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    io.err(`sco: ${isBotError(error) || error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = isBotError(error) && error.code === 'config' ? 2 : 1;
  },
);
