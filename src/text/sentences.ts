/**
 * Splits plain text into sentences. Placeholder splitter until the answers work replaces it with
 * wink-nlp; keep the signature.
 */
export function splitSentences(text: string): string[] {
  return text
    .split(/\n+/)
    .flatMap((para) => para.split(/(?<=[.!?])\s+(?=[A-Z"“(])/))
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
