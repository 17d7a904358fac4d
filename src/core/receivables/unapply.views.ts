/**
 * Unapply over the API (POST /api/v1/customerLedgerEntries/{entryNo}/unapply and …/unapply/preview):
 * the request, what the unapply answers, and what its preview answers. Read by server and web.
 */
import { z } from 'zod';
import { isoDate } from '../master-data/fields.ts';
import { detailedCustomerLedgerEntryView, glEntryView, vatEntryView } from '../posting/ledger-entry.views.ts';

export const unapplyRequest = z.strictObject({
  postingDate: isoDate().optional().describe("Left out: the application's posting date. Must be allowed and not before it."),
}).nullish();

export const unappliedView = z.object({
  transactionNo: z.number().int().describe('The new transaction (source code UNAPPSALES).'),
  postingDate: z.string(),
  documentNo: z.string(),
  unappliedTransactionNo: z.number().int().describe('The application transaction whose detailed entries were undone.'),
  customerLedgerEntries: z.array(z.object({
    entryNo: z.number().int(), remainingAmount: z.string(), remainingAmountLcy: z.string(), open: z.boolean(),
  })).describe('The entries the application touched, as the unapply leaves them.'),
});
export type UnappliedEntries = z.output<typeof unappliedView>;

/** Preview: the rows the unapply would write, numbered provisionally, and the entries as it would leave them; nothing is kept. */
export const unapplyPreviewView = unappliedView.extend({
  transactionNo: z.number().int().describe('Provisional: the transaction the unapply would make.'),
  glEntries: z.array(glEntryView),
  vatEntries: z.array(vatEntryView),
  detailedCustomerLedgerEntries: z.array(detailedCustomerLedgerEntryView).describe('The opposite detailed entries it would write, flagged Unapplied.'),
});
export type UnapplyPreview = z.output<typeof unapplyPreviewView>;
