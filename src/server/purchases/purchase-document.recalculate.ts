import { and, eq, sql } from 'drizzle-orm';
import { dec } from '../../core/money/decimal.ts';
import type { Executor } from '../db/connection.ts';
import { purchaseHeader } from '../db/schema/index.ts';
import { amountLines, linesWithAmounts, typedInvoiceDiscounts, writeChangedAmounts } from '../documents/document-amounts.ts';
import { currencyPrecisions } from '../sales/sales-context.ts';
import type { PurchaseContext } from './purchase-context.ts';
import type { PurchaseDocument, PurchaseHeaderRow } from './purchase-document.types.ts';

/**
 * The purchase document's amounts in step with its lines: the invoice discount typed on the header
 * (percent or amount) spread over the lines, then VAT per VAT identifier, as on sales documents.
 */
export async function recalculatePurchaseDocument(
  tx: Executor, document: PurchaseDocument, context: PurchaseContext, headerChanges: Partial<Pick<PurchaseHeaderRow, 'status'>> = {},
): Promise<PurchaseDocument> {
  const { header } = document;
  const precision = (await currencyPrecisions(tx, context, header.currencyCode)).amount;
  const discounts = typedInvoiceDiscounts(amountLines(document.lines), header.invoiceDiscountCalculation, dec(header.invoiceDiscountValue), precision);
  const lines = linesWithAmounts(document.lines, discounts, { pricesIncludingVat: header.pricesIncludingVat, amountRoundingPrecision: precision });
  await writeChangedAmounts(tx, 'purchase_line', document.lines, lines);
  const [updated] = await tx.update(purchaseHeader)
    .set({ ...headerChanges, version: sql`${purchaseHeader.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(purchaseHeader.documentType, header.documentType), eq(purchaseHeader.no, header.no))).returning();
  return { header: updated!, lines };
}
