/**
 * The prepayment gate of an order (spec §26.6, §3.5): an order whose lines require a prepayment is
 * not released, shipped or invoiced before its prepayment invoice is posted, nor (with Check Prepmt.
 * when Posting) before every prepayment invoice of it is paid. The Update Pending Prepayment Orders
 * batch releases the orders that have become ready.
 */
import { and, eq, ne, sql } from 'drizzle-orm';
import { DomainError } from '../../core/errors.ts';
import { dec } from '../../core/money/decimal.ts';
import type { Executor } from '../db/connection.ts';
import { customerLedgerEntry, postedSalesHeader, salesHeader } from '../db/schema/index.ts';
import type { SalesContext } from './sales-context.ts';
import type { SalesDocument, SalesLineRow } from './sales-document.types.ts';

/** The first line requiring more prepayment than is invoiced. */
export function uninvoicedPrepaymentLine(lines: readonly SalesLineRow[]): SalesLineRow | undefined {
  return lines.find((line) => line.type !== 'comment' && !dec(line.prepmtLineAmount).eq(dec(line.prepmtAmtInv)));
}

/** Posted prepayment invoices of the order still open, when the setup checks payment (spec §26.6 "unpaid prepayment"). */
export async function unpaidPrepaymentInvoices(tx: Executor, orderNo: string, context: SalesContext): Promise<{ no: string; remaining: string }[]> {
  if (!context.salesSetup.checkPrepaymentWhenPosting) return [];
  return tx.select({ no: postedSalesHeader.no, remaining: customerLedgerEntry.remainingAmount })
    .from(postedSalesHeader)
    .innerJoin(customerLedgerEntry, eq(customerLedgerEntry.entryNo, postedSalesHeader.customerLedgerEntryNo))
    .where(and(eq(postedSalesHeader.documentType, 'invoice'), eq(postedSalesHeader.prepayment, true), eq(postedSalesHeader.prepaymentOrderNo, orderNo),
      ne(customerLedgerEntry.remainingAmountLcy, '0')))
    .orderBy(postedSalesHeader.no);
}

/** Spec §26.6: posting (any option) and Get Shipment Lines wait for the prepayment invoice, and with the check for its payment. */
export async function assertPrepaymentSettled(tx: Executor, document: SalesDocument, context: SalesContext, what: string): Promise<void> {
  if (document.header.documentType !== 'order') return;
  const line = uninvoicedPrepaymentLine(document.lines);
  if (line) {
    throw new DomainError('PREPAYMENT_NOT_INVOICED', { what, lineNo: line.lineNo, no: document.header.no, required: line.prepmtLineAmount, invoiced: line.prepmtAmtInv });
  }
  const [unpaid] = await unpaidPrepaymentInvoices(tx, document.header.no, context);
  if (unpaid) throw new DomainError('PREPAYMENT_UNPAID', { no: document.header.no, invoiceNo: unpaid.no, remaining: unpaid.remaining });
}

/**
 * Manual Release of an order (spec §26.6): refused while prepayment is not invoiced or, with the
 * check, not paid. (BC leaves the order Pending Prepayment in the unpaid case; a refused request
 * here changes nothing, and an order with a posted prepayment invoice is Pending Prepayment already.)
 */
export async function checkPrepaymentBeforeRelease(tx: Executor, document: SalesDocument, context: SalesContext): Promise<void> {
  if (document.header.documentType !== 'order') return;
  const uninvoiced = document.lines.filter((line) => line.type !== 'comment' && !dec(line.prepmtLineAmount).eq(dec(line.prepmtAmtInv)));
  if (uninvoiced.length > 0) {
    const amount = uninvoiced.reduce((total, line) => total.plus(dec(line.prepmtLineAmount).minus(dec(line.prepmtAmtInv))), dec('0'));
    throw new DomainError('PREPAYMENT_OUTSTANDING', { no: document.header.no, unpaid: false, amount: amount.toFixed(2) }, 'status');
  }
  const unpaid = await unpaidPrepaymentInvoices(tx, document.header.no, context);
  if (unpaid.length > 0) throw new DomainError('PREPAYMENT_OUTSTANDING', { no: document.header.no, unpaid: true, invoices: unpaid.map((row) => row.no).join(', ') }, 'status');
}

/** Whether the order may leave Pending Prepayment now. */
export async function prepaymentSettled(tx: Executor, document: SalesDocument, context: SalesContext): Promise<boolean> {
  return !uninvoicedPrepaymentLine(document.lines) && (await unpaidPrepaymentInvoices(tx, document.header.no, context)).length === 0;
}

/** The orders waiting in Pending Prepayment, for the Update Pending Prepayment Orders batch. */
export async function pendingPrepaymentOrderNos(tx: Executor): Promise<string[]> {
  const rows = await tx.select({ no: salesHeader.no }).from(salesHeader)
    .where(and(eq(salesHeader.documentType, 'order'), eq(salesHeader.status, 'pendingPrepayment'))).orderBy(sql`${salesHeader.no}`);
  return rows.map((row) => row.no);
}
