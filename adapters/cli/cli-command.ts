import type { App } from '../compose.ts';
import type { ConsolePrompt } from '../console/console-prompt.ts';

/** Parsed command line after the subcommand: words, `--flag value` pairs and `--json`. */
export interface CliArgs {
  positional: string[];
  /** `--limit 5` gives `{limit: '5'}`; a flag with no value gives `true`. Repeated flags keep the last. */
  flags: Record<string, string | true>;
  json: boolean;
}

export interface CliIO {
  /** Standard output: the command's result (exactly one JSON document with --json). */
  out(text: string): void;
  /** Standard error: logs, progress, warnings. */
  err(text: string): void;
  /** Whether standard error is a terminal (progress bars) */
  isTTY: boolean;
  /** `sco start` in the console workspace: the prompt background warnings are printed above. */
  prompt?: ConsolePrompt;
}

/** One `sco <name>` subcommand. The CLI brings the index up to date before `run` unless `refresh` is false. */
export interface CliCommand {
  name: string;
  usage: string;
  summary: string;
  /** Flags that take a value, shown as `--name VALUE` in the list of known flags. */
  valueFlags?: Record<string, string>;
  /** Flags that take no value (`--json` is known to every command). */
  booleanFlags?: string[];
  /** Takes no words after its name (`sco topics`); words are refused as a usage error. */
  noWords?: boolean;
  refresh?: boolean;
  /**
   * Returns the process exit code. Heavy modules are imported inside `run`, so `sco --help`
   * and the other commands load only what they use.
   */
  run(app: App, args: CliArgs, io: CliIO): Promise<number>;
}

/** Exit codes of `sco`, documented in the README. */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

/**
 * A refusal the CLI reports as `sco: <message>` (or `{"error": ...}` with --json) and exits on:
 * `usage` (code 2) for a command line that cannot work, anything else (code 1) for a failure.
 */
export class CliError extends Error {
  constructor(
    readonly code: 'usage' | 'not_found' | 'failed' | 'config',
    message: string,
  ) {
    super(message);
    this.name = 'CliError';
  }

  get exitCode(): number {
    return this.code === 'usage' || this.code === 'config' ? EXIT.usage : EXIT.failure;
  }
}

/** Prints one JSON document followed by a newline. */
export function printJson(io: CliIO, value: unknown): void {
  io.out(`${JSON.stringify(value, null, 2)}\n`);
}
