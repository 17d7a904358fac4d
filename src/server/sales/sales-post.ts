/**
 * Posting a sales document (spec §7.3–7.8, §13.1, §17.3, §23): orders (Ship / Invoice / both),
 * invoices, credit memos and return orders (Receive / Invoice / both), as named steps in one
 * transaction (DESIGN §4): load and check, plan, assert, finish the source, draw numbers, then
 * append and write the posted documents in one statement. Any failure leaves nothing written and
 * consumes no document number.
 *
 * The number of SQL statements does not depend on the number of lines: lines are loaded, written
 * and updated in sets (issue 4's benchmark).
 */
import type { PostedSalesDocumentType } from '../../core/documents/document-types.ts';
import { assertBalanced } from '../../core/posting/assert-balanced.ts';
import type { Executor } from '../db/connection.ts';
import { previewPostingRows } from '../ledger/posting-preview.ts';
import { peekNumbers, resolveNumbers } from '../posting/posting-numbers.ts';
import { appendPlannedPosting, combineLinked } from '../posting/append-planned-posting.ts';
import type { SalesContext } from './sales-context.ts';
import { documentAfterPosting, finishSource } from './sales-post.finish.ts';
import { type LoadedSalesPosting, loadAndCheck } from './sales-post.load.ts';
import { planSalesPosting } from './sales-post.plan.ts';
import { writeWithPostedDocuments } from './sales-post.posted.ts';
import type { PostableDocumentType, PostingNumbers, PostingResult, PostRequest } from './sales-post.types.ts';
import { entryOfLines } from './sales-post.items.ts';
import { queuePostedPurchaseDocuments } from '../purchases/posted-purchase-document.writer.ts';
import { postedApprovalLinks } from '../approvals/posted-approval-requests.ts';

export type { PostableDocumentType, PostingResult, PostRequest } from './sales-post.types.ts';

export async function postSalesDocument(
  tx: Executor, documentType: PostableDocumentType, no: string, request: PostRequest, context: SalesContext,
  options: { expectedVersion?: number } = {},
): Promise<PostingResult> {
  const loaded = await loadAndCheck(tx, documentType, no, request, context, options.expectedVersion);
  const planned = await planSalesPosting(tx, loaded, context);
  assertBalanced(planned.plan.posting.entries);
  const source = await finishSource(tx, loaded, planned.plan, context);
  const { dropShipments, assembly } = planned;
  const postingDate = loaded.header.postingDate;
  const { plan, appended } = await appendPlannedPosting(tx, planned, postingDate, source.sourceWrite, combineLinked<typeof planned.plan>([
    dropShipments && {
      finish: dropShipments.finish,
      queue: (pending, numbers, resolved) => queuePostedPurchaseDocuments(pending, resolveNumbers(dropShipments.postedReceipts(
        entryOfLines(resolved.posting.items), postingDate, { description: resolved.posting.facts.document.description, userId: context.username },
      ), numbers), null),
    },
    assembly && {
      finish: assembly.finish,
      queue: (pending, numbers, resolved) => assembly.queue(pending, numbers, resolved.posting.items!, { postingDate, userId: context.username, shipmentNo: resolved.numbers.handlingNo! }),
    },
  ]));
  // Spec §19.6: the approval history follows the document to the posted documents (one INSERT … SELECT, in the same statement).
  appended.alsoWrite(postedApprovalLinks(loaded.header, [plan.handling, plan.invoicing].flatMap((document) => (document ? [document.header] : []))));
  await writeWithPostedDocuments(appended, plan);
  return resultOf(loaded, plan.numbers, appended.transactionNo, source.deleted);
}

/**
 * Preview Posting: the same load, checks and plan, then the entries as they would be appended, with
 * provisional numbers. Appends nothing and draws no number; an open document is released only in
 * the caller's transaction, which the caller rolls back.
 */
export async function previewSalesPosting(
  tx: Executor, documentType: PostableDocumentType, no: string, request: PostRequest, context: SalesContext,
) {
  const loaded = await loadAndCheck(tx, documentType, no, request, context, undefined);
  const planned = await planSalesPosting(tx, loaded, context);
  assertBalanced(planned.plan.posting.entries);
  const plan = resolveNumbers(planned.plan, await peekNumbers(tx, planned.requests, loaded.header.postingDate));
  const rows = await previewPostingRows(tx, plan.posting);
  const postedDocuments = [plan.handling, plan.invoicing].flatMap((document) => (document ? [{
    documentType: document.header.documentType, no: document.header.no, amount: document.header.amount ?? '0.00', amountIncludingVat: document.header.amountIncludingVat ?? '0.00',
  }] : [])).sort((a, b) => a.documentType.localeCompare(b.documentType));
  return { ...resultOf(loaded, plan.numbers, rows.transactionNo, documentAfterPosting(loaded, context).deleted), postedDocuments, ...rows };
}

/** The API names each posted number by its document: the descriptor says which of the four the handling and invoicing numbers are. */
function resultOf(loaded: LoadedSalesPosting, numbers: PostingNumbers, transactionNo: number, documentDeleted: boolean): PostingResult {
  const posted: Record<PostedSalesDocumentType, string | null> = { shipment: null, invoice: null, creditMemo: null, returnReceipt: null };
  posted[loaded.descriptor.handling.postedType] = numbers.handlingNo;
  posted[loaded.descriptor.invoicing.postedType] = numbers.invoicingNo;
  return {
    documentType: loaded.documentType, no: loaded.no, transactionNo,
    shipmentNo: posted.shipment, invoiceNo: posted.invoice, creditMemoNo: posted.creditMemo, returnReceiptNo: posted.returnReceipt,
    documentDeleted,
  };
}
