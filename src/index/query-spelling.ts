/**
 * British and American spellings of one word, so "militarization" finds "militarisation" and
 * back. Porter stemming keeps them apart, so the query carries both.
 */
const RULES: Array<[RegExp, string]> = [
  [/is(e|es|ed|ing|ation|ations|er|ers)$/, 'iz$1'],
  [/iz(e|es|ed|ing|ation|ations|er|ers)$/, 'is$1'],
  [/ys(e|es|ed|ing)$/, 'yz$1'],
  [/yz(e|es|ed|ing)$/, 'ys$1'],
  [/our(s|ed|ing|ite|ites|able|ably|hood|hoods)?$/, 'or$1'],
  [/tre(s)?$/, 'ter$1'],
  [/ter(s)?$/, 'tre$1'],
  [/ence(s)?$/, 'ense$1'],
  [/ense(s)?$/, 'ence$1'],
  [/ogue(s)?$/, 'og$1'],
  [/log(s)?$/, 'logue$1'],
  [/elled$/, 'eled'],
  [/elling$/, 'eling'],
  [/eled$/, 'elled'],
  [/eling$/, 'elling'],
  [/amme(s)?$/, 'am$1'],
];

/** Words "our" / "or" stay apart where the other spelling is a different word. */
const KEEP = new Set(['our', 'ours', 'four', 'hour', 'hours', 'tour', 'tours', 'your', 'yours', 'pour', 'sour', 'flour', 'contour', 'detour',
  'dense', 'sense', 'tense', 'license', 'licence', 'expense', 'immense', 'intense', 'fence', 'hence', 'since', 'whence', 'sentence', 'sentences',
  'water', 'later', 'after', 'enter', 'center', 'centers', 'matter', 'letter', 'better', 'master', 'minister', 'ministers', 'quarter', 'register',
  'disaster', 'charter', 'sister', 'winter', 'poster', 'counter', 'inter', 'computer', 'promise', 'premise', 'precise', 'wise', 'rise', 'raise',
  'exercise', 'expertise', 'enterprise', 'surprise', 'otherwise', 'advise', 'supervise', 'revise', 'comprise', 'compromise', 'franchise', 'arise', 'noise', 'cruise', 'praise']);

/** Other spellings of `word` (lower case), not including itself. */
export function spellingVariants(word: string): string[] {
  const out = new Set<string>();
  if (word === 'center' || word === 'centers') out.add(word.replace('ter', 'tre'));
  if (word === 'license' || word === 'licence') out.add(word === 'license' ? 'licence' : 'license');
  if (word === 'program' || word === 'programs') out.add(word.replace('gram', 'gramme'));
  if (!KEEP.has(word) && word.length > 4) {
    for (const [pattern, replacement] of RULES) {
      if (pattern.test(word)) out.add(word.replace(pattern, replacement));
    }
  }
  out.delete(word);
  return [...out];
}
