/** Terms remembered at most: a long-running bot meets ever new words. */
const MAX_TERMS = 20_000;

/**
 * How many sentences of one library hold each question term, counted once and kept across
 * questions (counting costs a search and a match of a hundred sentences a term); forgotten when
 * the number of releases changes. One a library, created with the services
 * (src/create-services.ts); without one, a question counts its terms afresh.
 */
export class TermFrequencies {
  private readonly counts = new Map<string, number>();
  private size = -1;

  /** The count of `term` in a library of `size` releases; `count` counts it when not known. */
  get(term: string, size: number, count: () => number): number {
    if (size !== this.size) {
      this.counts.clear();
      this.size = size;
    }
    let n = this.counts.get(term);
    if (n === undefined) {
      n = count();
      if (this.counts.size >= MAX_TERMS) this.counts.delete(this.counts.keys().next().value!);
      this.counts.set(term, n);
    }
    return n;
  }
}
