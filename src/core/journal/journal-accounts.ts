/**
 * What a journal posting reads besides its lines (BC's Gen. Jnl.-Check Line and Gen. Jnl.-Post
 * Line look these up one by one): the accounts the lines name, with the posting group accounts the
 * party lines post to, and the open customer entries their Applies-to Doc. No. point at. The shell
 * loads them; journalPostings stays pure. A key missing from a map means the record does not exist.
 */
import type { Decimal } from '../money/decimal.ts';
import type { ApplicableCustomerEntry, ApplicationEntry, ApplicationSetup } from '../receivables/application-types.ts';
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
  /** Application Method (spec §20.3); unset = manual. */
  applicationMethod?: 'manual' | 'applyToOldest';
  /** Block Payment Tolerance (spec §20.5); unset = false. */
  blockPaymentTolerance?: boolean;
}

export interface JournalVendor {
  no: string;
  blocked: VendorBlocked;
  postingGroup: string;
  /** The posting group's Payables Account; '' when blank. */
  payablesAccount: string;
  purchaserCode: string;
  /** Application Method; unset = manual. */
  applicationMethod?: 'manual' | 'applyToOldest';
  /** Block Payment Tolerance; unset = false. */
  blockPaymentTolerance?: boolean;
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

/** The facts of an open entry the application rules read; a loaded entry has them all, tests may leave them out. */
type OpenEntryFacts = Partial<Omit<ApplicationEntry, keyof ApplicableCustomerEntry | 'documentType' | 'documentNo'>>;

/** An open customer entry as loaded (or as left by an earlier line of the same journal). */
export interface OpenCustomerEntry extends ApplicableCustomerEntry, OpenEntryFacts {
  entryNo: number;
  newEntryIndex: null;
  documentType: JournalDocumentType | 'financeChargeMemo' | 'reminder';
  documentNo: string;
  /** Apply Entries: the Applies-to ID the entry is marked with, and its Amount to Apply (0 = all). */
  appliesToId?: string | null;
  amountToApply?: Decimal;
}

/** What applying at journal posting reads besides the entries (spec §20.3–§20.5). */
export interface JournalApplicationSetup {
  /** G/L setup, customer posting groups and currencies; amountPrecision is the local currency's. */
  setup: ApplicationSetup;
  /** The vendor posting groups' accounts, for applying vendor entries (Payables Account as receivablesAccount). */
  vendorPostingGroups?: ApplicationSetup['customerPostingGroups'];
  /** Amount Rounding Precision per currency code. */
  currencyPrecisions: ReadonlyMap<string, Decimal>;
  /** G/L Setup: Payment Tolerance % and Max. Payment Tolerance Amount, for new invoice and credit memo entries. */
  paymentTolerancePercent: Decimal;
  maxPaymentToleranceAmount: Decimal;
}

export interface JournalAccounts {
  glAccounts: ReadonlyMap<string, JournalGlAccount>;
  customers: ReadonlyMap<string, JournalCustomer>;
  vendors: ReadonlyMap<string, JournalVendor>;
  bankAccounts: ReadonlyMap<string, JournalBankAccount>;
  /**
   * The open entries the lines may apply to: those their Applies-to Doc. No. name, those marked with
   * their Applies-to ID, and every open entry of a customer who applies to oldest (others may be left out).
   */
  openCustomerEntries: readonly OpenCustomerEntry[];
  /** The same for vendor lines, in the same shape (customerNo = the vendor no., customerPostingGroup = its posting group); unset = none. */
  openVendorEntries?: readonly OpenCustomerEntry[];
  /** Unset: no tolerance, no Adjust for Payment Discount, the customers' receivables accounts only. */
  application?: JournalApplicationSetup;
}

