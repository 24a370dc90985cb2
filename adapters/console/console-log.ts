import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { visibleControls } from '../../src/text/echo.ts';

/** pino's numeric levels: 40 is warn. */
const WARN = 40;

/** A background problem in a log line as the console shows it: `warning: <path>: <reason>`. */
export function friendlyWarning(line: string): string | null {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return null;
  }
  if (typeof entry.level !== 'number' || entry.level < WARN) return null;
  const where = [entry.path, entry.url, entry.dir].find((v): v is string => typeof v === 'string');
  const reason = typeof entry.reason === 'string' ? entry.reason : undefined;
  const msg = typeof entry.msg === 'string' ? entry.msg : 'something went wrong in the background';
  const text = where && reason ? `${where}: ${reason}` : msg;
  return `warning: ${visibleControls(text)}`;
}

/**
 * Where the console workspace's log lines go: the JSON lines to a file (they would otherwise
 * land on top of the `>` prompt), and warnings and errors also as one friendly line each.
 */
export function consoleLogSink(file: string, warn: (line: string) => void): { write(line: string): void; close(): void } {
  let fd: number | null = null;
  try {
    mkdirSync(dirname(file), { recursive: true });
    fd = openSync(file, 'a');
  } catch {
    // No log file (read-only data folder): the friendly lines still show.
  }
  return {
    write(line: string) {
      if (fd !== null) writeSync(fd, line.endsWith('\n') ? line : `${line}\n`);
      const friendly = friendlyWarning(line);
      if (friendly) warn(friendly);
    },
    close() {
      if (fd !== null) closeSync(fd);
      fd = null;
    },
  };
}
