/**
 * The one shape every statement file is read into (spec §22.1–22.2): camt.052/053/054, MT940/MT942
 * and CSV all become a ParsedStatementFile, so import, duplicate detection and matching need not
 * know where a transaction came from. Texts are '' when the file has none (like the statement line
 * columns they fill); amounts are signed Decimals, positive = money received.
 */
import type { IsoDate } from '../../dates/calendar-date.ts';
import type { Decimal } from '../../money/decimal.ts';

export type StatementFormat = 'camt.052' | 'camt.053' | 'camt.054' | 'mt940' | 'mt942' | 'csv';

/** camt's entry status; MT940 and CSV transactions are always booked. */
export type StatementTransactionStatus = 'booked' | 'pending' | 'information';

export interface StatementBalance {
  /** Signed: negative when the account is overdrawn (DBIT / D). */
  readonly amount: Decimal;
  readonly currency: string;
  readonly date: IsoDate;
}

export interface StatementTransaction {
  /** The booking (entry) date; camt.054 entries without one take the value date, else the notification's date. */
  readonly bookingDate: IsoDate;
  readonly valueDate: IsoDate | null;
  /** Positive = money received (CRDT / C), negative = money paid (DBIT / D). */
  readonly amount: Decimal;
  readonly currency: string;
  readonly status: StatementTransactionStatus;
  /** The bank marked the entry as the reversal of an earlier one (camt RvslInd, MT940 RC/RD). */
  readonly reversal: boolean;
  /** Unstructured remittance information (what the payer wrote), joined with spaces. */
  readonly transactionText: string;
  /** Everything else the bank says about the transaction: entry info, structured remittance notes. */
  readonly additionalTransactionInfo: string;
  /** The other side: the debtor of money received, the creditor of money paid. */
  readonly relatedPartyName: string;
  readonly relatedPartyAddress: string;
  readonly relatedPartyCity: string;
  /** The other side's IBAN, or its account number when the bank gives no IBAN. */
  readonly relatedPartyBankAccountNo: string;
  /** Structured creditor reference (ISO 11649 RF…, ISR/QR reference, SCOR). */
  readonly paymentReferenceNo: string;
  /** The bank's own reference of the entry (camt AcctSvcrRef, MT940 bank reference after //). */
  readonly bankReference: string;
  readonly endToEndId: string;
  /** camt Domain/Family/SubFamily (e.g. PMNT/RCDT/ESCT) or proprietary code; MT940 type + GVC (e.g. NTRF 166). */
  readonly bankTransactionCode: string;
  /**
   * Stable key of this transaction for this account: the bank reference when there is one, else
   * account + booking date + amount + text; a repeat inside one file gets '#2', '#3'. Re-importing
   * the same or an overlapping file yields the same fingerprints.
   */
  readonly fingerprint: string;
}

export interface ParsedStatement {
  readonly format: StatementFormat;
  /** camt Stmt/Rpt/Ntfctn Id; MT940 :20: transaction reference. */
  readonly statementId: string;
  /** camt legal (else electronic) sequence number; MT940 :28C: statement number. */
  readonly statementNo: string;
  /** MT940 :28C: sequence number ('' when none). */
  readonly sequenceNo: string;
  readonly accountIban: string;
  /** The account's other identification (MT940 :25:, camt Othr/Id) when it is no IBAN. */
  readonly accountNo: string;
  /** Account currency, else the currency of the balances or of the first transaction; '' when none is given. */
  readonly currency: string;
  /** camt: creation date; MT940: closing balance date; MT942: :13D: date; CSV: last booking date. */
  readonly statementDate: IsoDate | null;
  readonly fromDate: IsoDate | null;
  readonly toDate: IsoDate | null;
  /** camt OPBD (else PRCD), MT940 :60F:/:60M:; null when the file gives none. */
  readonly openingBalance: StatementBalance | null;
  /** camt CLBD, MT940 :62F:/:62M:; null when the file gives none. */
  readonly closingBalance: StatementBalance | null;
  readonly transactions: readonly StatementTransaction[];
}

export interface ParsedStatementFile {
  readonly fileName: string;
  readonly format: StatementFormat;
  readonly statements: readonly ParsedStatement[];
}

export interface StatementParseOptions {
  /** Named in every refusal; 'statement file' when not given. */
  readonly fileName?: string;
  /** Refuse a statement whose opening balance + transactions ≠ closing balance (default true). */
  readonly checkBalances?: boolean;
}

/** A statement before fingerprints are drawn: the parsers build these, finishStatementFile completes them. */
export type StatementTransactionDraft = Omit<StatementTransaction, 'fingerprint'>;
export type ParsedStatementDraft = Omit<ParsedStatement, 'transactions'> & {
  readonly transactions: readonly StatementTransactionDraft[];
};

export const defaultFileName = 'statement file';
