import type { App } from '../../src/app.ts';

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
}

/** One `sco <name>` subcommand. The CLI brings the index up to date before `run` unless `refresh` is false. */
export interface CliCommand {
  name: string;
  usage: string;
  summary: string;
  /** Flags that take a value (others are booleans). */
  valueFlags?: string[];
  refresh?: boolean;
  /** Returns the process exit code. */
  run(app: App, args: CliArgs, io: CliIO): Promise<number>;
}

/** Prints one JSON document followed by a newline. */
export function printJson(io: CliIO, value: unknown): void {
  io.out(`${JSON.stringify(value, null, 2)}\n`);
}
