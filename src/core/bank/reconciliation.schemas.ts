import { z } from 'zod';
import { amount, code, codeReference, integerField, isoDate, text } from '../master-data/fields.ts';

/** What a payment reconciliation line may be posted to (BC's Account Type of the line). */
export const reconciliationAccountTypes = ['glAccount', 'customer', 'vendor', 'bankAccount'] as const;
export type ReconciliationAccountType = (typeof reconciliationAccountTypes)[number];

/** A new payment reconciliation journal (BC: New on the Payment Reconciliation Journals page). */
export const reconciliationCreate = z.strictObject({
  statementNo: code().optional().describe("Left out: the next no. after the bank account's Last Payment Statement No."),
  statementDate: isoDate().optional(),
  statementEndingBalance: amount().optional(),
});
export type ReconciliationCreateInput = z.output<typeof reconciliationCreate>;

export const reconciliationUpdate = z.strictObject({
  statementDate: isoDate().nullable().optional(),
  statementEndingBalance: amount().optional(),
});
export type ReconciliationUpdateInput = z.output<typeof reconciliationUpdate>;

const statementLineFields = {
  transactionDate: isoDate(),
  valueDate: isoDate().nullable(),
  description: text(100),
  transactionText: text(140),
  additionalTransactionInfo: text(500),
  statementAmount: amount().describe('Positive = money received, negative = money paid out.'),
  relatedPartyName: text(100),
  relatedPartyAddress: text(100),
  relatedPartyCity: text(50),
  relatedPartyBankAccountNo: text(50),
  paymentReferenceNo: text(50),
  transactionId: text(50),
};

/** A line typed by hand (imported lines come from the statement file). */
export const reconciliationLineCreate = z.strictObject({
  statementLineNo: integerField({ min: 1 }).describe('Left out: 10000 after the last line.'),
  ...statementLineFields,
}).partial().required({ transactionDate: true, statementAmount: true });
export type ReconciliationLineCreateInput = z.output<typeof reconciliationLineCreate>;

export const reconciliationLineUpdate = z.strictObject({
  ...statementLineFields,
  accountType: z.enum(reconciliationAccountTypes).nullable().describe('Set by hand: the line posts to this account (on account, no entry applied).'),
  accountNo: codeReference(),
}).partial();
export type ReconciliationLineUpdateInput = z.output<typeof reconciliationLineUpdate>;

/** Apply Manually: the open entries of one account the line pays, each for an amount (left out: what the line still has, up to the entry). */
export const applyManually = z.strictObject({
  accountType: z.enum(['customer']).default('customer'),
  accountNo: code(),
  entries: z.array(z.strictObject({
    entryNo: integerField({ min: 1 }),
    appliedAmount: amount().optional().describe('Money-in positive, like the statement amount; includes the payment discount granted.'),
  })).max(1000),
});
export type ApplyManuallyInput = z.output<typeof applyManually>;

/** Transfer Difference to Account: the line's difference posts to an account; a line partly applied is split. */
export const transferDifference = z.strictObject({
  accountType: z.enum(reconciliationAccountTypes),
  accountNo: code(),
  description: text(100).optional().describe("Left out: the line's transaction text."),
});
export type TransferDifferenceInput = z.output<typeof transferDifference>;

export const reconciliationPost = z.strictObject({
  reconcile: z.boolean().default(true).describe(
    'true = Post Payments and Reconcile Bank Account (the bank entries are closed as reconciled and the statement ending balance must match); '
    + 'false = Post Payments Only.'),
  acceptPaymentTolerance: z.boolean().optional(),
  acceptPaymentDiscountTolerance: z.boolean().optional(),
}).nullish();
export type ReconciliationPostInput = Partial<NonNullable<z.output<typeof reconciliationPost>>>;

/** A statement file sent as JSON (the web and scripts), the multipart upload's alternative. */
export const statementImport = z.strictObject({
  fileName: text(255).min(1),
  content: z.string().min(1).max(50_000_000).describe('The file as text (XML, MT940 or CSV), or base64 with encoding "base64".'),
  encoding: z.enum(['utf8', 'base64']).default('utf8'),
  applyAutomatically: z.boolean().default(true),
});
export type StatementImportInput = z.output<typeof statementImport>;
