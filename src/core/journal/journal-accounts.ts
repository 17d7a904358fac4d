/**
 * What a journal posting reads besides its lines (BC's Gen. Jnl.-Check Line and Gen. Jnl.-Post
 * Line look these up one by one): the accounts the lines name, with the posting group accounts the
 * party lines post to, and the open customer entries their Applies-to Doc. No. point at. The shell
 * loads them; journalPostings stays pure. A key missing from a map means the record does not exist.
 */
import type { ApplicableCustomerEntry } from '../receivables/customer-application.ts';
import type { JournalDocumentType } from './journal-line.ts';

export interface JournalGlAccount {
  no: string;
  /** Only `posting` accounts take entries (heading, total, begin/end-total do not). */
  accountType: string;
  blocked: boolean;
  directPosting: boolean;
}

export type CustomerBlocked = 'none' | 'ship' | 'invoice' | 'all';
export type VendorBlocked = 'none' | 'payment' | 'all';

export interface JournalCustomer {
  no: string;
  blocked: CustomerBlocked;
  /** Customer Posting Group; '' when the customer has none. */
  postingGroup: string;
  /** The posting group's Receivables Account; '' when blank. */
  receivablesAccount: string;
  salespersonCode: string;
}

export interface JournalVendor {
  no: string;
  blocked: VendorBlocked;
  postingGroup: string;
  /** The posting group's Payables Account; '' when blank. */
  payablesAccount: string;
  purchaserCode: string;
}

export interface JournalBankAccount {
  no: string;
  blocked: boolean;
  /** '' = LCY. A bank account in a currency takes lines in that currency only. */
  currencyCode: string;
  postingGroup: string;
  /** The bank account posting group's G/L account; '' when blank. */
  glAccountNo: string;
}

/** An open customer entry as loaded (or as left by an earlier line of the same journal). */
export interface OpenCustomerEntry extends ApplicableCustomerEntry {
  entryNo: number;
  newEntryIndex: null;
  documentType: JournalDocumentType | 'financeChargeMemo' | 'reminder';
  documentNo: string;
}

export interface JournalAccounts {
  glAccounts: ReadonlyMap<string, JournalGlAccount>;
  customers: ReadonlyMap<string, JournalCustomer>;
  vendors: ReadonlyMap<string, JournalVendor>;
  bankAccounts: ReadonlyMap<string, JournalBankAccount>;
  /** The open entries the lines' Applies-to Doc. No. name (other entries may be left out). */
  openCustomerEntries: readonly OpenCustomerEntry[];
}

