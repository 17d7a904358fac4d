/** Where a number field looks its records up, and how it shows them (components/record-lookup.tsx). Free of React: specs read outside the browser build use it too. */
export interface LookupSource<T> {
  path: string;
  filters?: Record<string, string>;
  keyOf: (record: T) => string;
  describe: (record: T) => string;
}
