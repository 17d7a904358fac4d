import { documentKindList } from '../sales/document-kinds.ts';

/** The left navigation: every page of the app is reachable from here. */
export const navigationEntries: ReadonlyArray<{ label: string; to: string }> = [
  { label: 'Home', to: '/' },
  { label: 'Customers', to: '/customers' },
  { label: 'Items', to: '/items' },
  ...documentKindList.map((kind) => ({ label: kind.plural, to: `/sales/${kind.path}` })),
];
