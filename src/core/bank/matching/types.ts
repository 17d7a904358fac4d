/**
 * What Apply Automatically (spec §22.3; BC's codeunit 1255 "Match Bank Payments") reads and returns.
 * The shell loads the statement lines, the open entries that are not applied in another journal,
 * the customers and vendors with their bank accounts, the bank account's match tolerance, the rule
 * table and the text-to-account mappings; the engine decides, for every line, what it is applied to
 * and why. Amounts are in the bank account's currency (the shell passes only entries of that
 * currency); identifiers are the database's (camelCase) values.
 */
import type { IsoDate } from '../../dates/calendar-date.ts';
import type { Decimal } from '../../money/decimal.ts';

export type PartyType = 'customer' | 'vendor';
export type LineAccountType = '' | 'glAccount' | 'customer' | 'vendor' | 'bankAccount';
export type MatchConfidence = 'none' | 'low' | 'medium' | 'high' | 'highTextToAccountMapping' | 'manual' | 'accepted';
/** What Apply Automatically itself sets. */
export type AutomaticConfidence = Exclude<MatchConfidence, 'manual' | 'accepted'>;
export type RuleConfidence = 'low' | 'medium' | 'high';

export type RelatedPartyMatched = 'fully' | 'partially' | 'no';
export type DocumentNoMatched = 'yes' | 'yesMultiple' | 'no';
export type AmountMatched = 'oneMatch' | 'multipleMatches' | 'noMatches';
export type OrNotConsidered<T extends string> = T | 'notConsidered';

export interface StatementLine {
  lineNo: number;
  transactionDate: IsoDate;
  /** Positive = money received. */
  statementAmount: Decimal;
  transactionText: string;
  additionalTransactionInfo: string;
  relatedPartyName: string;
  relatedPartyAddress: string;
  relatedPartyCity: string;
  relatedPartyBankAccountNo: string;
  paymentReferenceNo: string;
  /** 'manual' and 'accepted' lines are left as they are (BC's MatchNoOverwriteOfManualOrAccepted). */
  matchConfidence: MatchConfidence;
  /** For a 'manual' or 'accepted' line: the entries it is applied to; no other line is matched with them. */
  appliedEntryNos?: readonly number[];
}

export type OpenEntryDocumentType = '' | 'payment' | 'invoice' | 'creditMemo' | 'financeChargeMemo' | 'reminder' | 'refund';

/** An open customer or vendor ledger entry. Signs are the ledger's: customer invoice +, vendor invoice −. */
export interface OpenEntry {
  entryNo: number;
  accountType: PartyType;
  accountNo: string;
  documentType: OpenEntryDocumentType;
  documentNo: string;
  externalDocumentNo: string;
  paymentReference: string;
  postingDate: IsoDate;
  dueDate: IsoDate;
  remainingAmount: Decimal;
  remainingPaymentDiscountPossible: Decimal;
  paymentDiscountDate: IsoDate | null;
  /** Pmt. Disc. Tolerance Date: the amount comparison uses the discounted amount up to this date too (BC). */
  paymentDiscountToleranceDate?: IsoDate | null;
}

/** A customer or vendor with its bank accounts (IBANs or account numbers, as stored). */
export interface Party {
  accountType: PartyType;
  no: string;
  name: string;
  address: string;
  city: string;
  bankAccountNos: readonly string[];
}

/** The bank account's Match Tolerance Type and Value. */
export interface MatchTolerance {
  type: 'amount' | 'percentage';
  value: Decimal;
}

/** BC's Bank Pmt. Appl. Rule: a combination of criteria and the confidence and priority it gives. */
export interface PaymentApplicationRule {
  matchConfidence: RuleConfidence;
  /** 1 = best within its confidence; 1 … 999. */
  priority: number;
  relatedPartyMatched: OrNotConsidered<RelatedPartyMatched>;
  documentNoMatched: OrNotConsidered<DocumentNoMatched>;
  amountMatched: OrNotConsidered<AmountMatched>;
  reviewRequired: boolean;
}

export type MappingSourceType = 'glAccount' | 'customer' | 'vendor' | 'bankAccount';

/** BC's Text-to-Account Mapping. */
export interface TextToAccountMapping {
  mappingText: string;
  /** G/L account of money in (statement amount ≥ 0) when the source type is G/L Account. */
  debitAccountNo: string;
  /** G/L account of money out (statement amount < 0) when the source type is G/L Account. */
  creditAccountNo: string;
  balSourceType: MappingSourceType;
  balSourceNo: string;
}

/** Bank Pmt. Appl. Settings, RelatedParty Name Matching. */
export type RelatedPartyNameMatching = 'stringNearness' | 'exactMatchWithPermutations' | 'disabled';

export interface MatchingInput {
  lines: readonly StatementLine[];
  entries: readonly OpenEntry[];
  parties: readonly Party[];
  tolerance: MatchTolerance;
  /** Defaults to DEFAULT_PAYMENT_APPLICATION_RULES (spec §22.3). */
  rules?: readonly PaymentApplicationRule[];
  textMappings?: readonly TextToAccountMapping[];
  /** Defaults to 'stringNearness', as BC. */
  relatedPartyNameMatching?: RelatedPartyNameMatching;
  /** The tolerance range is rounded to it, as BC rounds it; defaults to 0.01. */
  amountRoundingPrecision?: Decimal;
}

// ---------------------------------------------------------------------------------------------
// Result

export interface RuleReference {
  matchConfidence: RuleConfidence;
  priority: number;
  /** Match Quality: (confidence + 1) × 1000 − priority, e.g. High/1 = 3999, Low/5 = 1995. */
  score: number;
  reviewRequired: boolean;
}

export interface AppliedEntry {
  entryNo: number;
  accountType: PartyType;
  accountNo: string;
  documentType: OpenEntryDocumentType;
  documentNo: string;
  externalDocumentNo: string;
  dueDate: IsoDate;
  /** Money of the statement line applied to the entry, signed like the statement amount. */
  appliedAmount: Decimal;
  /**
   * Payment discount granted on the entry, signed like the statement amount. The entry closes by
   * appliedAmount + appliedPaymentDiscount (BC's Applied Amount field holds that sum).
   */
  appliedPaymentDiscount: Decimal;
}

export type RelatedPartyBasis = 'bankAccount' | 'relatedPartyName' | 'transactionText' | 'partyUnknown' | 'nameMatchingDisabled';

export interface RelatedPartyExplanation {
  result: RelatedPartyMatched;
  /** What was compared: the statement's bank account, its related-party name, or the transaction text. */
  basis: RelatedPartyBasis;
  /**
   * String nearness 0–100 of the compared text with the party's name. Null when not computed: the
   * bank account matched, or the name shares too few 4-letter pieces with the text to reach 95.
   */
  nearness: number | null;
  partyName: string;
  /** Fully because address and city are equal too. */
  addressAndCityEqual: boolean;
  /** Fully because no other party of the type has a name containing this one (null: not checked). */
  nameUnique: boolean | null;
}

export type DocumentMatchField = 'paymentReference' | 'documentNo' | 'externalDocumentNo';

export interface DocumentNoExplanation {
  result: DocumentNoMatched;
  /** The numbers found, with the entry each belongs to. */
  found: ReadonlyArray<{ entryNo: number; field: DocumentMatchField; value: string }>;
}

export interface AmountExplanation {
  result: AmountMatched;
  minimum: Decimal;
  maximum: Decimal;
  /** The entry's remaining amount, incl. discount when in time (a one-to-many group: the total). */
  comparedAmount: Decimal;
  /** Entries of the account whose amount falls in the range. */
  entriesInRange: number;
}

export interface CriteriaExplanation {
  relatedParty: RelatedPartyExplanation;
  documentNo: DocumentNoExplanation;
  amount: AmountExplanation;
}

export interface CandidateSummary {
  /** A group's entries; one entry; or a pool's first entry. */
  entryNos: readonly number[];
  /** Entries the candidate stands for: a pool of equally good entries counts them all. */
  alternatives: number;
  accountType: PartyType;
  accountNo: string;
  rule: RuleReference;
  relatedParty: RelatedPartyMatched;
  documentNo: DocumentNoMatched;
  amount: AmountMatched;
}

export type MatchNote =
  | { kind: 'skipped'; reason: 'manualOrAccepted' | 'zeroAmount' }
  /** A better candidate's entry went to another line (the line with the better score). */
  | { kind: 'entryTakenByOtherLine'; entryNo: number; lineNos: readonly number[] }
  /** One-to-many: the statement amount was used up before this document (BC's message). */
  | { kind: 'documentNotApplied'; entryNo: number; documentNo: string }
  | { kind: 'textMappingOverridden'; mappingText: string; confidence: AutomaticConfidence }
  | { kind: 'textMappingAmbiguous'; mappingTexts: readonly string[] }
  /** So many entries fell in the amount range that related party was compared only for parties found otherwise. */
  | { kind: 'amountRangeCrowded'; entriesInRange: number };

export interface LineExplanation {
  /** The three criteria of what the line was applied to (null: nothing, or a text mapping). */
  criteria: CriteriaExplanation | null;
  /** Candidates with exactly the chosen score, the chosen one included. */
  equallyGoodEntries: number;
  /** Candidates of the chosen confidence (BC: "There are n ledger entries … with the same confidence"). */
  sameConfidenceEntries: number;
  /** The best few candidates the chosen one beat (or the best ones when nothing was applied). */
  beaten: readonly CandidateSummary[];
  textMapping: { mappingText: string; accountType: LineAccountType; accountNo: string } | null;
  notes: readonly MatchNote[];
}

export interface LineMatch {
  lineNo: number;
  /** 'manual'/'accepted' or zero lines: left untouched, nothing below applies. */
  skipped: boolean;
  accountType: LineAccountType;
  accountNo: string;
  appliedEntries: readonly AppliedEntry[];
  /** Statement money applied (Σ appliedAmount; the whole amount for a text mapping). */
  appliedAmount: Decimal;
  /** Statement amount − applied amount. */
  difference: Decimal;
  matchConfidence: MatchConfidence;
  /** The rule's score; 3000 for a text mapping; 0 when nothing matched. */
  matchQuality: number;
  rule: RuleReference | null;
  reviewRequired: boolean;
  explanation: LineExplanation;
}

/** An entry that was the best candidate of several lines, and the lines it was applied to. */
export interface ContestedEntry {
  entryNo: number;
  claims: ReadonlyArray<{ lineNo: number; score: number }>;
  appliedTo: readonly number[];
}

export interface MatchingResult {
  lines: readonly LineMatch[];
  contestedEntries: readonly ContestedEntry[];
}
