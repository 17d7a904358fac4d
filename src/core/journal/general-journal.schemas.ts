import { z } from 'zod';
import { amount, code, codeReference, exchangeRateAmount, isoDate, optionalIsoDate, percent, text } from '../master-data/fields.ts';
import { journalAccountTypes, journalDocumentTypes } from './journal-line.ts';

/**
 * A general journal line as the API and the web send it (BC's Gen. Journal Line, spec §20.2): amounts
 * as decimal strings, debit positive and credit negative. Only the format is checked here; the rules
 * (amount not 0, balancing account, accounts that may be posted to, the batch balancing) are
 * core/journal's, so they answer with their own codes.
 */
export const generalJournalLine = z.strictObject({
  postingDate: isoDate(),
  documentType: z.enum(journalDocumentTypes).optional().describe("BC's Document Type; blank ('') when left out."),
  documentNo: code(),
  externalDocumentNo: text(35).optional(),
  documentDate: optionalIsoDate().optional().describe('Defaults to the posting date.'),
  accountType: z.enum(journalAccountTypes),
  accountNo: code(),
  description: text(100).optional(),
  currencyCode: codeReference(10).optional().describe('Blank or left out: local currency.'),
  currencyFactor: exchangeRateAmount().optional()
    .describe('Units of the currency per 1 LCY; left out: from the exchange rate valid on the posting date.'),
  amount: amount().describe('In the line\'s currency: debit positive, credit negative (a received payment on a customer line is negative).'),
  amountLcy: amount().optional().describe('Left out: Amount / Currency Factor, rounded to the local currency.'),
  balAccountType: z.enum(journalAccountTypes).optional(),
  balAccountNo: code().optional(),
  appliesToDocType: z.enum(journalDocumentTypes).optional(),
  appliesToDocNo: code().optional().describe("Apply the line's customer entry to the open entry of this document."),
  appliesToId: code(50).optional().describe("Apply the line's customer entry to the open entries marked with this Applies-to ID (Apply Entries), each for its Amount to Apply."),
  dueDate: isoDate().optional(),
  paymentDiscountDate: isoDate().optional(),
  paymentDiscountPercent: percent().optional(),
});
export type GeneralJournalLineInput = z.output<typeof generalJournalLine>;

export const generalJournalPost = z.strictObject({
  lines: z.array(generalJournalLine).min(1, 'must hold at least one line').max(10_000),
  acceptPaymentTolerance: z.boolean().optional().describe(
    "BC's Payment Tolerance Warning answer for every application of the request: true posts a difference within the entries' "
    + 'Max. Payment Tolerance as payment tolerance and closes them; false or left out leaves it as remaining amount. '
    + 'The posting is never refused for want of an answer. With the warning off in the G/L setup, tolerance is posted whatever is sent.',
  ),
  acceptPaymentDiscountTolerance: z.boolean().optional().describe(
    "BC's Payment Discount Tolerance Warning answer: true grants the discount of a payment posted after the Pmt. Discount Date but "
    + 'on or before the Pmt. Disc. Tolerance Date; false or left out leaves the discount as remaining amount. With the warning off it is granted.',
  ),
});
export type GeneralJournalPostInput = z.output<typeof generalJournalPost>;
