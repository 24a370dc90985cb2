import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { paragraphsOf } from './html-text.ts';
import { joinParagraphs, latinShare, tidy } from './text-cleanup.ts';

export type Extracted = { ok: true; title?: string; text: string } | { ok: false; reason: string };

/** Shorter than this is a stub or an error page, not a release. */
const MIN_TEXT = 80;

/**
 * The main text of a release page (Readability on a linkedom DOM), its title when the page shows
 * one, and nothing from menus, footers or captions in another script. A page that is not an
 * English article comes back as a reason, never as an exception.
 */
export function extractArticle(html: string): Extracted {
  if (!/<(html|body|p|div)[\s>]/i.test(html)) return { ok: false, reason: 'not an HTML page' };
  let doc: ReturnType<typeof parseHTML>['document'];
  try {
    doc = parseHTML(html).document;
  } catch (e) {
    return { ok: false, reason: `malformed HTML (${e instanceof Error ? e.message : String(e)})` };
  }
  const lang = doc.documentElement?.getAttribute('lang')?.toLowerCase();
  if (lang && !lang.startsWith('en')) return { ok: false, reason: `page language is "${lang}", not English` };

  const h1 = [...doc.querySelectorAll('h1')].find((h) => !h.closest('header, nav, footer') && tidy(h.textContent ?? ''));
  let article: ReturnType<Readability['parse']> = null;
  try {
    article = new Readability(doc as unknown as Document, { charThreshold: 200 }).parse();
  } catch (e) {
    return { ok: false, reason: `could not read the page (${e instanceof Error ? e.message : String(e)})` };
  }
  if (!article?.content) return { ok: false, reason: 'no article text found (empty or malformed page)' };

  const { document: content } = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`);
  let paragraphs = paragraphsOf(content.body).map(tidy).filter(Boolean);
  let title = h1 ? tidy(h1.textContent ?? '') : undefined;
  if (!title) {
    // Readability turns the page's h1 into an h2; a heading ahead of the first paragraph is the title.
    const first = content.body.querySelector('h1, h2, h3');
    const firstP = content.body.querySelector('p');
    if (first && (!firstP || first.compareDocumentPosition(firstP) & 4)) title = tidy(first.textContent ?? '') || undefined;
  }
  // Older pages repeat the title as the first line of the body.
  if (title) paragraphs = dropLeading(paragraphs, title);
  const text = joinParagraphs(paragraphs);
  const allText = paragraphs.join(' ');
  if (allText.length >= MIN_TEXT && latinShare(allText) < 0.5) return { ok: false, reason: 'page is not in English' };
  if (text.length < MIN_TEXT) return { ok: false, reason: text ? 'page has too little text to be a release' : 'page has no article text' };
  return { ok: true, title, text };
}

function dropLeading(paragraphs: string[], title: string): string[] {
  // The heading and a repeated title line both sit ahead of the text; later mentions stay.
  return paragraphs.filter((p, j) => !(j < 3 && p === title));
}
