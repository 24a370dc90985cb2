/**
 * An extractive summary of two or three sentences of a release. Placeholder until the answers
 * work ranks sentences; keep the signature.
 */
export function summarise(_title: string, sentences: string[]): string[] {
  return sentences.slice(0, 2);
}
