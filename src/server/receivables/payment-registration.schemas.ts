/** Register Customer Payments: the document list's query and the post request (payment-registration.ts). */
import { z } from 'zod';
import { amount, code, integerField, isoDate } from '../../core/master-data/fields.ts';
import { journalAccountTypes } from '../../core/journal/journal-line.ts';

export const paymentRegistrationQuery = z.object({
  customerNo: code().optional(),
  search: z.string().max(50).optional().describe('A fragment of the document no. or external document no., or an amount (± amountTolerancePercent).'),
  amountTolerancePercent: z.coerce.number().min(0).max(100).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
export type PaymentRegistrationQuery = z.output<typeof paymentRegistrationQuery>;

export const paymentRegistrationDocument = z.object({
  entryNo: z.number().int(), customerNo: z.string(), customerName: z.string(), documentType: z.string(), documentNo: z.string(),
  externalDocumentNo: z.string(), postingDate: z.string(), dueDate: z.string().nullable(), paymentDiscountDate: z.string().nullable(),
  currencyCode: z.string(), remainingAmount: z.string(), remainingPaymentDiscountPossible: z.string(),
  amountAfterDiscount: z.string().describe('What settles the document if paid on the work date: the remaining amount less the discount still possible.'),
  overdue: z.boolean(),
});

export const paymentRegistrationPost = z.strictObject({
  lines: z.array(z.strictObject({
    entryNo: integerField({ min: 1 }).describe('The open customer ledger entry of the document paid.'),
    amountReceived: amount().optional().describe('Left out: the amount after discount on the date received.'),
    dateReceived: isoDate().optional().describe('Left out: the work date.'),
  })).min(1, 'must hold at least one paid document').max(10_000),
  lumpPayment: z.boolean().default(false).describe('Post as Lump Payment: one payment per customer, currency and date for all its documents.'),
  balAccountType: z.enum(journalAccountTypes).optional().describe("Left out: the cash receipts batch's balancing account."),
  balAccountNo: code().optional(),
  acceptPaymentTolerance: z.boolean().optional(),
  acceptPaymentDiscountTolerance: z.boolean().optional(),
});
export type PaymentRegistrationInput = z.output<typeof paymentRegistrationPost>;

export const paymentRegistrationResult = z.object({
  transactions: z.array(z.object({
    transactionNo: z.number().int(), documentNo: z.string(), postingDate: z.string(), customerNo: z.string(), amount: z.string(),
  })),
});
