/**
 * The requisition worksheet for drop shipments and special orders (spec §15.1–15.2; BC Requisition
 * Worksheet, Drop Shipment / Special Order → Get Sales Orders, Carry Out Action Message): a line per
 * sales line to buy, its vendor suggested from the item; Carry Out Action Message makes a purchase
 * order per vendor and ship-to (per customer and ship-to address for drop shipments, our location
 * for special orders), links the lines both ways and clears the worksheet lines it carried out.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { DomainError } from '../../core/errors.ts';
import { dec } from '../../core/money/decimal.ts';
import type { Executor } from '../db/connection.ts';
import { item, requisitionLine, salesHeader, salesLine, vendor } from '../db/schema/index.ts';
import { loadDocument } from '../sales/sales-document.queries.ts';
import type { PurchaseContext } from './purchase-context.ts';
import { addPurchaseLines, createPurchaseDocument } from './purchase-document.commands.ts';
import { buySalesLines, outstanding, purchasingKindCaption, type PurchasingKind, toBuy } from './get-sales-orders.ts';

export type RequisitionLineRow = typeof requisitionLine.$inferSelect;

const kindOf = (line: Pick<RequisitionLineRow, 'dropShipment'>): PurchasingKind => (line.dropShipment ? 'dropShipment' : 'specialOrder');

/** Get Sales Orders: a worksheet line per sales line to buy (of one order, or every order), not already on the worksheet. */
export async function getSalesOrdersIntoWorksheet(
  tx: Executor, worksheetName: string, kind: PurchasingKind, salesOrderNo: string | undefined,
): Promise<RequisitionLineRow[]> {
  const candidates = await tx.select({ line: salesLine, header: salesHeader }).from(salesLine)
    .innerJoin(salesHeader, and(eq(salesHeader.documentType, salesLine.documentType), eq(salesHeader.no, salesLine.documentNo)))
    .where(and(eq(salesLine.documentType, 'order'), eq(salesLine[kind], true), salesOrderNo ? eq(salesLine.documentNo, salesOrderNo) : undefined))
    .orderBy(asc(salesLine.documentNo), asc(salesLine.lineNo));
  const onWorksheet = await tx.select({ no: requisitionLine.salesOrderNo, lineNo: requisitionLine.salesOrderLineNo }).from(requisitionLine);
  const wanted = candidates.filter(({ line }) => toBuy(line, kind) && !onWorksheet.some((row) => row.no === line.documentNo && row.lineNo === line.lineNo));
  if (wanted.length === 0) throw new DomainError('NO_SALES_LINES_TO_PURCHASE', { salesOrderNo: salesOrderNo ?? '(any)', kind: purchasingKindCaption[kind] }, 'salesOrderNo');
  const items = await tx.select().from(item).where(inArray(item.no, [...new Set(wanted.map(({ line }) => line.no))]));
  const existing = await tx.select({ lineNo: requisitionLine.lineNo }).from(requisitionLine).where(eq(requisitionLine.worksheetName, worksheetName));
  const lastLineNo = Math.max(0, ...existing.map((row) => row.lineNo));
  const rows = wanted.map(({ line, header }, index) => {
    const source = items.find((candidate) => candidate.no === line.no)!;
    return {
      worksheetName, lineNo: lastLineNo + (index + 1) * 10000, type: 'item', no: line.no, description: line.description,
      quantity: outstanding(line).toFixed(5), unitOfMeasureCode: line.unitOfMeasureCode, quantityPerUnitOfMeasure: line.quantityPerUnitOfMeasure,
      vendorNo: source.vendorNo, vendorItemNo: source.vendorItemNo,
      directUnitCost: dec(source.lastDirectCost).times(dec(line.quantityPerUnitOfMeasure)).toFixed(5),
      dueDate: line.shipmentDate, locationCode: line.locationCode, purchasingCode: line.purchasingCode,
      dropShipment: kind === 'dropShipment', specialOrder: kind === 'specialOrder',
      salesOrderNo: line.documentNo, salesOrderLineNo: line.lineNo, sellToCustomerNo: header.sellToCustomerNo, shipToCode: header.shipToCode,
    };
  });
  return tx.insert(requisitionLine).values(rows).returning();
}

/** What a user may change on a worksheet line: the vendor, the cost, and whether to carry it out. */
export async function updateRequisitionLine(
  tx: Executor, id: string, changes: { vendorNo?: string | null; directUnitCost?: string; acceptActionMessage?: boolean },
): Promise<RequisitionLineRow> {
  if (changes.vendorNo) {
    const [row] = await tx.select({ no: vendor.no, blocked: vendor.blocked }).from(vendor).where(eq(vendor.no, changes.vendorNo));
    if (!row) throw new DomainError('RELATED_RECORD_NOT_FOUND', { entity: 'Vendor', value: changes.vendorNo, field: 'vendorNo' }, 'vendorNo');
  }
  const [updated] = await tx.update(requisitionLine).set(changes).where(eq(requisitionLine.id, id)).returning();
  if (!updated) throw new DomainError('NOT_FOUND', { entity: 'Requisition Line', key: id });
  return updated;
}

/**
 * Carry Out Action Message: every accepted line of the worksheet becomes a purchase order line, one
 * purchase order per vendor, kind and destination (replenishment lines: per vendor); the lines carried out leave the worksheet.
 * A line without a vendor stops it all, naming the line (nothing is created).
 */
export async function carryOutActionMessages(tx: Executor, worksheetName: string, context: PurchaseContext): Promise<string[]> {
  const lines = await tx.select().from(requisitionLine)
    .where(and(eq(requisitionLine.worksheetName, worksheetName), eq(requisitionLine.acceptActionMessage, true))).orderBy(asc(requisitionLine.lineNo)).for('update');
  if (lines.length === 0) throw new DomainError('NO_SALES_LINES_TO_PURCHASE', { salesOrderNo: '(worksheet)', kind: 'accepted worksheet' });
  const missing = lines.find((line) => !line.vendorNo);
  if (missing) throw new DomainError('FIELD_REQUIRED', { fieldCaption: 'Vendor No.', documentTypeCaption: `requisition line ${missing.lineNo}`, action: 'carried out', field: 'vendorNo' }, `lines.${missing.lineNo}.vendorNo`);
  const replenishment = lines.filter((line) => !line.dropShipment && !line.specialOrder);
  const created = await replenish(tx, replenishment, context);
  const groups = new Map<string, RequisitionLineRow[]>();
  for (const line of lines.filter((candidate) => !replenishment.includes(candidate))) {
    const destination = line.dropShipment ? `${line.sellToCustomerNo}\u0000${line.shipToCode ?? ''}` : '';
    const key = [line.vendorNo, kindOf(line), destination].join('\u0001');
    groups.set(key, [...(groups.get(key) ?? []), line]);
  }
  for (const group of groups.values()) {
    const order = await createPurchaseDocument(tx, 'order', { buyFromVendorNo: group[0]!.vendorNo! }, context);
    for (const salesOrderNo of [...new Set(group.map((line) => line.salesOrderNo))]) {
      const sales = await loadDocument(tx, 'order', salesOrderNo, { lock: true });
      const bought = group.filter((line) => line.salesOrderNo === salesOrderNo).map((line) => {
        const salesLineRow = sales.lines.find((candidate) => candidate.lineNo === line.salesOrderLineNo);
        // The sales line changed since Get Sales Orders (deleted, linked elsewhere): the worksheet line is stale.
        if (!salesLineRow || !toBuy(salesLineRow, kindOf(line))) throw new DomainError('NO_SALES_LINES_TO_PURCHASE', { salesOrderNo, kind: purchasingKindCaption[kindOf(line)] }, `lines.${line.lineNo}`);
        return { line: salesLineRow, directUnitCost: line.directUnitCost };
      });
      await buySalesLines(tx, order.header.no, sales.header, bought, kindOf(group[0]!), undefined, context);
    }
    created.push(order.header.no);
  }
  await tx.delete(requisitionLine).where(inArray(requisitionLine.id, lines.map((line) => line.id)));
  return created;
}

/**
 * Lines that replenish stock (Capable to Promise supply, spec §16.5): one purchase order per vendor,
 * a line each, expected on the line's due date at its location.
 */
async function replenish(tx: Executor, lines: readonly RequisitionLineRow[], context: PurchaseContext): Promise<string[]> {
  const byVendor = new Map<string, RequisitionLineRow[]>();
  for (const line of lines) byVendor.set(line.vendorNo!, [...(byVendor.get(line.vendorNo!) ?? []), line]);
  const created: string[] = [];
  for (const [vendorNo, group] of byVendor) {
    const order = await createPurchaseDocument(tx, 'order', { buyFromVendorNo: vendorNo }, context);
    await addPurchaseLines(tx, 'order', order.header.no, group.map((line) => ({
      type: 'item' as const, no: line.no, quantity: line.quantity, unitOfMeasureCode: line.unitOfMeasureCode ?? undefined,
      locationCode: line.locationCode, expectedReceiptDate: line.dueDate, directUnitCost: line.directUnitCost,
    })), undefined, context);
    created.push(order.header.no);
  }
  return created;
}
