/**
 * A posting: everything one posting transaction appends to the ledgers, planned as plain data
 * (DESIGN §4 step 3). server/ledger's appendPosting is its only writer; preview shows it unwritten.
 * Entries carry no numbers: the append draws the transaction, register and entry numbers last.
 */
import type { IsoDate } from '../dates/calendar-date.ts';
import type { ItemPostingPlan } from '../inventory/item-posting.types.ts';
import type { CustomerApplicationPlan, CustomerUnapplyPlan } from '../receivables/application-types.ts';
import type { EntryDocument, PostingBatch } from './entries.ts';

export interface PostingFacts {
  postingDate: IsoDate;
  /** SALES, GENJNL, ITEMJNL, UNDOSHIPMNT …: where the transaction came from. */
  sourceCode: string;
  userId: string;
  /** The document every entry belongs to unless it names its own. */
  document: EntryDocument;
}

export interface Posting {
  facts: PostingFacts;
  /** G/L, VAT, customer, vendor and bank account entries; the G/L entries balance. */
  entries: PostingBatch;
  /** Item ledger entries, value entries and applications, planned by core/inventory; null = none. */
  items: ItemPostingPlan | null;
  /** Applications of open customer entries to each other (new entries of this posting included). */
  customerApplications: readonly CustomerApplicationPlan[];
  /** Applications of open vendor entries, in the same shape (customerNo = the vendor no.). Unset = none. */
  vendorApplications?: readonly CustomerApplicationPlan[];
  /** Unapplied applications (spec §20.3): reversing detailed entries, the undone ones flagged. Unset = none. */
  customerUnapplications?: readonly CustomerUnapplyPlan[];
  /** The same for vendor entries (customerLedgerEntryNo = the vendor entry no.). Unset = none. */
  vendorUnapplications?: readonly CustomerUnapplyPlan[];
}
