/**
 * Preview Posting of a purchase document, as the sales one (sales-post.ts): the same load, checks
 * and plan as posting, then the entries as they would be appended, with provisional numbers. It
 * appends nothing and draws no number; an open document is released only in the caller's
 * transaction, which the caller rolls back.
 */
import type { EditablePurchaseDocumentType, PostedPurchaseDocumentType } from '../../core/documents/document-types.ts';
import { assertBalanced } from '../../core/posting/assert-balanced.ts';
import { completelyHandled, quantitiesAfterPosting } from '../../core/sales/posting-scope.ts';
import type { Executor } from '../db/connection.ts';
import { previewPostingRows } from '../ledger/posting-preview.ts';
import { peekNumbers, resolveNumbers } from '../posting/posting-numbers.ts';
import { handledQuantities } from '../sales/sales-line.quantities.ts';
import type { PurchaseContext } from './purchase-context.ts';
import { type LoadedPurchasePosting, loadAndCheckPurchase, type PurchasePostRequest } from './purchase-post.load.ts';
import { planPurchasePosting } from './purchase-post.plan.ts';
import { postedPurchaseDocuments } from './purchase-post.posted.ts';

export async function previewPurchasePosting(
  tx: Executor, documentType: EditablePurchaseDocumentType, no: string, request: PurchasePostRequest, context: PurchaseContext,
) {
  const loaded = await loadAndCheckPurchase(tx, documentType, no, request, context, undefined);
  const planned = await planPurchasePosting(tx, loaded, context);
  assertBalanced(planned.plan.posting.entries);
  const plan = resolveNumbers(planned.plan, await peekNumbers(tx, planned.requests, loaded.header.postingDate));
  const rows = await previewPostingRows(tx, plan.posting);
  const postedDocuments = postedPurchaseDocuments(loaded, plan, context).map(({ header }) => ({
    documentType: header.documentType as PostedPurchaseDocumentType, no: header.no, amount: header.amount ?? '0.00', amountIncludingVat: header.amountIncludingVat ?? '0.00',
  }));
  const posted: Record<PostedPurchaseDocumentType, string | null> = { receipt: null, invoice: null, creditMemo: null, returnShipment: null };
  posted[loaded.descriptor.handling.postedType] = plan.numbers.handlingNo;
  posted[loaded.descriptor.invoicing.postedType] = plan.numbers.invoicingNo;
  return {
    documentType, no,
    receiptNo: posted.receipt, invoiceNo: posted.invoice, creditMemoNo: posted.creditMemo, returnShipmentNo: posted.returnShipment,
    documentDeleted: deletedByPosting(loaded, context), postedDocuments, ...rows,
  };
}

/** Whether posting would delete the document: invoices and credit memos always, orders once every line is received and invoiced. */
function deletedByPosting(loaded: LoadedPurchasePosting, context: PurchaseContext): boolean {
  const { descriptor, document } = loaded;
  if (descriptor.postsInFull) return true;
  const posted = new Map(loaded.linePostings.map((entry) => [entry.line.lineNo, entry.posting]));
  return completelyHandled(document.lines.filter((line) => line.type !== 'comment').map((line) => {
    const fields = handledQuantities(line, descriptor.lineHandling);
    const posting = posted.get(line.lineNo);
    return posting ? quantitiesAfterPosting(descriptor, context.purchasesSetup.defaultQuantityToReceive as never, fields, posting) : fields;
  }));
}
