/**
 * Customer ledger entries as the receivables pages read and act on them (GET /customerLedgerEntries,
 * POST /customerLedgerEntries/{entryNo}/apply, /unapply, /unapply/preview, /reverse), typed from core's views.
 */
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { customerLedgerEntryView } from '../../core/posting/ledger-entry.views.ts';
import type { UnapplyPreview } from '../../core/receivables/unapply.views.ts';
import { api, withQuery } from '../api/client.ts';
import { captionOf } from '../format/captions.ts';
import type { LedgerEntry } from '../api/posting-types.ts';
import type { Page } from '../api/types.ts';

export type CustomerLedgerEntry = z.output<typeof customerLedgerEntryView>;

/** An entry as the dialogs name it: "Invoice 103001". */
export const describeEntry = (entry: CustomerLedgerEntry) => `${captionOf(entry.documentType || 'blank')} ${entry.documentNo}`;

/** A row of the generic ledger list is a customer ledger entry when it lists that ledger. */
export const asCustomerEntry = (entry: LedgerEntry) => entry as unknown as CustomerLedgerEntry;

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

/** What Post Application answers (src/server/receivables/apply-entries.routes.ts). */
export interface ApplicationResult { transactionNo: number; postingDate: string; documentNo: string; customerLedgerEntries: { entryNo: number; remainingAmount: string; open: boolean }[] }

/** What Unapply answers (src/server/receivables/unapply.routes.ts). */
export interface UnapplyResult { transactionNo: number; postingDate: string; documentNo: string; unappliedTransactionNo: number }

/** What Reverse Transaction answers (src/server/ledger/reverse.routes.ts). */
export interface ReversalResult { transactionNo: number; reversedByTransactionNo: number }

const entryPath = (entryNo: number, action: string) => `/customerLedgerEntries/${entryNo}/${action}`;

export const customerEntryActions = {
  apply: (entryNo: number, request: ApplyRequest) => api.post<ApplicationResult>(entryPath(entryNo, 'apply'), request),
  unapply: (entryNo: number, postingDate: string | null) => api.post<UnapplyResult>(entryPath(entryNo, 'unapply'), postingDate ? { postingDate } : {}),
  previewUnapply: (entryNo: number, postingDate: string | null) => api.post<UnapplyPreview>(entryPath(entryNo, 'unapply/preview'), postingDate ? { postingDate } : {}),
  reverse: (entryNo: number) => api.post<ReversalResult>(entryPath(entryNo, 'reverse'), {}),
};
