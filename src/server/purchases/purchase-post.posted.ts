/**
 * The posted documents of a purchase posting (BC Purch. Rcpt., Purch. Inv., Purch. Cr. Memo, Return
 * Shipment): copied from the document column by column where the posted table has the column, then
 * the posting's own facts (number, quantities, amounts, links) on top; written with the entries.
 */
import { dec, sum } from '../../core/money/decimal.ts';
import { quantityBase } from '../../core/sales/quantities.ts';
import type { PurchaseContext } from './purchase-context.ts';
import { headerFrom, lineFrom, noAmounts, type PostedDocumentPlan, type PostedHeaderRow } from './posted-purchase-document.writer.ts';
import type { LoadedPurchasePosting } from './purchase-post.load.ts';
import type { PlannedPurchasePosting } from './purchase-post.plan.ts';

/** The receipt (return shipment) of the lines handled now, and the invoice (credit memo) of the lines invoiced now. */
export function postedPurchaseDocuments(loaded: LoadedPurchasePosting, plan: PlannedPurchasePosting, context: PurchaseContext): PostedDocumentPlan[] {
  const { header, descriptor } = loaded;
  const { numbers } = plan;
  const facts = { postingDescription: plan.description, userId: context.username };
  const comments = (posted: PostedHeaderRow) => loaded.document.lines.filter((line) => line.type === 'comment')
    .map((line) => lineFrom(posted, line, { ...noAmounts, quantity: '0', quantityBase: '0' }));
  const documents: PostedDocumentPlan[] = [];
  if (numbers.handlingNo) {
    const posted = headerFrom(header, descriptor.handling.postedType, numbers.handlingNo, { ...facts, noSeries: numbers.handlingSeries, postingDate: header.postingDate });
    const handled = loaded.linePostings.filter((entry) => !entry.posting.ship.isZero());
    documents.push({
      header: posted,
      lines: [...handled.map((entry) => lineFrom(posted, entry.line, {
        quantity: entry.posting.ship.toString(), quantityBase: quantityBase(entry.posting.ship, dec(entry.line.quantityPerUnitOfMeasure)).toString(),
        quantityInvoiced: entry.posting.invoiceOfThisShipment.toString(), quantityNotInvoiced: entry.posting.ship.minus(entry.posting.invoiceOfThisShipment).toString(),
        ...noAmounts, itemLedgerEntryNo: plan.entryOfLine.get(String(entry.line.lineNo)) ?? null,
      })), ...comments(posted)],
    });
  }
  if (numbers.invoicingNo) {
    const total = (pick: (amounts: NonNullable<(typeof plan.invoiced)[number]['amounts']>) => ReturnType<typeof dec>) => sum(plan.invoiced.map((entry) => pick(entry.amounts!))).toFixed(2);
    const posted = headerFrom(header, descriptor.invoicing.postedType, numbers.invoicingNo, {
      ...facts, noSeries: numbers.invoicingSeries, postingDate: header.postingDate,
      amount: total((amounts) => amounts.amount), amountIncludingVat: total((amounts) => amounts.amountIncludingVat),
      invoiceDiscountAmount: total((amounts) => amounts.invoiceDiscountAmount),
    });
    const billOf = new Map(plan.billing.map((bill) => [bill.lineNo, bill]));
    documents.push({
      header: posted,
      lines: [...plan.invoiced.map((entry) => {
        const amounts = entry.amounts!;
        const bill = billOf.get(entry.line.lineNo);
        return lineFrom(posted, entry.line, {
          quantity: entry.posting.invoice.toString(), quantityBase: quantityBase(entry.posting.invoice, dec(entry.line.quantityPerUnitOfMeasure)).toString(),
          lineAmount: amounts.lineAmount.toFixed(2), lineDiscountAmount: amounts.lineDiscountAmount.toFixed(2), invoiceDiscountAmount: amounts.invoiceDiscountAmount.toFixed(2),
          amount: amounts.amount.toFixed(2), amountIncludingVat: amounts.amountIncludingVat.toFixed(2), vatBaseAmount: amounts.vatBaseAmount.toFixed(2),
          itemLedgerEntryNo: plan.entryOfLine.get(String(entry.line.lineNo)) ?? bill?.itemLedgerEntryNo ?? null,
          ...(bill ? { [descriptor.lineHandling.postedDocumentNoField]: bill.receiptNo, [descriptor.lineHandling.postedLineNoField]: bill.receiptLineNo } : {}),
        });
      }), ...comments(posted)],
    });
  }
  return documents;
}

