// The `sco` command. Only what every command needs is imported here; the App, the config schema
// and each command's own modules load after the command line is known, so `sco --help` starts
// in a blink and a lookup loads no answer engine (see README, "The sco command").
import { visibleControls } from '../../src/text/echo.ts';
import { CliError, EXIT, printJson, type CliCommand, type CliIO } from './cli-command.ts';
import { cliCommands } from './commands.ts';
import { knownFlags, parseArgs } from './parse-args.ts';

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
    'global options: --content DIR (default ./content, env CONTENT_DIR)  --data DIR (default ./data, env DATA_DIR)  --json',
    'exit codes: 0 done, 1 failed (nothing found, a source or the state store failed), 2 usage or configuration error',
    '',
  ].join('\n');
}

function commandUsage(c: CliCommand): string {
  return `usage: ${c.usage}\n  ${c.summary}\n  options: ${knownFlags(c)}\n`;
}

/** The CLI's error code and exit code for anything a command throws. */
async function classify(error: unknown): Promise<{ code: string; message: string; exit: number }> {
  if (error instanceof CliError) return { code: error.code, message: error.message, exit: error.exitCode };
  const { isBotError } = await import('../../src/errors.ts');
  if (isBotError(error)) {
    if (error.code === 'config') return { code: 'config', message: error.message, exit: EXIT.usage };
    if (error.code === 'bad_input') return { code: 'usage', message: error.message, exit: EXIT.usage };
    return { code: error.code === 'not_found' ? 'not_found' : 'failed', message: error.message, exit: EXIT.failure };
  }
  return { code: 'failed', message: error instanceof Error ? error.message : String(error), exit: EXIT.failure };
}

async function run(name: string | undefined, rest: string[]): Promise<number> {
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    io.out(usage());
    return name ? EXIT.ok : EXIT.usage;
  }
  const command = cliCommands.find((c) => c.name === name);
  if (!command) throw new CliError('usage', `unknown command “${name}”\n\n${usage()}`);
  const words = rest.slice(0, rest.includes('--') ? rest.indexOf('--') : rest.length);
  if (words.includes('--help') || words.includes('-h')) {
    io.out(commandUsage(command));
    return EXIT.ok;
  }
  const args = parseArgs(rest, command);
  if (command.noWords && args.positional.length) throw new CliError('usage', `sco ${command.name} takes no words.\n${commandUsage(command)}`);

  const { loadConfig } = await import('../../src/config.ts');
  const overrides: { contentDir?: string; dataDir?: string } = {};
  if (typeof args.flags.content === 'string') overrides.contentDir = args.flags.content;
  if (typeof args.flags.data === 'string') overrides.dataDir = args.flags.data;
  const config = loadConfig(process.env, overrides);
  const [{ createLogger }, { secretsOf }, { createApp }] = await Promise.all([
    import('../../src/logger.ts'),
    import('../../src/ops/redact.ts'),
    import('../compose.ts'),
  ]);
  // One-shot commands and the console workspace stay quiet unless LOG_LEVEL asks otherwise;
  // a bot connected to a platform logs at info.
  const platform = Boolean(config.slackBotToken || config.discordToken);
  const level = process.env.LOG_LEVEL ? config.logLevel : command.name === 'start' && platform ? 'info' : 'warn';
  // The console workspace keeps its prompt clean: JSON log lines go to a file (or, at
  // LOG_LEVEL=debug, to standard error as elsewhere) and warnings show as one friendly line.
  let sink: { write(line: string): void; close(): void } | undefined;
  if (command.name === 'start' && !platform && level !== 'debug' && level !== 'trace') {
    const [{ ConsolePrompt }, { consoleLogSink }, { join }] = await Promise.all([
      import('../console/console-prompt.ts'),
      import('../console/console-log.ts'),
      import('node:path'),
    ]);
    const prompt = new ConsolePrompt({ out: io.out, err: io.err, interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY) });
    io.prompt = prompt;
    sink = consoleLogSink(join(config.dataDir, 'sco.log'), (line) => prompt.above(line));
  }
  // Every configured secret is scrubbed from log lines, shapeless ones (the signing secret) too.
  // Standard error written directly (sync on Linux for pipes, files and terminals): pino's own
  // destination costs a flush at every exit that a one-shot command need not pay.
  const stderr = { write: (line: string) => process.stderr.write(line) };
  const logger = createLogger(level, { secrets: secretsOf(config), destination: sink ?? stderr });
  const app = await createApp(config, logger);
  try {
    if (command.refresh !== false) {
      const report = await app.library.refresh();
      for (const p of report.problems) io.err(`warning: ${p.path}: ${visibleControls(p.reason)}\n`);
      if (report.total === 0) io.err(`warning: no releases found in ${config.contentDir}/releases; add .txt or .md files there (see README).\n`);
    }
    return await command.run(app, args, io);
  } finally {
    await app.close();
    sink?.close();
  }
}

const [name, ...rest] = process.argv.slice(2);
// Decided before anything can fail: with --json even a refused command line answers in JSON.
const json = rest.slice(0, rest.includes('--') ? rest.indexOf('--') : rest.length).includes('--json');

run(name, rest).then(
  (code) => {
    process.exitCode = code;
  },
  async (error: unknown) => {
    const { code, message, exit } = await classify(error);
    const shown = visibleControls(message);
    if (json) printJson(io, { error: { code, message: shown } });
    io.err(`${shown.startsWith('sco ') ? shown : `sco: ${shown}`}\n`);
    // Exit now: a failed start may leave a timer or socket behind that would keep the process up.
    process.exit(exit);
  },
);
