import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import { dec, sum, ZERO, type Decimal } from '../../core/money/decimal.ts';
import { roundAmount } from '../../core/money/rounding.ts';
import { creditWarnings, stockoutWarning } from '../../core/sales/customer-checks.ts';
import type { Warning } from '../../core/sales/types.ts';
import type { Executor } from '../db/connection.ts';
import { customer, item, salesHeader, salesLine } from '../db/schema/index.ts';
import type { SalesContext } from './sales-context.ts';
import type { SalesDocument, SalesLineRow } from './sales-document.types.ts';

/** The part of a line still to be invoiced, in LCY including VAT: what the credit check counts as outstanding. */
function outstandingLcy(line: SalesLineRow, currencyFactor: Decimal): Decimal {
  const quantity = dec(line.quantity);
  if (quantity.isZero()) return ZERO;
  const open = quantity.minus(dec(line.quantityInvoiced));
  return roundAmount(dec(line.amountIncludingVat).times(open).div(quantity).div(currencyFactor));
}

/**
 * Non-blocking warnings returned with a document (spec §12.4–12.5). Balances come from the customer
 * ledger and inventory from the item ledger once posting exists; until then both are zero.
 */
export async function documentWarnings(tx: Executor, document: SalesDocument, context: SalesContext): Promise<Warning[]> {
  const { header } = document;
  if (!['quote', 'order', 'invoice'].includes(header.documentType)) return [];
  const warnings: Warning[] = [];
  const [billTo] = await tx.select().from(customer).where(eq(customer.no, header.billToCustomerNo));
  const outstanding = await outstandingByDocumentType(tx, header.billToCustomerNo, header.no);
  const factor = dec(header.currencyFactor);
  const ofType = (type: string) => outstanding.get(type) ?? ZERO;
  warnings.push(...creditWarnings(context.salesSetup.creditWarnings as never, {
    creditLimitLcy: dec(billTo!.creditLimitLcy),
    balanceLcy: ZERO,
    shippedNotInvoicedLcy: ZERO,
    returnReceivedNotInvoicedLcy: ZERO,
    outstandingOrdersLcy: ofType('order'),
    outstandingInvoicesLcy: ofType('invoice'),
    outstandingReturnOrdersLcy: ZERO,
    currentDocumentChangeLcy: sum(document.lines.map((line) => outstandingLcy(line, factor))),
    balanceDueLcy: ZERO,
  }));
  warnings.push(...(await stockoutWarnings(tx, document, context)));
  return warnings;
}

/**
 * What the customer's other orders and invoices still have to invoice, in LCY incl. VAT, summed in the
 * database (exact numeric) rather than by loading every line.
 */
async function outstandingByDocumentType(tx: Executor, customerNo: string, excludeNo: string): Promise<Map<string, Decimal>> {
  const rows = await tx.select({
    documentType: salesHeader.documentType,
    amount: sql<string>`coalesce(sum(round(${salesLine.amountIncludingVat} * (${salesLine.quantity} - ${salesLine.quantityInvoiced}) / nullif(${salesLine.quantity}, 0) / ${salesHeader.currencyFactor}, 2)), 0)`,
  }).from(salesLine)
    .innerJoin(salesHeader, and(eq(salesLine.documentType, salesHeader.documentType), eq(salesLine.documentNo, salesHeader.no)))
    .where(and(eq(salesHeader.billToCustomerNo, customerNo), inArray(salesHeader.documentType, ['order', 'invoice']), ne(salesHeader.no, excludeNo)))
    .groupBy(salesHeader.documentType);
  return new Map(rows.map((row) => [row.documentType, dec(row.amount)]));
}

async function stockoutWarnings(tx: Executor, document: SalesDocument, context: SalesContext): Promise<Warning[]> {
  if (document.header.documentType === 'quote') return [];
  const itemLines = document.lines.filter((line) => line.type === 'item' && dec(line.quantityBase).gt(0));
  if (itemLines.length === 0) return [];
  const items = await tx.select().from(item).where(inArray(item.no, [...new Set(itemLines.map((line) => line.no))]));
  const warnings: Warning[] = [];
  for (const line of itemLines) {
    const source = items.find((candidate) => candidate.no === line.no);
    if (!source || source.type !== 'inventory') continue;
    const outstanding = dec(line.quantityBase).minus(dec(line.quantityShipped).times(dec(line.quantityPerUnitOfMeasure)));
    const warning = stockoutWarning(context.salesSetup.stockoutWarning, source.stockoutWarning as never, {
      itemNo: line.no, availableQuantity: ZERO, requestedQuantity: outstanding, locationCode: line.locationCode ?? '', shipmentDate: line.shipmentDate ?? '',
    });
    if (warning) warnings.push(warning);
  }
  return warnings;
}
