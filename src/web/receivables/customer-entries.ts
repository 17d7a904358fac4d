/**
 * Customer ledger entries as the receivables pages read them (GET /customerLedgerEntries), typed from
 * core's views; the actions on them, and on vendor entries, are in party-entries.ts.
 */
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { customerLedgerEntryView } from '../../core/posting/ledger-entry.views.ts';
import { api, withQuery } from '../api/client.ts';
import { captionOf } from '../format/captions.ts';
import { caption } from '../i18n/captions.ts';
import type { Page } from '../api/types.ts';

export type CustomerLedgerEntry = z.output<typeof customerLedgerEntryView>;

/**
 * A Document Type in the language in use: 'Invoice' is Factuur as a document type, and Factureren as
 * an action, so the Dutch of a document type is kept under the context `document` (as the sales pages keep it).
 */
export const documentTypeCaption = (documentType: string | null) => caption(captionOf(documentType || 'blank'), { context: 'document' });

/** An entry (of either party) as the dialogs name it: "Invoice 103001". */
export const describeEntry = (entry: Pick<CustomerLedgerEntry, 'documentType' | 'documentNo'>) => `${documentTypeCaption(entry.documentType)} ${entry.documentNo}`;

/**
 * The customer's open entries (BC's Applies-to Doc. No. and Apply Entries lists); `positive`
 * narrows them to invoices (true) or payments and credit memos (false).
 */
export function useOpenCustomerEntries(customerNo: string | null, enabled: boolean, positive?: boolean) {
  return useOpenPartyEntries('customer', customerNo, enabled, positive);
}

/**
 * A customer's or a vendor's open entries. Vendor entries come as the same rows: what the Applies-to
 * lookup shows and takes (document, due date, remaining amount, discount) has the same names in both ledgers.
 */
export function useOpenPartyEntries(party: 'customer' | 'vendor', no: string | null, enabled: boolean, positive?: boolean) {
  const filters = { [`${party}No`]: no ?? '', open: 'true', positive: positive === undefined ? undefined : String(positive) };
  const ledger = party === 'vendor' ? 'vendorLedgerEntries' : 'customerLedgerEntries';
  return useQuery({
    queryKey: ['entries', ledger, filters],
    queryFn: () => api.get<Page<CustomerLedgerEntry>>(withQuery(`/${ledger}`, { ...filters, limit: 1000 })),
    enabled: enabled && no !== null && no !== '',
  });
}

/** Apply Entries → Post Application: the entries to apply, each for an amount or its whole remaining amount. */
export interface ApplyRequest {
  appliedEntries: { entryNo: number; amountToApply?: string }[];
  postingDate?: string;
  acceptPaymentTolerance?: boolean;
  acceptPaymentDiscountTolerance?: boolean;
}
