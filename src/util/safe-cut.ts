/**
 * Where to cut `text` near `at` without splitting a surrogate pair (an emoji, a rare CJK
 * character): `at`, or one less when the code unit before it opens a pair. A lone half of a pair
 * renders as a replacement box, and some platforms refuse the whole message for it.
 */
export function safeCut(text: string, at: number): number {
  const i = Math.max(0, Math.min(at, text.length));
  if (i === 0 || i === text.length) return i;
  const before = text.charCodeAt(i - 1);
  const after = text.charCodeAt(i);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff ? i - 1 : i;
}
