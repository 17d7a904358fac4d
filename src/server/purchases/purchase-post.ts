/**
 * Posting a purchase document (BC codeunit 90 Purch.-Post): orders (Receive / Invoice / both),
 * invoices, credit memos and return orders (Ship / Invoice / both), in the steps and the one
 * transaction of the sales posting (sales-post.ts): load and check, plan, assert balanced, finish
 * the source, draw numbers, append with the posted documents in one statement.
 */
import { type SQL, and, eq, sql } from 'drizzle-orm';
import type { PostedPurchaseDocumentType } from '../../core/documents/document-types.ts';
import { dec, type Decimal } from '../../core/money/decimal.ts';
import { moveReservationsToInventory } from '../availability/reservation-posting.ts';
import { assertBalanced } from '../../core/posting/assert-balanced.ts';
import { completelyHandled, quantitiesAfterPosting } from '../../core/sales/posting-scope.ts';
import type { Executor } from '../db/connection.ts';
import { purchaseHeader } from '../db/schema/index.ts';
import { appendPlannedPosting } from '../posting/append-planned-posting.ts';
import { handledQuantities, updateLineQuantities } from '../sales/sales-line.quantities.ts';
import type { PostingNumbers } from '../sales/sales-post.types.ts';
import type { PurchaseContext } from './purchase-context.ts';
import type { EditablePurchaseDocumentType } from '../../core/documents/document-types.ts';
import { type LoadedPurchasePosting, loadAndCheckPurchase, type PurchasePostRequest } from './purchase-post.load.ts';
import { type PlannedPurchasePosting, planPurchasePosting } from './purchase-post.plan.ts';
import { postedPurchaseDocuments } from './purchase-post.posted.ts';
import { writeWithPostedPurchaseDocuments } from './posted-purchase-document.writer.ts';
import { updateBilledReceiptLines, updateSourceOrderLines } from './purchase-post.receipts.ts';

export type { PurchasePostRequest } from './purchase-post.load.ts';

export interface PurchasePostingResult {
  documentType: EditablePurchaseDocumentType;
  no: string;
  transactionNo: number;
  receiptNo: string | null;
  invoiceNo: string | null;
  creditMemoNo: string | null;
  returnShipmentNo: string | null;
  /** Invoices and credit memos always, orders and return orders when completely received and invoiced. */
  documentDeleted: boolean;
}

export async function postPurchaseDocument(
  tx: Executor, documentType: EditablePurchaseDocumentType, no: string, request: PurchasePostRequest, context: PurchaseContext,
  options: { expectedVersion?: number } = {},
): Promise<PurchasePostingResult> {
  const loaded = await loadAndCheckPurchase(tx, documentType, no, request, context, options.expectedVersion);
  const planned = await planPurchasePosting(tx, loaded, context);
  assertBalanced(planned.plan.posting.entries);
  const source = await finishSource(tx, loaded, planned.plan, context);
  const { dropShipments } = planned;
  const { plan, appended } = await appendPlannedPosting(tx, planned, loaded.header.postingDate, source.sourceWrite, dropShipments && {
    finish: dropShipments.finish,
    queue: (pending, numbers, resolved) => dropShipments.queueShipments(pending, resolved.entryOfLine, numbers, { postingDate: loaded.header.postingDate, userId: context.username }),
  });
  await writeWithPostedPurchaseDocuments(appended, postedPurchaseDocuments(loaded, plan, context), loaded.descriptor.invoicing.postedType);
  const posted: Record<PostedPurchaseDocumentType, string | null> = { receipt: null, invoice: null, creditMemo: null, returnShipment: null };
  posted[loaded.descriptor.handling.postedType] = plan.numbers.handlingNo;
  posted[loaded.descriptor.invoicing.postedType] = plan.numbers.invoicingNo;
  return {
    documentType, no, transactionNo: appended.transactionNo,
    receiptNo: posted.receipt, invoiceNo: posted.invoice, creditMemoNo: posted.creditMemo, returnShipmentNo: posted.returnShipment,
    documentDeleted: source.deleted,
  };
}

/**
 * The documents left behind, before the series are drawn: receipt lines billed, the order's lines
 * advanced (Qty. to Receive and Qty. to Invoice re-defaulted), or the document deleted when all is
 * received and invoiced; the header's Last Receiving No. / Last Posting No. go with the entries.
 */
async function finishSource(
  tx: Executor, loaded: LoadedPurchasePosting, plan: PlannedPurchasePosting, context: PurchaseContext,
): Promise<{ deleted: boolean; sourceWrite(numbers: PostingNumbers): SQL | null }> {
  const { descriptor, document } = loaded;
  await updateBilledReceiptLines(tx, descriptor.handling.postedType as 'receipt' | 'returnShipment', plan.billing);
  await updateSourceOrderLines(tx, loaded, plan.billing, context);
  await updateLastDirectCosts(tx, plan.lastDirectCosts);
  const key = and(eq(purchaseHeader.documentType, document.header.documentType), eq(purchaseHeader.no, document.header.no));
  const posted = new Map(loaded.linePostings.map((entry) => [entry.line.lineNo, entry.posting]));
  const lines = document.lines.filter((line) => line.type !== 'comment').map((line) => {
    const posting = posted.get(line.lineNo);
    const fields = handledQuantities(line, descriptor.lineHandling);
    return { line, changed: posting !== undefined, after: posting ? quantitiesAfterPosting(descriptor, context.purchasesSetup.defaultQuantityToReceive as never, fields, posting) : fields };
  });
  // Reserved sales lines keep their reservation on what arrives (before a deleted order takes the purchase lines' with it).
  const received = new Map(loaded.linePostings.filter((entry) => entry.posting.ship.gt(0)).map((entry) => [entry.line.lineNo, entry.posting.ship.times(dec(entry.line.quantityPerUnitOfMeasure))]));
  if (document.header.documentType === 'order' && received.size > 0) await moveReservationsToInventory(tx, document.header.no, received);
  if (descriptor.postsInFull || completelyHandled(lines.map((entry) => entry.after))) {
    await tx.delete(purchaseHeader).where(key);
    return { deleted: true, sourceWrite: () => null };
  }
  await updateLineQuantities(tx, lines.filter((entry) => entry.changed).map((entry) => ({
    documentType: document.header.documentType, documentNo: document.header.no, lineNo: entry.line.lineNo, after: entry.after, returns: descriptor.direction === 'outbound',
  })), 'purchase_line');
  return {
    deleted: false,
    sourceWrite: ({ handlingNo, invoicingNo }) => tx.update(purchaseHeader).set({
      ...(handlingNo ? { [descriptor.lineHandling.handlingType === 'receipt' ? 'lastReceivingNo' : 'lastReturnShipmentNo']: handlingNo } : {}),
      ...(invoicingNo ? { lastPostingNo: invoicingNo } : {}),
      version: sql`${purchaseHeader.version} + 1`, updatedAt: sql`now()`,
    }).where(key).getSQL(),
  };
}

async function updateLastDirectCosts(tx: Executor, costs: ReadonlyMap<string, Decimal>): Promise<void> {
  if (costs.size === 0) return;
  const values = sql.join([...costs].map(([itemNo, cost]) => sql`(${itemNo}::text, ${cost.toString()}::numeric)`), sql`, `);
  await tx.execute(sql`update item set last_direct_cost = v.cost, updated_at = now() from (values ${values}) as v(no, cost) where item.no = v.no`);
}
