import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** One entry of an RSS 2.0 / RSS 1.0 / Atom feed, before it becomes a release. */
export interface FeedItem {
  guid?: string;
  title?: string;
  link?: string;
  /** YYYY-MM-DD (UTC) when the item carries a readable date. */
  date?: string;
  /** Full content (content:encoded, Atom content), HTML or text. */
  content?: string;
  /** Teaser (description, Atom summary). */
  summary?: string;
}

export type ParsedFeed = { ok: true; title?: string; items: FeedItem[] } | { ok: false; reason: string };

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  htmlEntities: true,
  processEntities: true,
  trimValues: true,
});

const list = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);

/** Text of a parsed node: a string, a number, or an element with attributes and `#text`. */
function text(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() || undefined;
  if (typeof v === 'number') return String(v);
  if (v && typeof v === 'object' && '#text' in v) return text((v as Record<string, unknown>)['#text']);
  return undefined;
}

function isoDate(v: unknown): string | undefined {
  const s = text(v);
  if (!s) return undefined;
  const t = Date.parse(s);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString().slice(0, 10);
}

function atomLink(v: unknown): string | undefined {
  const links = list(v).filter((l): l is Record<string, unknown> => typeof l === 'object' && l !== null);
  const pick = links.find((l) => !l['@_rel'] || l['@_rel'] === 'alternate') ?? links[0];
  const href = pick?.['@_href'];
  return typeof href === 'string' ? href : text(v);
}

/** Parses an RSS or Atom document; malformed XML or an unknown root is a reason, not an exception. */
export function parseFeed(xml: string): ParsedFeed {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) return { ok: false, reason: `malformed XML: ${valid.err.msg} (line ${valid.err.line})` };
  let doc: Record<string, unknown>;
  try {
    doc = parser.parse(xml) as Record<string, unknown>;
  } catch (e) {
    return { ok: false, reason: `malformed XML: ${e instanceof Error ? e.message : String(e)}` };
  }
  const rss = doc.rss as Record<string, unknown> | undefined;
  const rdf = doc['rdf:RDF'] as Record<string, unknown> | undefined;
  const atom = doc.feed as Record<string, unknown> | undefined;
  if (rss || rdf) {
    const channel = (rss?.channel ?? rdf?.channel ?? {}) as Record<string, unknown>;
    const items = list(rss ? channel.item : rdf?.item) as Array<Record<string, unknown>>;
    return {
      ok: true,
      title: text(channel.title),
      items: items.map((i) => ({
        guid: text(i.guid) ?? text(i['@_rdf:about']),
        title: text(i.title),
        link: text(i.link),
        date: isoDate(i.pubDate ?? i['dc:date']),
        content: text(i['content:encoded']),
        summary: text(i.description),
      })),
    };
  }
  if (atom) {
    const entries = list(atom.entry) as Array<Record<string, unknown>>;
    return {
      ok: true,
      title: text(atom.title),
      items: entries.map((e) => ({
        guid: text(e.id),
        title: text(e.title),
        link: atomLink(e.link),
        date: isoDate(e.published ?? e.updated),
        content: text(e.content),
        summary: text(e.summary),
      })),
    };
  }
  return { ok: false, reason: 'not an RSS or Atom feed' };
}
