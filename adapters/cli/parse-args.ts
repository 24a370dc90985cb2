import { CliError, type CliArgs, type CliCommand } from './cli-command.ts';

/** Flags every command accepts, all taking a value. */
export const GLOBAL_VALUE_FLAGS: Record<string, string> = { content: 'DIR', data: 'DIR' };

/** Every flag a command knows, as `--limit N, --json, --content DIR, --data DIR`. */
export function knownFlags(command: Pick<CliCommand, 'valueFlags' | 'booleanFlags'>): string {
  const values = { ...command.valueFlags, ...GLOBAL_VALUE_FLAGS };
  return [
    ...Object.entries(values).map(([name, arg]) => `--${name} ${arg}`),
    ...(command.booleanFlags ?? []).map((name) => `--${name}`),
    '--json',
  ].join(', ');
}

/**
 * Splits argv into words and flags. `--name value` and `--name=value` both work for flags that
 * take a value; `--` ends flags so a query may start with a dash. A flag the command does not
 * know is refused (a typo such as `--limt 3` would otherwise be searched for or ignored).
 */
export function parseArgs(argv: string[], command: Pick<CliCommand, 'name' | 'valueFlags' | 'booleanFlags'>): CliArgs {
  const positional: string[] = [];
  const flags: Record<string, string | true> = {};
  const takesValue = new Set(Object.keys({ ...GLOBAL_VALUE_FLAGS, ...command.valueFlags }));
  const boolean = new Set([...(command.booleanFlags ?? []), 'json']);
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
    if (!takesValue.has(name) && !boolean.has(name)) {
      throw new CliError('usage', `sco ${command.name}: unknown option --${name}. Known options: ${knownFlags(command)}`);
    }
    if (boolean.has(name)) {
      if (m[2] !== undefined) throw new CliError('usage', `sco ${command.name}: --${name} takes no value`);
      flags[name] = true;
    } else if (m[2] !== undefined) flags[name] = m[2];
    else if (i + 1 < argv.length) flags[name] = argv[++i]!;
    else throw new CliError('usage', `sco ${command.name}: --${name} needs a value (--${name} ${takesValue.has(name) ? ({ ...GLOBAL_VALUE_FLAGS, ...command.valueFlags })[name] : ''})`);
  }
  return { positional, flags, json: flags.json === true };
}

/** A positive whole number flag, or the default; a usage error otherwise. */
export function intFlag(args: CliArgs, name: string, fallback: number, max = 100): number {
  const raw = args.flags[name];
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new CliError('usage', `--${name} takes a whole number from 1 to ${max}`);
  return n;
}

/** A flag's text value, or undefined when absent. */
export function textFlag(args: CliArgs, name: string): string | undefined {
  const raw = args.flags[name];
  return typeof raw === 'string' ? raw : undefined;
}
