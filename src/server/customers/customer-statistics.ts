/**
 * A customer's balance and exposure (spec §20.7, §12.4), derived from the entries and the open sales
 * documents, never cached. Amounts are LCY including VAT. The credit check (sales-document.warnings.ts)
 * and GET /customers/{no}/statistics share these queries.
 */
import { and, eq, gte, inArray, lte, not, sql, type SQL } from 'drizzle-orm';
import { dec, type Decimal } from '../../core/money/decimal.ts';
import { DomainError } from '../../core/errors.ts';
import { balanceDueLcy } from '../../core/receivables/balance-due.ts';
import type { Executor } from '../db/connection.ts';
import { customer, customerLedgerEntry, detailedCustomerLedgerEntry, salesHeader, salesLine } from '../db/schema/index.ts';

export interface CustomerBalances {
  /** Balance (LCY): Σ Amount (LCY) of the customer's detailed ledger entries. */
  balanceLcy: Decimal;
  /** Balance Due (LCY): what is open at the work date on entries due before it (core/receivables/balance-due.ts). */
  balanceDueLcy: Decimal;
}

/**
 * `upTo` limits the balance to entries posted on or before it (BC's date filter; the credit check
 * measures up to the work date). `workDate` is when the balance due is measured: what is open then,
 * by due date, summed by the core rule (an entry due on the work date is not overdue yet).
 */
export async function customerBalances(tx: Executor, customerNo: string, options: { workDate: string; upTo?: string | undefined }): Promise<CustomerBalances> {
  // A payment carries no due date of its own: it is due when posted. One statement: the balance is the
  // grand total (grouping set ()), and of the due dates only those still open at the work date come
  // back, however many closed entries the customer has.
  const dueDate = sql<string>`coalesce(${customerLedgerEntry.dueDate}, ${customerLedgerEntry.postingDate})`;
  const inBalance = options.upTo === undefined ? sql`true` : lte(detailedCustomerLedgerEntry.postingDate, options.upTo);
  const remaining = sql`sum(${detailedCustomerLedgerEntry.amountLcy}) filter (where ${lte(detailedCustomerLedgerEntry.postingDate, options.workDate)})`;
  const rows = await tx.select({
    total: sql<number>`grouping(${dueDate})`.mapWith(Number),
    dueDate: sql<string | null>`${dueDate}::text`,
    balanceLcy: sql<string>`coalesce(sum(${detailedCustomerLedgerEntry.amountLcy}) filter (where ${inBalance}), 0)`,
    remainingAmountLcy: sql<string>`coalesce(${remaining}, 0)`,
  }).from(detailedCustomerLedgerEntry)
    .innerJoin(customerLedgerEntry, eq(detailedCustomerLedgerEntry.customerLedgerEntryNo, customerLedgerEntry.entryNo))
    .where(eq(customerLedgerEntry.customerNo, customerNo))
    .groupBy(sql`grouping sets ((${dueDate}), ())`)
    .having(sql`grouping(${dueDate}) = 1 or ${remaining} <> 0`);
  const total = rows.find((row) => row.total === 1);
  const open = rows.filter((row) => row.total === 0);
  return {
    balanceLcy: dec(total?.balanceLcy ?? '0'),
    balanceDueLcy: balanceDueLcy(open.map((row) => ({ dueDate: String(row.dueDate), remainingAmountLcy: dec(String(row.remainingAmountLcy)) })), options.workDate),
  };
}

export interface SalesDocumentExposure {
  /** Orders: the part not yet shipped (Outstanding Orders (LCY)). */
  outstandingOrdersLcy: Decimal;
  /** Orders: shipped and not yet invoiced (Shipped Not Invoiced (LCY)). */
  shippedNotInvoicedLcy: Decimal;
  /** Unposted invoices, less lines billing a shipment (already counted as shipped not invoiced). */
  outstandingInvoicesLcy: Decimal;
  /** Return orders: the part not yet received. */
  outstandingReturnOrdersLcy: Decimal;
  /** Return orders: received and not yet credited (Return Rcd. Not Invd. (LCY)). */
  returnReceivedNotInvoicedLcy: Decimal;
  /** Unposted credit memos, less lines crediting a return receipt. */
  outstandingCreditMemosLcy: Decimal;
  /** Orders' prepayments invoiced and not yet deducted, incl. VAT (spec §26.9.3): already in the balance, so not counted twice. */
  invoicedPrepaymentsLcy: Decimal;
}

/** round(Amount Including VAT × quantity / Quantity / Currency Factor, 2): a line's share, in LCY. */
function shareLcy(quantity: SQL): SQL {
  return sql`round(${salesLine.amountIncludingVat} * (${quantity}) / nullif(${salesLine.quantity}, 0) / ${salesHeader.currencyFactor}, 2)`;
}

function sumOf(documentType: string, amount: SQL, condition?: SQL): SQL<string> {
  const where = condition ? sql`${salesHeader.documentType} = ${documentType} and ${condition}` : sql`${salesHeader.documentType} = ${documentType}`;
  return sql<string>`coalesce(sum(${amount}) filter (where ${where}), 0)`;
}

/**
 * What the customer's (as bill-to) open sales documents still add, summed in the database in one
 * query. `exclude` leaves out the document being checked, which the credit check counts itself.
 */
export async function salesDocumentExposure(
  tx: Executor, customerNo: string, options: { exclude?: { documentType: string; no: string } } = {},
): Promise<SalesDocumentExposure> {
  const notFromShipment = sql`coalesce(${salesLine.shipmentNo}, '') = ''`;
  const notFromReturnReceipt = sql`coalesce(${salesLine.returnReceiptNo}, '') = ''`;
  const [row] = await tx.select({
    outstandingOrdersLcy: sumOf('order', shareLcy(sql`${salesLine.quantity} - ${salesLine.quantityShipped}`)),
    shippedNotInvoicedLcy: sumOf('order', shareLcy(sql`${salesLine.quantityShipped} - ${salesLine.quantityInvoiced}`)),
    outstandingInvoicesLcy: sumOf('invoice', shareLcy(sql`${salesLine.quantity} - ${salesLine.quantityInvoiced}`), notFromShipment),
    outstandingReturnOrdersLcy: sumOf('returnOrder', shareLcy(sql`${salesLine.quantity} - ${salesLine.returnQuantityReceived}`)),
    returnReceivedNotInvoicedLcy: sumOf('returnOrder', shareLcy(sql`${salesLine.returnQuantityReceived} - ${salesLine.quantityInvoiced}`)),
    outstandingCreditMemosLcy: sumOf('creditMemo', shareLcy(sql`${salesLine.quantity} - ${salesLine.quantityInvoiced}`), notFromReturnReceipt),
    invoicedPrepaymentsLcy: sumOf('order', sql`${salesLine.prepmtAmountInvLcy} + ${salesLine.prepmtVatAmountInvLcy}`),
  }).from(salesLine)
    .innerJoin(salesHeader, and(eq(salesLine.documentType, salesHeader.documentType), eq(salesLine.documentNo, salesHeader.no)))
    .where(and(
      eq(salesHeader.billToCustomerNo, customerNo),
      inArray(salesHeader.documentType, ['order', 'invoice', 'returnOrder', 'creditMemo']),
      options.exclude ? not(and(eq(salesHeader.documentType, options.exclude.documentType), eq(salesHeader.no, options.exclude.no))!) : undefined,
    ));
  return {
    outstandingOrdersLcy: dec(row!.outstandingOrdersLcy),
    invoicedPrepaymentsLcy: dec(row!.invoicedPrepaymentsLcy),
    shippedNotInvoicedLcy: dec(row!.shippedNotInvoicedLcy),
    outstandingInvoicesLcy: dec(row!.outstandingInvoicesLcy),
    outstandingReturnOrdersLcy: dec(row!.outstandingReturnOrdersLcy),
    returnReceivedNotInvoicedLcy: dec(row!.returnReceivedNotInvoicedLcy),
    outstandingCreditMemosLcy: dec(row!.outstandingCreditMemosLcy),
  };
}

export interface CustomerStatistics extends CustomerBalances, SalesDocumentExposure {
  customerNo: string;
  workDate: string;
  creditLimitLcy: Decimal;
  /** Sales (LCY) and Profit (LCY) of the entries posted from 1 January of the work date's year up to the work date. */
  salesLcyThisYear: Decimal;
  profitLcyThisYear: Decimal;
}

/** The Customer Statistics figures at a work date; the balance counts every entry, the balance due those due by the work date. */
export async function customerStatistics(tx: Executor, customerNo: string, workDate: string): Promise<CustomerStatistics> {
  const [found] = await tx.select({ no: customer.no, creditLimitLcy: customer.creditLimitLcy }).from(customer).where(eq(customer.no, customerNo));
  if (!found) throw new DomainError('NOT_FOUND', { entity: 'Customer', key: customerNo });
  const balances = await customerBalances(tx, customerNo, { workDate });
  const [thisYear] = await tx.select({
    salesLcy: sql<string>`coalesce(sum(${customerLedgerEntry.salesLcy}), 0)`,
    profitLcy: sql<string>`coalesce(sum(${customerLedgerEntry.profitLcy}), 0)`,
  }).from(customerLedgerEntry).where(and(
    eq(customerLedgerEntry.customerNo, customerNo),
    gte(customerLedgerEntry.postingDate, `${workDate.slice(0, 4)}-01-01`),
    lte(customerLedgerEntry.postingDate, workDate),
  ));
  return {
    customerNo, workDate, creditLimitLcy: dec(found.creditLimitLcy),
    ...balances,
    salesLcyThisYear: dec(thisYear!.salesLcy), profitLcyThisYear: dec(thisYear!.profitLcy),
    ...(await salesDocumentExposure(tx, customerNo)),
  };
}
