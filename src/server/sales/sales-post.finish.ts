/**
 * The last step of posting a sales document (spec §7.5–7.8, §13.1): the documents left behind. Shipment
 * lines billed and order lines advanced; orders and return orders advance their lines and are
 * deleted when everything is shipped and invoiced (archived first if Archive Orders); invoices and
 * credit memos are deleted.
 */
import { type SQL, and, eq, sql } from 'drizzle-orm';
import { completelyHandled, quantitiesAfterPosting } from '../../core/sales/posting-scope.ts';
import type { QuantityFields } from '../../core/sales/types.ts';
import type { Executor } from '../db/connection.ts';
import { salesHeader } from '../db/schema/index.ts';
import { archiveDocument } from './sales-document.archive.ts';
import { consumeReservations } from '../availability/reservation-posting.ts';
import type { SalesContext } from './sales-context.ts';
import type { SalesLineRow } from './sales-document.types.ts';
import { handledQuantities, updateLineQuantities } from './sales-line.quantities.ts';
import { updateBilledShipmentLines, updateSourceOrderLines } from './sales-post.billing.ts';
import { writeBlanketOrderLines } from './blanket-order.posting.ts';
import type { LoadedSalesPosting } from './sales-post.load.ts';
import type { PlannedSalesPosting } from './sales-post.plan.ts';
import type { PostingNumbers } from './sales-post.types.ts';
import { type PrepaymentDeductions, orderQuantitiesAfter, writeDeductedLines } from './prepayment.deduction.ts';

/** The header field remembering the last shipment (return receipt) posted from the document (BC Last Shipping No. …). */
const lastHandlingNoField = { shipment: 'lastShippingNo', returnReceipt: 'lastReturnReceiptNo' } as const;

interface LineAfterPosting { line: SalesLineRow; after: QuantityFields; changed: boolean }

/** Each non-comment line's quantities after the posting, and whether the document is then done with. */
export function documentAfterPosting(loaded: LoadedSalesPosting, context: SalesContext): { lines: LineAfterPosting[]; deleted: boolean } {
  const { documentType, descriptor } = loaded;
  if (descriptor.postsInFull) return { lines: [], deleted: true };
  const posted = new Map(loaded.linePostings.map((entry) => [entry.line.lineNo, entry.posting]));
  const lines = loaded.document.lines.filter((line) => line.type !== 'comment').map((line) => {
    const posting = posted.get(line.lineNo);
    const fields = handledQuantities(line, descriptor.lineHandling);
    return { line, after: posting ? quantitiesAfterPosting(documentType, context.salesSetup.defaultQuantityToShip as never, fields, posting) : fields, changed: posting !== undefined };
  });
  return { lines, deleted: completelyHandled(lines.map((entry) => entry.after)) };
}

/**
 * Everything but the last numbers, before the number series are drawn (it needs none of them):
 * whether the document is deleted, and the write the posting sends with its entries: the DELETE of
 * the document, or the UPDATE that records the numbers drawn on the header.
 */
export async function finishSource(
  tx: Executor, loaded: LoadedSalesPosting, plan: PlannedSalesPosting, context: SalesContext,
): Promise<{ deleted: boolean; sourceWrite(numbers: PostingNumbers): SQL | null }> {
  await updateBilledShipmentLines(tx, plan.billing);
  await updateSourceOrderLines(tx, plan.billing, loaded.descriptor, context);
  await writeBlanketOrderLines(tx, loaded.blanketLines);
  const { header } = loaded.document;
  const key = and(eq(salesHeader.documentType, header.documentType), eq(salesHeader.no, header.no));
  const after = documentAfterPosting(loaded, context);
  if (plan.deductions && plan.deductions.lines.length > 0) await writeDeductedLines(tx, plan.deductions, await deductedLineQuantities(tx, loaded, plan.deductions, after.lines), loaded.precision);
  if (after.deleted) {
    if (!loaded.descriptor.postsInFull && context.salesSetup.archiveOrders) await archiveDocument(tx, loaded.document, 'posted', context.username);
    // Deleted with the posting's writes, in its one statement (a round trip less): the header is locked since the load.
    return { deleted: true, sourceWrite: () => tx.delete(salesHeader).where(key).getSQL() };
  }
  if (loaded.ownReservations.length > 0) await consumeReservations(tx, loaded.ownReservations, loaded.shipments);
  await updateLineQuantities(tx, after.lines.filter((entry) => entry.changed).map((entry) => ({
    documentType: header.documentType, documentNo: header.no, lineNo: entry.line.lineNo, after: entry.after, returns: loaded.descriptor.direction === 'inbound',
  })));
  return {
    deleted: false,
    sourceWrite: ({ handlingNo, invoicingNo }) => tx.update(salesHeader).set({
      ...(handlingNo ? { [lastHandlingNoField[loaded.descriptor.lineHandling.handlingType]]: handlingNo } : {}),
      ...(invoicingNo ? { lastPostingNo: invoicingNo } : {}),
      version: sql`${salesHeader.version} + 1`, updatedAt: sql`now()`,
    }).where(key).getSQL(),
  };
}

/** The deducting order lines' quantities after the posting: an order's from its plan, an invoice's orders' as updated (spec §26.7). */
async function deductedLineQuantities(tx: Executor, loaded: LoadedSalesPosting, deductions: PrepaymentDeductions, lines: readonly LineAfterPosting[]) {
  if (loaded.documentType !== 'order') return orderQuantitiesAfter(tx, deductions);
  return new Map(lines.map((entry) => [`${loaded.header.no}:${entry.line.lineNo}`, { quantityInvoiced: entry.after.quantityInvoiced, quantityToInvoice: entry.after.quantityToInvoice }]));
}
