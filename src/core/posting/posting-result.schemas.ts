import { z } from 'zod';
import { decimalText } from '../api/wire.schemas.ts';
import { postableSalesDocumentTypes, postedSalesDocumentTypes } from '../documents/document-types.ts';
import { salesDocumentView } from '../sales/sales-document.views.ts';
import { ledgerEntryViews } from './ledger-entry.views.ts';

/**
 * Posting a sales document over the API and what it answers: the request of Post and Preview, the
 * posting result, the preview's entries, and the posting's companions (Cancel / Correct, Undo
 * Shipment, Combine Shipments). Decimals are strings, dates YYYY-MM-DD.
 */

/**
 * The body of POST …/{no}/post and …/preview (the server also takes no body). An invoice or credit
 * memo posts everything; an order sent none of the three ships and invoices.
 */
export const postRequest = z.strictObject({
  ship: z.boolean().optional().describe('Orders: post the shipment (Qty. to Ship of every line).'),
  receive: z.boolean().optional().describe('Return orders: post the return receipt (Return Qty. to Receive).'),
  invoice: z.boolean().optional().describe('Post the invoice (credit memo) of Qty. to Invoice.'),
});

/** The numbers a posting drew; null where it did not post that document. */
export const postedNumbersView = z.object({
  shipmentNo: z.string().nullable(),
  invoiceNo: z.string().nullable(),
  creditMemoNo: z.string().nullable(),
  returnReceiptNo: z.string().nullable(),
});

const postingOutcome = z.object({
  documentType: z.enum(postableSalesDocumentTypes),
  no: z.string(),
  transactionNo: z.number().int(),
  ...postedNumbersView.shape,
  /** Invoices and credit memos always, orders and return orders when completely handled (spec §7.8). */
  documentDeleted: z.boolean(),
});

export const postingResultView = postingOutcome.extend({
  /** What is left of the document, or null when posting completed (and deleted) it. */
  document: salesDocumentView.nullable(),
});

/** A posted document a preview would create, with its totals (0 on shipments and receipts). */
export const previewPostedDocumentView = z.object({
  documentType: z.enum(postedSalesDocumentTypes),
  no: z.string(),
  amount: decimalText(),
  amountIncludingVat: decimalText(),
});

/** Preview Posting: what posting would write, ledger by ledger, as written; nothing is kept. */
export const postingPreviewView = postingOutcome.extend({
  postedDocuments: z.array(previewPostedDocumentView),
  glEntries: z.array(ledgerEntryViews.glEntries),
  vatEntries: z.array(ledgerEntryViews.vatEntries),
  customerLedgerEntries: z.array(ledgerEntryViews.customerLedgerEntries),
  detailedCustomerLedgerEntries: z.array(ledgerEntryViews.detailedCustomerLedgerEntries),
  itemLedgerEntries: z.array(ledgerEntryViews.itemLedgerEntries),
  valueEntries: z.array(ledgerEntryViews.valueEntries),
  itemApplicationEntries: z.array(ledgerEntryViews.itemApplicationEntries),
});

/** Cancel, Correct and Create Corrective Credit Memo of a posted invoice (spec §18.3–18.5); with `{ dryRun: true }`, what it would do. */
export const correctionResultView = z.object({
  action: z.enum(['cancel', 'correct', 'createCorrectiveCreditMemo']),
  /** True when nothing was done: the answer says what the action would do. */
  dryRun: z.boolean(),
  invoiceNo: z.string(),
  origin: z.enum(['invoice', 'order', 'deletedOrder', 'severalOrders'])
    .describe('Where the invoice\'s lines came from: a sales invoice, one order (still there), an order since deleted, several orders'),
  orderNos: z.array(z.string()).describe('The orders the invoice billed that still exist; Cancel and Correct give their lines the quantities back'),
  nextStep: z.enum(['editNewInvoice', 'correctOrder', 'correctOrders', 'copyDocument', 'editCreditMemo', 'none']),
  message: z.string().describe('What the action does (dry run) or did'),
  /** The (unposted) credit memo made; Cancel and Correct post it at once. */
  creditMemoNo: z.string().nullable(),
  postedCreditMemoNo: z.string().nullable(),
  newInvoiceNo: z.string().nullable().describe('Correct of an invoice not from an order: the new invoice to fix and post'),
});

/** Undo Shipment (spec §7.10): the correction lines' transaction and the shipment lines undone. */
export const undoShipmentResultView = z.object({
  shipmentNo: z.string(),
  orderNo: z.string(),
  transactionNo: z.number().int(),
  undoneLines: z.array(z.number().int()),
});

/** The result of a Combine Shipments job (spec §13.2). */
export const combineShipmentsResultView = z.object({
  invoicesCreated: z.number().int(),
  invoicesPosted: z.number().int(),
  /** The sales invoices made (posting deletes them). */
  invoiceNos: z.array(z.string()),
  postedInvoiceNos: z.array(z.string()),
  /** Customers left out because they are blocked. */
  skippedBlocked: z.number().int(),
  /** Shipments the job was asked to invoice and did not, each with the reason. */
  skipped: z.array(z.object({ shipmentNo: z.string(), customerNo: z.string(), code: z.string(), message: z.string() })),
  /** Invoices created but not posted, each with the reason; they wait, open, for the user. */
  errors: z.array(z.object({ invoiceNo: z.string(), code: z.string(), message: z.string() })),
});
