/**
 * The customer and the vendor ledger as the entry actions see them (Apply Entries, Unapply, Reverse,
 * Detailed Entries): one set of dialogs, told which ledger they act on. Vendor entries name their
 * document, dates, amounts, open and sign as customer entries do; the party's no., the API paths and
 * what the server offers differ (vendor entries have no Preview Unapply and no Reverse Transaction).
 */
import type { z } from 'zod';
import type { vendorLedgerEntryView } from '../../core/posting/ledger-entry.views.ts';
import type { UnapplyPreview } from '../../core/receivables/unapply.views.ts';
import { api } from '../api/client.ts';
import type { LedgerEntry, LedgerName } from '../api/posting-types.ts';
import type { EntryColumn } from '../ledgers/ledger-specs.ts';
import type { ApplyRequest, CustomerLedgerEntry } from './customer-entries.ts';

export type VendorLedgerEntry = z.output<typeof vendorLedgerEntryView>;
export type PartyLedgerEntry = CustomerLedgerEntry | VendorLedgerEntry;
export type EntryParty = 'customer' | 'vendor';

export interface PartyLedger {
  party: EntryParty;
  /** The ledger's API resource; its Post Application answers the entries it touched under the same name. */
  name: 'customerLedgerEntries' | 'vendorLedgerEntries';
  /** As BC's captions name the party: Apply Customer Entries, Unapply Vendor Entries. */
  caption: 'Customer' | 'Vendor';
  /** Its detailed entries: the ledger, the field naming the entry, and the column naming the entry each application met. */
  detailed: { name: 'detailedCustomerLedgerEntries' | 'detailedVendorLedgerEntries'; entryNoField: string; appliedColumn: EntryColumn };
  /** Preview Unapply and Reverse Transaction: the API has them for customer entries only. */
  previewsUnapply: boolean;
  reverses: boolean;
}

export const partyLedgers: Readonly<Record<EntryParty, PartyLedger>> = {
  customer: {
    party: 'customer', name: 'customerLedgerEntries', caption: 'Customer', previewsUnapply: true, reverses: true,
    detailed: {
      name: 'detailedCustomerLedgerEntries', entryNoField: 'customerLedgerEntryNo',
      appliedColumn: { field: 'appliedCustomerLedgerEntryNo', label: 'Applied Cust. Ledger Entry No.', kind: 'integer' },
    },
  },
  vendor: {
    party: 'vendor', name: 'vendorLedgerEntries', caption: 'Vendor', previewsUnapply: false, reverses: false,
    detailed: {
      name: 'detailedVendorLedgerEntries', entryNoField: 'vendorLedgerEntryNo',
      appliedColumn: { field: 'appliedVendorLedgerEntryNo', label: 'Applied Vend. Ledger Entry No.', kind: 'integer' },
    },
  },
};

/** The party ledger a ledger list shows, if it is one; the other ledgers are only read. */
export function partyLedgerOf(name: LedgerName): PartyLedger | undefined {
  return Object.values(partyLedgers).find((ledger) => ledger.name === name);
}

/** A row of the generic ledger list is an entry of the party ledger it lists. */
export const asPartyEntry = (entry: LedgerEntry) => entry as unknown as PartyLedgerEntry;

/** The customer's (vendor's) no. of an entry. */
export const partyNoOf = (entry: PartyLedgerEntry) => ('vendorNo' in entry ? entry.vendorNo : entry.customerNo);

interface EntryAfterApplication { entryNo: number; remainingAmount: string; open: boolean }

/** What Post Application answers (server receivables/apply-entries.routes.ts, payables/vendor-apply-entries.routes.ts). */
export type ApplicationResult = { transactionNo: number; postingDate: string; documentNo: string } & Partial<Record<PartyLedger['name'], EntryAfterApplication[]>>;

/** What Unapply answers (src/server/receivables/unapply.routes.ts, the vendor one likewise). */
export interface UnapplyResult { transactionNo: number; postingDate: string; documentNo: string; unappliedTransactionNo: number }

/** What Reverse Transaction answers (src/server/ledger/reverse.routes.ts). */
export interface ReversalResult { transactionNo: number; reversedByTransactionNo: number }

/** POST /{ledger}/{entryNo}/apply, /unapply, /unapply/preview (customers only), /reverse (customers only). */
export function entryActionsOf(ledger: PartyLedger) {
  const path = (entryNo: number, action: string) => `/${ledger.name}/${entryNo}/${action}`;
  const dated = (postingDate: string | null) => (postingDate ? { postingDate } : {});
  return {
    apply: (entryNo: number, request: ApplyRequest) => api.post<ApplicationResult>(path(entryNo, 'apply'), request),
    unapply: (entryNo: number, postingDate: string | null) => api.post<UnapplyResult>(path(entryNo, 'unapply'), dated(postingDate)),
    previewUnapply: (entryNo: number, postingDate: string | null) => api.post<UnapplyPreview>(path(entryNo, 'unapply/preview'), dated(postingDate)),
    reverse: (entryNo: number) => api.post<ReversalResult>(path(entryNo, 'reverse'), {}),
  };
}
