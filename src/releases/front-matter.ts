import { lazyRequire } from '../util/lazy-require.ts';
import { yamlErrorText } from './yaml-error.ts';

/** Loaded on first use: a lookup over unchanged files parses no YAML. */
const yaml = lazyRequire<typeof import('yaml')>('yaml');

export interface FrontMatter {
  title?: string;
  date?: string;
  url?: string;
  topics?: string[];
}

export interface SplitMarkdown {
  meta: FrontMatter;
  body: string;
}

/** Thrown when a file's front matter cannot be used; the message is the reason shown to people. */
export class FrontMatterError extends Error {}

/**
 * Splits Markdown into YAML front matter and body. Dates may be written 2020-02-16 or as a YAML
 * timestamp; a date that is not a calendar date is an error rather than a silent null.
 */
export function splitFrontMatter(text: string): SplitMarkdown {
  // The YAML between the fences may be empty: `---\n---\nbody` is a release with no metadata.
  const m = /^\uFEFF?---[ \t]*\r?\n(?:([\s\S]*?)\r?\n)??(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(text);
  if (!m) {
    if (/^\uFEFF?---[ \t]*\r?\n/.test(text)) throw new FrontMatterError('front matter starts with --- but never ends with ---');
    return { meta: {}, body: text };
  }
  let doc: unknown;
  try {
    doc = yaml().parse(m[1] ?? '', { logLevel: 'error' });
  } catch (e) {
    // Line 1 of the file is the opening ---.
    throw new FrontMatterError(`front matter is not valid YAML: ${yamlErrorText(e, 1)}`);
  }
  if (doc === null || doc === undefined) doc = {};
  if (typeof doc !== 'object' || Array.isArray(doc)) throw new FrontMatterError('front matter must be "key: value" lines');
  const d = doc as Record<string, unknown>;
  const meta: FrontMatter = {};
  if (d.title !== undefined && d.title !== null) meta.title = String(d.title).trim();
  if (d.date !== undefined && d.date !== null && d.date !== '') meta.date = calendarDate(d.date);
  if (d.url !== undefined && d.url !== null && d.url !== '') {
    const url = String(d.url).trim();
    if (!/^https?:\/\/\S+$/.test(url)) throw new FrontMatterError(`url "${url}" is not an http(s) address`);
    meta.url = url;
  }
  if (d.topics !== undefined && d.topics !== null) {
    const list = Array.isArray(d.topics) ? d.topics : String(d.topics).split(',');
    meta.topics = list.map((t) => String(t).trim()).filter(Boolean);
  }
  return { meta, body: text.slice(m[0].length) };
}

function calendarDate(value: unknown): string {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  const s = String(value).trim();
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (m) {
    const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    if (d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3])) return `${m[1]}-${m[2]}-${m[3]}`;
  }
  throw new FrontMatterError(`date "${s}" is not a date like 2020-02-16`);
}

/** Markdown to plain text, enough for press releases: headings, emphasis, links and images. */
export function markdownToText(md: string): string {
  return md
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/^\s{0,3}#{1,6}\s+/gm, '')
    .replace(/^\s{0,3}>\s?/gm, '')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(?<![\w*])\*(?!\s)(.+?)\*(?!\w)/g, '$1')
    .replace(/`([^`]+)`/g, '$1');
}
