/**
 * An order's prepayment at a glance (spec §26, the FactBox of issue 16): what its lines require,
 * what is invoiced, deducted and left, and its posted prepayment documents with what is still open.
 */
import { and, asc, eq } from 'drizzle-orm';
import { DomainError } from '../../core/errors.ts';
import { dec, sum } from '../../core/money/decimal.ts';
import type { Executor } from '../db/connection.ts';
import { customerLedgerEntry, postedSalesHeader, salesHeader, salesLine } from '../db/schema/index.ts';

export async function orderPrepayment(tx: Executor, no: string) {
  const [header] = await tx.select().from(salesHeader).where(and(eq(salesHeader.documentType, 'order'), eq(salesHeader.no, no)));
  if (!header) throw new DomainError('NOT_FOUND', { entity: 'Sales Order', key: no });
  const lines = await tx.select().from(salesLine).where(and(eq(salesLine.documentType, 'order'), eq(salesLine.documentNo, no)));
  const total = (pick: (line: typeof lines[number]) => string) => sum(lines.map((line) => dec(pick(line)))).toFixed(2);
  const documents = await tx.select({
    documentType: postedSalesHeader.documentType, no: postedSalesHeader.no, postingDate: postedSalesHeader.postingDate, dueDate: postedSalesHeader.dueDate,
    amount: postedSalesHeader.amount, amountIncludingVat: postedSalesHeader.amountIncludingVat, remainingAmount: customerLedgerEntry.remainingAmount,
  }).from(postedSalesHeader)
    .leftJoin(customerLedgerEntry, eq(customerLedgerEntry.entryNo, postedSalesHeader.customerLedgerEntryNo))
    .where(and(eq(postedSalesHeader.prepayment, true), eq(postedSalesHeader.prepaymentOrderNo, no)))
    .orderBy(asc(postedSalesHeader.postingDate), asc(postedSalesHeader.no));
  const required = total((line) => line.prepmtLineAmount);
  const invoiced = total((line) => line.prepmtAmtInv);
  const deducted = total((line) => line.prepmtAmtDeducted);
  return {
    no, status: header.status, prepaymentPercent: header.prepaymentPercent, pricesIncludingVat: header.pricesIncludingVat, currencyCode: header.currencyCode,
    required, invoiced, invoicedIncludingVat: total((line) => line.prepmtAmountInvInclVat), deducted,
    toInvoice: dec(required).minus(dec(invoiced)).toFixed(2), toDeduct: dec(invoiced).minus(dec(deducted)).toFixed(2),
    /** Open amounts of the prepayment invoices (what the customer still has to pay), in the document currency. */
    unpaid: sum(documents.filter((row) => row.documentType === 'invoice').map((row) => dec(row.remainingAmount ?? '0'))).toFixed(2),
    documents: documents.map((row) => ({ ...row, remainingAmount: row.remainingAmount ?? '0.00' })),
  };
}
