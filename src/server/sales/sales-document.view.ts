import { dec, sum, type Decimal } from '../../core/money/decimal.ts';
import { roundAmount } from '../../core/money/rounding.ts';
import { calculateDocumentVat } from '../../core/tax/vat.ts';
import { salesDescriptor } from '../../core/documents/document-descriptors.ts';
import type { SalesDocumentType } from '../../core/sales/types.ts';
import type { Executor } from '../db/connection.ts';
import type { SalesContext } from './sales-context.ts';
import { currencyPrecisions } from './sales-context.ts';
import { amountLines, documentTotals } from '../documents/document-amounts.ts';
import type { SalesDocument } from './sales-document.types.ts';
import { handledQuantities, withHandledQuantities } from './sales-line.quantities.ts';
import { documentWarnings } from './sales-document.warnings.ts';

const money = (value: Decimal) => value.toFixed(2);

/** A document as the API returns it: header, lines with their derived quantities, totals and warnings. */
export async function documentView(tx: Executor, document: SalesDocument, context: SalesContext) {
  const handling = salesDescriptor(document.header.documentType as SalesDocumentType).lineHandling;
  return {
    ...document.header,
    lines: withHandledQuantities(document.lines, handling),
    totals: documentTotals(document),
    warnings: await documentWarnings(tx, document, context),
  };
}

/** Statistics (BC's Sales Statistics page): totals, VAT per identifier, cost and profit in LCY. */
export async function documentStatistics(tx: Executor, document: SalesDocument, context: SalesContext) {
  const precision = (await currencyPrecisions(tx, context, document.header.currencyCode)).amount;
  const vat = calculateDocumentVat(
    amountLines(document.lines).map((line) => ({ ...line, invoiceDiscountAmount: dec(document.lines.find((row) => row.lineNo === line.lineNo)!.invoiceDiscountAmount) })),
    { pricesIncludingVat: document.header.pricesIncludingVat, amountRoundingPrecision: precision },
  );
  const factor = dec(document.header.currencyFactor);
  const totals = documentTotals(document);
  const amountLcy = roundAmount(dec(totals.amount).div(factor));
  const costLcy = roundAmount(sum(document.lines.filter((line) => line.type === 'item').map((line) => dec(line.unitCostLcy).times(dec(line.quantity)))));
  const profitLcy = amountLcy.minus(costLcy);
  return {
    documentType: document.header.documentType,
    no: document.header.no,
    currencyCode: document.header.currencyCode,
    totals,
    amountLcy: money(amountLcy),
    costLcy: money(costLcy),
    profitLcy: money(profitLcy),
    profitPercent: amountLcy.isZero() ? '0.00' : profitLcy.div(amountLcy).times(100).toFixed(2),
    ...quantityTotals(document),
    vatBreakdown: vat.groups.map((group) => ({
      vatIdentifier: group.vatIdentifier,
      vatPercent: group.vatPercent.toFixed(5),
      vatCalculationType: group.vatCalculationType,
      lineAmount: money(group.lineAmount),
      invoiceDiscountAmount: money(group.invoiceDiscountAmount),
      vatBaseAmount: money(group.vatBaseAmount),
      vatAmount: money(group.vatAmount),
      amountIncludingVat: money(group.amountIncludingVat),
    })),
  };
}

/** Quantity, and how much of it is shipped (received) and invoiced: a blanket order's statistics (spec §14.4) and every other document's. */
function quantityTotals(document: SalesDocument) {
  const handling = salesDescriptor(document.header.documentType as SalesDocumentType).lineHandling;
  const lines = document.lines.filter((line) => line.type !== 'comment').map((line) => handledQuantities(line, handling));
  const total = (pick: (line: (typeof lines)[number]) => Decimal) => sum(lines.map(pick)).toFixed(5);
  return {
    quantity: total((line) => line.quantity),
    quantityShipped: total((line) => line.quantityShipped),
    quantityInvoiced: total((line) => line.quantityInvoiced),
    outstandingQuantity: total((line) => line.quantity.minus(line.quantityShipped)),
  };
}
