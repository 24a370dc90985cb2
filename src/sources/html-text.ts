import { parseHTML } from 'linkedom';
import { joinParagraphs } from './text-cleanup.ts';

const BLOCK = new Set([
  'P', 'DIV', 'SECTION', 'ARTICLE', 'MAIN', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'UL', 'OL',
  'BLOCKQUOTE', 'PRE', 'TABLE', 'TR', 'TD', 'TH', 'FIGURE', 'FIGCAPTION', 'HEADER', 'FOOTER', 'DL', 'DT', 'DD',
]);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'SVG']);

interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

/** The text of a DOM subtree split into paragraphs at block elements and line breaks. */
export function paragraphsOf(root: unknown): string[] {
  const out: string[] = [];
  let buf = '';
  const flush = () => {
    if (buf.trim()) out.push(buf);
    buf = '';
  };
  const walk = (node: DomNode) => {
    if (node.nodeType === 3) {
      buf += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const name = node.nodeName.toUpperCase();
    if (SKIP.has(name)) return;
    if (name === 'BR') return flush();
    const block = BLOCK.has(name);
    if (block) flush();
    for (let i = 0; i < node.childNodes.length; i++) walk(node.childNodes[i] as DomNode);
    if (block) flush();
  };
  walk(root as DomNode);
  flush();
  return out;
}

/** Plain text of an HTML fragment (a feed item's description, say), paragraphs kept. */
export function htmlToText(html: string): string {
  if (!/[<&]/.test(html)) return joinParagraphs(html.split(/\n\s*\n/));
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return joinParagraphs(paragraphsOf(document.body));
}
