const MAX = 90;
const MIN_CUT = 35;

/** Past tense of the opening sentence turned into a headline's present tense. */
const HEADLINE_VERBS: Record<string, string> = {
  attended: 'attends', held: 'holds', met: 'meets', received: 'receives', hosted: 'hosts',
  visited: 'visits', signed: 'signs', opened: 'opens', took: 'takes', gave: 'gives',
  addressed: 'addresses', convened: 'convenes', discussed: 'discusses', launched: 'launches',
  participated: 'participates', welcomed: 'welcomes', presented: 'presents', chaired: 'chairs',
  organised: 'organises', organized: 'organizes', travelled: 'travels', traveled: 'travels',
  arrived: 'arrives', marked: 'marks', celebrated: 'celebrates', spoke: 'speaks',
};
/** "has arrived" reads as "arrives" in a headline. */
const PERFECT: Record<string, string> = { ...HEADLINE_VERBS, taken: 'takes', given: 'gives', spoken: 'speaks' };
const TRAILING_JUNK = /(?:[\s,;:–—-]+|\s+(?:a|an|the|of|in|on|at|to|for|and|or|with|by|from|as|its|their|his|her|between|during|within))+$/i;
const LEADING_CIRCUMSTANCE = /^(?:on|at|in|during|following|after|ahead of|within)\b[^,]{0,80},\s+/i;
const TRAILING_DATE = /\s+(?:on|between|from|in|during)\s+(?:\d{1,2}(?:\s*(?:-|–|and|to)\s*\d{1,2})?\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|December)(?:\s+\d{1,2})?,?\s+\d{4}\b/;

/**
 * A short headline from a release's opening sentence: leading circumstances and trailing dates
 * dropped, "A delegation of X" turned into "X delegation", past tense made present, and cut at
 * a clause or word boundary when still long.
 */
export function deriveTitle(firstSentence: string): string {
  let t = firstSentence.replace(/\s+/g, ' ').trim().replace(/[.!?]+$/, '');
  const withoutLead = t.replace(LEADING_CIRCUMSTANCE, '');
  if (withoutLead.length >= 25) t = withoutLead;
  t = t.replace(TRAILING_DATE, '');
  t = t.replace(/^(?:[Aa]|[Aa]n|[Tt]he)\s+([Dd]elegation|[Mm]ission|[Tt]eam|[Gg]roup)\s+of\s+(?:the\s+)?((?:[A-Z][\w'’-]*\s+)*[A-Z][\w'’-]*)/, (_m, noun: string, owner: string) => `${owner} ${noun.toLowerCase()}`);
  t = t.replace(/^(?:a|an|the)\s+/i, '');
  // Titles before a name inside the sentence ("led by SCO Secretary-General Vladimir Norov").
  t = t.replace(/(?<=\b(?:by|with|and|of|from)\s)(?:SCO\s+)?(?:Deputy\s+)?Secretary-General\s+(?=[A-Z][a-z])/g, '');
  t = t.replace(/\b(?:has|have)\s+(\w+ed|met|held|taken|given|spoken)\b/, (m, v: string) => PERFECT[v.toLowerCase()] ?? m);
  let replaced = false;
  t = t.replace(/\b(\w+)\s+(?:(?:a|an|the)\s+)?/g, (m, word: string) => {
    const verb = HEADLINE_VERBS[word.toLowerCase()];
    if (replaced || !verb) return m;
    replaced = true;
    return `${verb} `;
  });
  t = t.charAt(0).toUpperCase() + t.slice(1);
  const title = shorten(t).replace(TRAILING_JUNK, '');
  // Rewriting must never leave nothing to show: fall back to the sentence itself, shortened.
  return /[\p{L}\p{N}]/u.test(title) ? title : shorten(firstSentence.replace(/\s+/g, ' ').trim());
}

function shorten(t: string): string {
  if (t.length <= MAX) return t;
  const head = t.slice(0, MAX + 1);
  const clause = /,\s|\s(?:to|which|who|where|while|as well as|and|with|for|in order)\s/g;
  let cut = -1;
  for (const m of head.matchAll(clause)) if (m.index! >= MIN_CUT && m.index! <= MAX) cut = m.index!;
  if (cut > 0) return t.slice(0, cut);
  const space = head.lastIndexOf(' ');
  return t.slice(0, space > MIN_CUT ? space : MAX);
}
