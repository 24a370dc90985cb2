import type { CliArgs } from './cli-command.ts';

/** Flags every command accepts, all taking a value. */
export const GLOBAL_VALUE_FLAGS = ['content', 'data'];

/**
 * Splits argv into words and flags. `--name value` and `--name=value` both work for flags that
 * take a value; `--` ends flags so a query may start with a dash.
 */
export function parseArgs(argv: string[], valueFlags: string[]): CliArgs {
  const positional: string[] = [];
  const flags: Record<string, string | true> = {};
  const takesValue = new Set([...GLOBAL_VALUE_FLAGS, ...valueFlags]);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    const m = /^--([a-z][\w-]*)(?:=([\s\S]*))?$/i.exec(arg);
    if (!m) {
      positional.push(arg);
      continue;
    }
    const name = m[1]!.toLowerCase();
    if (m[2] !== undefined) flags[name] = m[2];
    else if (takesValue.has(name) && i + 1 < argv.length) flags[name] = argv[++i]!;
    else flags[name] = true;
  }
  return { positional, flags, json: flags.json === true };
}

/** A positive whole number flag, or the default; throws a readable message otherwise. */
export function intFlag(args: CliArgs, name: string, fallback: number, max = 100): number {
  const raw = args.flags[name];
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new Error(`--${name} takes a whole number from 1 to ${max}`);
  return n;
}
