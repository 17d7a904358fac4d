import type { SalesDocumentListItem } from '../api/types.ts';
import type { LookupSource } from '../components/record-lookup.tsx';

/** The vendor a purchase document is bought from. */
export const vendorLookup: LookupSource<{ no: string; name: string; city: string }> = {
  path: '/vendors', keyOf: (record) => record.no, describe: (record) => `${record.name} · ${record.city}`,
};

/** The currency of a document's amounts; blank is the local currency. */
export const currencyLookup: LookupSource<{ code: string; description: string }> = {
  path: '/currencies', keyOf: (record) => record.code, describe: (record) => record.description,
};

/** A sales order whose drop-shipment (special-order) lines a purchase is got from (Get Sales Orders). */
export const salesOrderLookup: LookupSource<SalesDocumentListItem> = { path: '/salesOrders', keyOf: (record) => record.no, describe: (record) => record.sellToName };
