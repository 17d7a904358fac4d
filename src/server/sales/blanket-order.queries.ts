/**
 * Navigation from a blanket order line (spec §14.4): every line linked to it, unposted (orders,
 * invoices …) and posted (shipments, invoices …), with what the blanket line has delivered.
 */
import { and, asc, desc, eq } from 'drizzle-orm';
import { salesDescriptor } from '../../core/documents/document-descriptors.ts';
import { postedSalesDescriptor } from '../../core/documents/posted-document-descriptors.ts';
import type { PostedSalesDocumentType, SalesDocumentType } from '../../core/documents/document-types.ts';
import { DomainError } from '../../core/errors.ts';
import { dec } from '../../core/money/decimal.ts';
import { possibleQuantityToShip, quantityOnOrdersBase } from '../../core/sales/blanket-order.ts';
import { outstandingQuantity } from '../../core/sales/quantities.ts';
import type { Executor } from '../db/connection.ts';
import { postedSalesHeader, postedSalesLine, salesHeader, salesLine } from '../db/schema/index.ts';
import type { SalesLineRow } from './sales-document.types.ts';
import { asBlanketLine, asLinkedLine, linkedUnpostedLines } from './sales-line.blanket.ts';
import { handledQuantities } from './sales-line.quantities.ts';

type PostedLineRow = typeof postedSalesLine.$inferSelect;

const text = (value: ReturnType<typeof dec>) => value.toFixed(5);

export async function blanketLineLinks(tx: Executor, no: string, lineNo: number) {
  const [line] = await tx.select().from(salesLine).where(and(eq(salesLine.documentType, 'blanketOrder'), eq(salesLine.documentNo, no), eq(salesLine.lineNo, lineNo)));
  if (!line) throw new DomainError('NOT_FOUND', { entity: 'Blanket order line', key: `${no} ${lineNo}` });
  const unposted = await linkedUnpostedLines(tx, no, [lineNo]);
  const posted = await tx.select({ line: postedSalesLine, postingDate: postedSalesHeader.postingDate }).from(postedSalesLine)
    .innerJoin(postedSalesHeader, and(eq(postedSalesHeader.documentType, postedSalesLine.documentType), eq(postedSalesHeader.no, postedSalesLine.documentNo)))
    .where(and(eq(postedSalesLine.blanketOrderNo, no), eq(postedSalesLine.blanketOrderLineNo, lineNo)))
    // In the order they were posted; a shipment (return receipt) before the invoice (credit memo) posted with it.
    .orderBy(asc(postedSalesHeader.postingDate), asc(postedSalesHeader.postedAt), desc(postedSalesLine.documentType), asc(postedSalesLine.documentNo), asc(postedSalesLine.lineNo));
  const headers = await unpostedPostingDates(tx, unposted);
  const blanket = asBlanketLine(line);
  const onOrdersBase = quantityOnOrdersBase(unposted.map(asLinkedLine));
  return {
    blanketOrderNo: no, lineNo, type: line.type, no: line.no, description: line.description, unitOfMeasureCode: line.unitOfMeasureCode,
    quantity: line.quantity, quantityShipped: line.quantityShipped, quantityInvoiced: line.quantityInvoiced, quantityToShip: line.quantityToShip,
    outstandingQuantity: text(outstandingQuantity(blanket)),
    quantityOnOrdersBase: text(onOrdersBase),
    possibleQuantityToShip: text(possibleQuantityToShip(blanket, onOrdersBase)),
    items: [...unposted.map((row) => unpostedItem(row, headers.get(`${row.documentType}:${row.documentNo}`) ?? null)), ...posted.map(({ line: row, postingDate }) => postedItem(row, postingDate))],
  };
}

async function unpostedPostingDates(tx: Executor, lines: readonly SalesLineRow[]): Promise<Map<string, string | null>> {
  const dates = new Map<string, string | null>();
  for (const key of new Set(lines.map((line) => `${line.documentType}:${line.documentNo}`))) {
    const [documentType, documentNo] = key.split(':') as [string, string];
    const [row] = await tx.select({ postingDate: salesHeader.postingDate }).from(salesHeader).where(and(eq(salesHeader.documentType, documentType), eq(salesHeader.no, documentNo)));
    dates.set(key, row?.postingDate ?? null);
  }
  return dates;
}

function unpostedItem(row: SalesLineRow, postingDate: string | null) {
  const descriptor = salesDescriptor(row.documentType as SalesDocumentType);
  const quantities = handledQuantities(row, descriptor.lineHandling);
  return {
    posted: false, documentType: row.documentType, resource: descriptor.resource, caption: descriptor.caption, documentNo: row.documentNo, lineNo: row.lineNo,
    postingDate, type: row.type, no: row.no, description: row.description, unitOfMeasureCode: row.unitOfMeasureCode,
    quantity: row.quantity, quantityBase: row.quantityBase,
    quantityShipped: text(quantities.quantityShipped), quantityInvoiced: row.quantityInvoiced, outstandingQuantity: text(outstandingQuantity(quantities)),
    correction: false,
  };
}

function postedItem(row: PostedLineRow, postingDate: string) {
  const descriptor = postedSalesDescriptor(row.documentType as PostedSalesDocumentType);
  return {
    posted: true, documentType: row.documentType, resource: descriptor.resource, caption: descriptor.caption, documentNo: row.documentNo, lineNo: row.lineNo,
    postingDate, type: row.type, no: row.no, description: row.description, unitOfMeasureCode: row.unitOfMeasureCode,
    quantity: row.quantity, quantityBase: row.quantityBase,
    quantityShipped: null, quantityInvoiced: row.quantityInvoiced, outstandingQuantity: null,
    correction: row.correction,
  };
}
