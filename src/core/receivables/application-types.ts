/**
 * What the application engine (spec §20.3–§20.5; BC's Gen. Jnl.-Post Line ApplyCustLedgEntry and
 * Payment Tolerance Management) reads and plans. The shell loads the entries, the setup and the
 * accounts; the engine plans detailed entries, G/L and VAT entries and the derived columns of every
 * entry it touches. Amounts are in each entry's own currency (the applying entry's where named so:
 * BC converts the applied entries into it), LCY where named so; signs are the ledger's (invoice +,
 * payment −).
 */
import type { IsoDate } from '../dates/calendar-date.ts';
import type { Decimal } from '../money/decimal.ts';
import type { CustomerLedgerDocumentType, EntryDocument } from '../posting/entries.ts';
import type { VatCalculationType } from '../sales/types.ts';

/** An entry as an application sees it: a loaded open entry, or one the same posting creates. */
export interface ApplicableCustomerEntry {
  /** A new entry of the posting: its index among the posting's customer entries; else null. */
  newEntryIndex: number | null;
  /** An existing entry's number; null for a new one. */
  entryNo: number | null;
  customerNo: string;
  currencyCode: string;
  amount: Decimal;
  amountLcy: Decimal;
  remainingAmount: Decimal;
  remainingAmountLcy: Decimal;
  open: boolean;
}

export type CustomerEntryRef = { newEntryIndex: number } | { entryNo: number };

/** One side of an application step: its Application detailed entry and the entry's derived columns after the step. */
export interface CustomerApplicationSide {
  entry: CustomerEntryRef;
  /** The other entry (Applied Cust. Ledger Entry No. of the detailed entry). */
  other: CustomerEntryRef;
  customerNo: string;
  currencyCode: string;
  /** The detailed entry's amounts: the change of this entry's remaining amount. */
  amount: Decimal;
  amountLcy: Decimal;
  remainingAmount: Decimal;
  remainingAmountLcy: Decimal;
  open: boolean;
  /** Set when the step closes the entry: Closed by Amount (the amount that closed it). */
  closedByAmount: Decimal | null;
  /** The other derived columns (spec §20.1); unset = unchanged. */
  remainingPaymentDiscountPossible?: Decimal;
  pmtDiscGivenLcy?: Decimal;
  acceptedPaymentTolerance?: Decimal;
  acceptedPmtDiscTolerance?: boolean;
  /** Max. Payment Tolerance after the step (BC's CalcRemainingPmtDisc caps it at the remaining amount). */
  maxPaymentTolerance?: Decimal;
  /** Max. Payment Tolerance before the step, kept on the Application detailed entry for unapply. */
  previousMaxPaymentTolerance?: Decimal;
}

/** One application step: one applied entry against the applying entry. */
export interface CustomerApplicationPlan {
  /** The applying entry's document: the Document Type / No. of the step's detailed entries. */
  documentType: string;
  documentNo: string;
  applied: CustomerApplicationSide;
  applying: CustomerApplicationSide;
  /** Tolerance, discount (with their VAT parts), application rounding and realized gain or loss, written before the Application pair. */
  adjustments?: readonly DetailedCustomerEntryDraft[];
  /** Correction of Remaining Amount, written after the Application pair (BC's CalcAmtLCYAdjustment). */
  trailing?: readonly DetailedCustomerEntryDraft[];
}

/** Entry Type of a detailed customer ledger entry (server/db/schema/type-columns.ts detailedEntryTypes). */
export type DetailedCustomerEntryType =
  | 'initialEntry' | 'application' | 'realizedLoss' | 'realizedGain'
  | 'paymentDiscount' | 'paymentDiscountVatExcl' | 'paymentDiscountVatAdjustment'
  | 'paymentDiscountTolerance' | 'paymentDiscountToleranceVatExcl' | 'paymentDiscountToleranceVatAdjustment'
  | 'paymentTolerance' | 'paymentToleranceVatExcl' | 'paymentToleranceVatAdjustment'
  | 'applicationRounding' | 'correctionOfRemainingAmount';

/**
 * The VAT of the document an entry comes from, one bucket per general × VAT posting groups, as its
 * posting wrote it (LCY, the VAT entry's sign: negative on an invoice). Adjust for Payment Discount
 * splits a discount or tolerance over these buckets (BC's CalcPmtDiscIfAdjVAT over the VAT entries
 * of the invoice's transaction); the accounts are the buckets' setup rows, '' when blank.
 */
export interface VatBucket {
  genBusPostingGroup: string;
  genProdPostingGroup: string;
  vatBusPostingGroup: string;
  vatProdPostingGroup: string;
  vatCalculationType: VatCalculationType;
  vatIdentifier: string;
  vatPercent: Decimal;
  base: Decimal;
  amount: Decimal;
  /** VAT Posting Setup: Adjust for Payment Discount. */
  adjustForPaymentDiscount: boolean;
  salesVatAccount: string;
  salesPaymentDiscountDebitAccount: string;
  salesPaymentDiscountCreditAccount: string;
  salesPaymentToleranceDebitAccount: string;
  salesPaymentToleranceCreditAccount: string;
}

/** An entry as the engine sees it: the derived columns it may change, and the facts its rules read. */
export interface ApplicationEntry extends ApplicableCustomerEntry {
  documentType: CustomerLedgerDocumentType | 'financeChargeMemo' | 'reminder';
  documentNo: string;
  postingDate: IsoDate;
  dueDate: IsoDate | null;
  /** Original Currency Factor: currency units per 1 LCY; 1 for LCY. */
  currencyFactor: Decimal;
  paymentDiscountDate: IsoDate | null;
  paymentDiscountToleranceDate: IsoDate | null;
  originalPaymentDiscountPossible: Decimal;
  remainingPaymentDiscountPossible: Decimal;
  maxPaymentTolerance: Decimal;
  pmtDiscGivenLcy: Decimal;
  acceptedPaymentTolerance: Decimal;
  acceptedPmtDiscTolerance: boolean;
  customerPostingGroup: string;
  /** The VAT of the entry's document (invoice or credit memo); [] when it posted none. */
  vatBuckets: readonly VatBucket[];
}

/** The accounts of a Customer Posting Group the engine posts to; '' = blank. */
export interface CustomerPostingGroupApplicationAccounts {
  code: string;
  receivablesAccount: string;
  paymentDiscountDebitAccount: string;
  paymentDiscountCreditAccount: string;
  paymentToleranceDebitAccount: string;
  paymentToleranceCreditAccount: string;
  /** Debit/Credit Curr. Appln. Rndg. Acc.: Appln. Rounding entries; unset = blank. */
  debitCurrencyApplicationRoundingAccount?: string;
  creditCurrencyApplicationRoundingAccount?: string;
  /** Debit/Credit Rounding Account: Correction of Remaining Amount entries; unset = blank. */
  debitRoundingAccount?: string;
  creditRoundingAccount?: string;
}

/** Sales & Receivables Setup: Appln. between Currencies. */
export type ApplicationBetweenCurrencies = 'none' | 'emu' | 'all';

/** An exchange rate from its starting date: Exchange Rate Amount units of the currency = Relational Exchange Rate Amount of LCY. */
export interface CurrencyExchangeRate {
  startingDate: IsoDate;
  exchangeRateAmount: Decimal;
  relationalExchangeRateAmount: Decimal;
}

/** What an application reads of a currency; the optional facts default to nothing set up. */
export interface ApplicationCurrency {
  realizedGainsAccount: string;
  realizedLossesAccount: string;
  amountPrecision?: Decimal;
  /** Appln. Rounding Precision; 0 or unset = the G/L setup's. */
  applicationRoundingPrecision?: Decimal;
  emuCurrency?: boolean;
  /** Payment Tolerance % and Max. Payment Tolerance Amount of entries in the currency. */
  paymentTolerancePercent?: Decimal;
  maxPaymentToleranceAmount?: Decimal;
  /** By starting date, ascending: what converts amounts between currencies (BC's ExchangeAmount). */
  exchangeRates?: readonly CurrencyExchangeRate[];
}

export type TolerancePostingAccounts = 'paymentToleranceAccounts' | 'paymentDiscountAccounts';

/**
 * Whose entries are applied. The engine reads a vendor's entries in the same shape as a customer's
 * (customerNo is the vendor no., customerPostingGroup the vendor posting group, receivablesAccount the
 * Payables Account; invoices negative, payments positive): the rules are the same (spec §20.3 read for
 * vendors, BC's ApplyVendLedgEntry mirrors ApplyCustLedgEntry); only captions and G/L sources differ.
 */
export type ApplicationParty = 'customer' | 'vendor';

/** General Ledger Setup, the accounts, and the precision of the application's currency. */
export interface ApplicationSetup {
  /** Unset = customer. */
  party?: ApplicationParty;
  adjustForPaymentDiscount: boolean;
  paymentDiscountExcludingVat: boolean;
  paymentToleranceWarning: boolean;
  paymentDiscountToleranceWarning: boolean;
  paymentTolerancePosting: TolerancePostingAccounts;
  paymentDiscountTolerancePosting: TolerancePostingAccounts;
  /** Amount Rounding Precision of the entries' currency (G/L Setup's for LCY). */
  amountPrecision: Decimal;
  /** Amount Rounding Precision of LCY. */
  lcyAmountPrecision: Decimal;
  customerPostingGroups: ReadonlyMap<string, CustomerPostingGroupApplicationAccounts>;
  /** The currencies by code (realized gains and losses accounts, precisions, exchange rates). */
  currencies: ReadonlyMap<string, ApplicationCurrency>;
  /** Sales & Receivables Setup: Appln. between Currencies; unset = none. */
  applicationBetweenCurrencies?: ApplicationBetweenCurrencies;
  /** G/L Setup: LCY Code (for messages), EMU Currency (LCY is one) and Appln. Rounding Precision. */
  lcyCode?: string;
  lcyEmuCurrency?: boolean;
  applicationRoundingPrecision?: Decimal;
}

/**
 * The user's answers to BC's two warnings, per request. Undefined with the warning on: the default
 * answer, "leave the balance as remaining amount". With the warning off the engine accepts.
 */
export interface ApplicationChoices {
  acceptPaymentTolerance?: boolean | undefined;
  acceptPaymentDiscountTolerance?: boolean | undefined;
}

/** How the applied entries were chosen: tolerance is never granted when applying to oldest (spec §20.3). */
export type ApplicationMode = 'appliesToDoc' | 'appliesToId' | 'applyToOldest';

export interface AppliedEntryRequest {
  entry: ApplicationEntry;
  /** Amount to Apply in the entry's sign; 0 = as much as possible. */
  amountToApply: Decimal;
}

export interface ApplicationRequest {
  applying: ApplicationEntry;
  /** In the order they are applied. */
  applied: readonly AppliedEntryRequest[];
  mode: ApplicationMode;
  /** The applying entry's document: Document Type / No. of every detailed entry, and of the G/L and VAT entries. */
  document: EntryDocument;
  postingDate: IsoDate;
  /** Customer: Block Payment Tolerance (no payment tolerance, no late discount). */
  blockPaymentTolerance: boolean;
  choices: ApplicationChoices;
  setup: ApplicationSetup;
}

/** A detailed entry besides the Application pair: discount, tolerance, their VAT parts, gains and losses. */
export interface DetailedCustomerEntryDraft {
  entry: CustomerEntryRef;
  /** The entry on the other side of the step (written as Applied Cust. Ledger Entry No.). */
  other: CustomerEntryRef;
  entryType: DetailedCustomerEntryType;
  customerNo: string;
  currencyCode: string;
  amount: Decimal;
  amountLcy: Decimal;
}

/** A detailed customer ledger entry as posted (what unapply reads). */
export interface PostedDetailedCustomerEntry {
  entryNo: number;
  customerLedgerEntryNo: number;
  entryType: DetailedCustomerEntryType;
  transactionNo: number;
  postingDate: IsoDate;
  documentType: string;
  documentNo: string;
  customerNo: string;
  currencyCode: string;
  amount: Decimal;
  amountLcy: Decimal;
  appliedCustomerLedgerEntryNo: number | null;
  unapplied: boolean;
  /** On an Application entry: the entry's Max. Payment Tolerance before it; unset where not recorded. */
  maxPaymentTolerance?: Decimal;
}

/** An entry's derived columns as unapply restores them (spec §20.3: the entries reopen). */
export interface CustomerEntryRestore {
  entryNo: number;
  remainingAmount: Decimal;
  remainingAmountLcy: Decimal;
  open: boolean;
  remainingPaymentDiscountPossible: Decimal;
  pmtDiscGivenLcy: Decimal;
  acceptedPaymentTolerance: Decimal;
  acceptedPmtDiscTolerance: boolean;
  /** As before the application (the earliest undone Application entry's); unset = unchanged. */
  maxPaymentTolerance?: Decimal;
}

/** One detailed entry of the unapply: the opposite of `undoes`, flagged Unapplied like it. */
export interface DetailedEntryReversal {
  undoes: number;
  customerLedgerEntryNo: number;
  entryType: DetailedCustomerEntryType;
  customerNo: string;
  currencyCode: string;
  amount: Decimal;
  amountLcy: Decimal;
  appliedCustomerLedgerEntryNo: number | null;
}

/** Unapply (spec §20.3): the reversing detailed entries and the entries' restored derived columns. */
export interface CustomerUnapplyPlan {
  documentType: string;
  documentNo: string;
  reversals: readonly DetailedEntryReversal[];
  entries: readonly CustomerEntryRestore[];
}
