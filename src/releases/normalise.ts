import { createHash } from 'node:crypto';
import type { RawRelease } from '../ports/source.ts';
import { capWords } from '../text/limits.ts';
import { splitSentences } from '../text/sentences.ts';
import { summarise } from '../summary/summarise.ts';
import type { Taxonomy } from '../taxonomy/taxonomy.ts';
import { cleanText } from './clean-text.ts';
import { deriveDate } from './derive-date.ts';
import { deriveTitle } from './derive-title.ts';
import { markdownToText, splitFrontMatter } from './front-matter.ts';
import type { Release } from './release.ts';

/** Bump when normalisation changes, so stored releases are rebuilt from their sources. */
export const NORMALISER_VERSION = 2;

export interface Normalised {
  release: Release;
  sentences: string[];
  /** Loaded, but worth telling the person (a date in the future). */
  warnings: string[];
}

export interface NormaliseOptions {
  /** The last plausible publication date (YYYY-MM-DD); a later one loads with a warning. */
  latestDate?: string;
}

/**
 * Turns a raw release (content file or live page) into a Release: front matter read, text
 * cleaned, title and date derived when missing, sentences, summary and topics. Throws with a
 * reason a person can act on when the raw release cannot be used.
 */
export function normalise(raw: RawRelease, taxonomy: Taxonomy, options: NormaliseOptions = {}): Normalised {
  const isMarkdown = raw.path ? /\.(md|markdown)$/i.test(raw.path) : /^\uFEFF?---\r?\n/.test(raw.text);
  const { meta, body: rawBody } = isMarkdown ? splitFrontMatter(raw.text) : { meta: {}, body: raw.text };
  // Words are capped before anything tokenises or stems them (both are superlinear in a word).
  const body = capWords(cleanText(isMarkdown ? markdownToText(rawBody) : rawBody, !isMarkdown));
  if (!body) throw new Error('the release has no text');
  if (!hasWords(body)) throw new Error('the release has no words, only punctuation or symbols');
  const sentences = splitSentences(body);
  const givenTitle = capWords(cleanText(raw.title ?? meta.title ?? '', false));
  // The opening sentence is the first with words: a stray "---" or "..." line is not a title.
  const opening = sentences.find(hasWords) ?? body.split('\n').find(hasWords)!;
  const title = hasWords(givenTitle) ? givenTitle : deriveTitle(opening);
  const date = validDate(raw.date) ?? meta.date ?? deriveDate(body);
  const warnings: string[] = [];
  if (date && options.latestDate && date > options.latestDate) {
    const from = validDate(raw.date) ? 'given by the source' : meta.date ? 'in the front matter' : 'found in the text';
    warnings.push(`the date ${date} (${from}) is in the future; the release is loaded with it, but check the date`);
  }
  const given = [...(raw.topics ?? []), ...(meta.topics ?? [])].map((t) => taxonomy.lookup(t)[0]?.id ?? t);
  const topics = [...new Set([...given, ...taxonomy.tag(`${title}\n${body}`)])];
  const hash = createHash('sha256')
    .update(JSON.stringify([NORMALISER_VERSION, raw.text, raw.title ?? null, raw.date ?? null, raw.url ?? null, raw.topics ?? null]))
    .digest('hex')
    .slice(0, 32);
  return {
    release: {
      id: raw.id,
      title,
      date,
      url: raw.url ?? meta.url ?? null,
      source: raw.source,
      body,
      topics,
      summary: summarise(title, sentences),
      hash,
      ...(raw.path ? { path: raw.path } : {}),
    },
    sentences,
    warnings,
  };
}

function hasWords(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}

function validDate(d: string | undefined): string | null {
  return d && /^\d{4}-\d{2}-\d{2}$/.test(d) ? d : null;
}
