import type { Customer } from '../api/types.ts';
import type { LookupSource } from './lookup-source.ts';

export const customerLookup: LookupSource<Customer> = { path: '/customers', keyOf: (record) => record.no, describe: (record) => `${record.name} · ${record.city}` };

/** A warehouse the goods ship from. */
export const locationLookup: LookupSource<{ code: string; name: string }> = { path: '/locations', keyOf: (record) => record.code, describe: (record) => record.name };

/** A sales order line's Purchasing Code: drop shipment or special order. */
export const purchasingLookup: LookupSource<{ code: string; description: string }> = {
  path: '/purchasingCodes', keyOf: (record) => record.code, describe: (record) => record.description,
};

/** An item or a G/L account: what a sales line's No. refers to. */
interface LineRecord { no: string; description?: string; name?: string }

/** What a line's No. looks up, by line type; sales lines take posting accounts that allow direct posting. */
export const lineNoLookups: Readonly<Record<'item' | 'glAccount', LookupSource<LineRecord>>> = {
  item: { path: '/items', keyOf: (record) => record.no, describe: (record) => record.description ?? '' },
  glAccount: { path: '/glAccounts', filters: { accountType: 'posting', directPosting: 'true' }, keyOf: (record) => record.no, describe: (record) => record.name ?? '' },
};

/** A vendor's item we do not keep (BC Nonstock Item): a sales line made from it makes the item the first time. */
export const catalogItemLookup: LookupSource<{ entryNo: string; vendorItemNo: string; description: string }> = {
  path: '/catalogItems', keyOf: (record) => record.entryNo, describe: (record) => `${record.vendorItemNo} · ${record.description}`,
};

/** A posting account of a setup (direct posting or not: receivables and the like are closed to it). */
export const postingAccountLookup: LookupSource<{ no: string; name: string }> = {
  path: '/glAccounts', filters: { accountType: 'posting' }, keyOf: (record) => record.no, describe: (record) => record.name,
};
