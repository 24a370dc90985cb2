/** What a results button needs to run the same lookup again; kept in the store, keyed short. */
export interface PageState {
  kind: 'search' | 'latest';
  query: string;
}
