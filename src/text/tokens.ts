import type { ItemEntity, ItemToken } from 'wink-nlp';
import { fullNlp } from './nlp.ts';

export interface Token {
  text: string;
  lower: string;
  /** Porter stem from wink (lower-case word for compounds such as "Secretary-General"). */
  stem: string;
  /** Universal part of speech from wink ("PROPN", "NOUN", "VERB", ..., "PUNCT"). */
  pos: string;
  /** Character offsets in the analysed text. */
  start: number;
  end: number;
}

/** A number, percent, ordinal or date wink found, as character offsets. */
export interface WinkEntity {
  type: string;
  start: number;
  end: number;
}

/**
 * Words keep their inner dots, hyphens and apostrophes ("VEB.RF", "Secretary-General",
 * "d'Affaires"), which wink cuts apart; a possessive "'s" is its own token.
 */
const WORD = /(?:[\p{L}\p{N}](?:[\p{L}\p{N}]|[.&'’-](?=[\p{L}\p{N}]))*)(?=['’]s\b)|['’]s\b|[\p{L}\p{N}](?:[\p{L}\p{N}]|[.,&'’-](?=[\p{L}\p{N}]))*|[^\s\p{L}\p{N}]/gu;

export interface Tokenised {
  tokens: Token[];
  winkEntities: WinkEntity[];
}

/** Tokens with parts of speech and stems, and wink's numeric and date entities. */
export function tokenise(text: string): Tokenised {
  const nlp = fullNlp();
  const its = nlp.its;
  const doc = nlp.readDoc(text);
  const winkStarts = new Map<number, { pos: string; stem: string; end: number }>();
  const winkOffsets: { start: number; end: number }[] = [];
  let cursor = 0;
  doc.tokens().each((t: ItemToken) => {
    const value = t.out() as string;
    const at = text.indexOf(value, cursor);
    if (at < 0) {
      winkOffsets.push({ start: cursor, end: cursor });
      return;
    }
    winkOffsets.push({ start: at, end: at + value.length });
    winkStarts.set(at, { pos: t.out(its.pos) as string, stem: t.out(its.stem as unknown as Parameters<ItemToken["out"]>[0]) as string, end: at + value.length });
    cursor = at + value.length;
  });
  const winkEntities: WinkEntity[] = [];
  doc.entities().each((e: ItemEntity) => {
    const span = e.out(its.span) as unknown as [number, number];
    const a = winkOffsets[span[0]];
    const b = winkOffsets[span[1]];
    if (a && b && b.end > a.start) winkEntities.push({ type: e.out(its.type) as string, start: a.start, end: b.end });
  });

  const tokens: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const word = m[0];
    const start = m.index;
    const end = start + word.length;
    const w = winkStarts.get(start);
    const lower = word.toLowerCase();
    const pos = w?.pos ?? (/^[\p{L}\p{N}]/u.test(word) ? (/^\p{Lu}/u.test(word) ? 'PROPN' : 'X') : 'PUNCT');
    const stem = w && w.end === end ? w.stem : lower;
    tokens.push({ text: word, lower, stem, pos, start, end });
  }
  return { tokens, winkEntities };
}
