/**
 * The receivables reports read from the entries (spec §20.1, §20.7): aged receivables as of a date,
 * a customer's balance and balance due as of a date, a customer statement for a period. The
 * database does the summing; core/receivables shapes the result.
 */
import { and, asc, between, eq, sql, type SQL } from 'drizzle-orm';
import { addDays, type IsoDate } from '../../core/dates/calendar-date.ts';
import { DomainError } from '../../core/errors.ts';
import { dec } from '../../core/money/decimal.ts';
import {
  agingBuckets, assembleAgedReceivables, type AgedAmountRow, type AgedReceivables, type AgingBasis, type AgingBucket, type AgingPeriods,
} from '../../core/receivables/aging.ts';
import { customerStatement, type CustomerStatement } from '../../core/receivables/customer-statement.ts';
import type { Executor } from '../db/connection.ts';
import { customer, customerLedgerEntry, detailedCustomerLedgerEntry } from '../db/schema/index.ts';
import { customerBalances, type CustomerBalances } from '../customers/customer-statistics.ts';

async function customerName(tx: Executor, customerNo: string): Promise<string> {
  const [found] = await tx.select({ name: customer.name }).from(customer).where(eq(customer.no, customerNo));
  if (!found) throw new DomainError('NOT_FOUND', { entity: 'Customer', key: customerNo });
  return found.name;
}

/** The entry's date the report ages by (core/receivables/aging.ts referenceDate), on alias e. */
function referenceDateSql(agingBy: AgingBasis): SQL {
  if (agingBy === 'dueDate') return sql.raw('coalesce(e.due_date, e.posting_date)');
  if (agingBy === 'documentDate') return sql.raw('coalesce(e.document_date, e.posting_date)');
  return sql.raw('e.posting_date');
}

/** core's bucketIndexOf in SQL: the first bucket, newest first, that starts on or before the date. */
function bucketSql(buckets: readonly AgingBucket[]): SQL {
  // Bucket numbers are ours, written as integer literals so that the database groups by an integer.
  const bounded = buckets.flatMap((bucket, index) => (bucket.from === null ? [] : [sql`when o.reference_date >= ${bucket.from}::date then ${sql.raw(String(index))}`]));
  return sql`case ${sql.join(bounded, sql` `)} else ${sql.raw(String(buckets.length - 1))} end`;
}

/**
 * What was open on each entry at the as-of date, summed by customer, currency and bucket. By
 * definition that is Σ of the entry's detailed entries posted up to the date; summing them reads
 * every entry ever posted. The ledger keeps each entry's remaining amount (LCY) equal to Σ of all
 * its detailed entries, in the posting transaction (ledgers.ts, checked by the model test), and an
 * entry is open exactly while that is not 0 (spec §20.1). So what was open at the date is
 *   remaining now − Σ of its detailed entries posted after the date,
 * and only the entries open now and the detailed entries posted after the date are read.
 * Entries posted after the date had nothing open at it.
 */
async function agedAmountRows(tx: Executor, asOf: IsoDate, agingBy: AgingBasis, buckets: readonly AgingBucket[], customerNo?: string) {
  const ofCustomer = customerNo === undefined ? sql`` : sql`and e.customer_no = ${customerNo}`;
  const reference = referenceDateSql(agingBy);
  const result = await tx.execute(sql`
    with open_as_of as (
      select e.customer_no, e.currency_code, ${reference} as reference_date, e.remaining_amount as amount, e.remaining_amount_lcy as amount_lcy
      from customer_ledger_entry e
      where e.open and e.posting_date <= ${asOf}::date ${ofCustomer}
      union all
      select e.customer_no, e.currency_code, ${reference}, -d.amount, -d.amount_lcy
      from detailed_customer_ledger_entry d
      join customer_ledger_entry e on e.entry_no = d.customer_ledger_entry_no
      where d.posting_date > ${asOf}::date and e.posting_date <= ${asOf}::date ${ofCustomer}
    ), by_bucket as (
      select o.customer_no, o.currency_code, ${bucketSql(buckets)} as bucket, sum(o.amount) as amount, sum(o.amount_lcy) as amount_lcy
      from open_as_of o
      group by 1, 2, 3
    )
    select b.customer_no, c.name, b.currency_code, b.bucket, b.amount::text as amount, b.amount_lcy::text as amount_lcy
    from by_bucket b join customer c on c.no = b.customer_no
    where b.amount <> 0 or b.amount_lcy <> 0`);
  return (result as unknown as { rows: Array<Record<string, unknown>> }).rows;
}

export interface AgedReceivablesOptions {
  asOf: IsoDate;
  agingBy: AgingBasis;
  periods: AgingPeriods;
  customerNo?: string | undefined;
}

/** Aged receivables as of a date; its total balance is the receivables balance (Σ remaining LCY) at that date. */
export async function agedReceivables(tx: Executor, options: AgedReceivablesOptions): Promise<AgedReceivables> {
  const buckets = agingBuckets(options.asOf, options.periods);
  if (options.customerNo !== undefined) await customerName(tx, options.customerNo);
  const found = await agedAmountRows(tx, options.asOf, options.agingBy, buckets, options.customerNo);
  const rows: AgedAmountRow[] = found.map((row) => ({
    customerNo: String(row.customer_no), currencyCode: String(row.currency_code), bucket: parseInt(String(row.bucket), 10),
    amount: dec(String(row.amount)), amountLcy: dec(String(row.amount_lcy)),
  }));
  const names = new Map(found.map((row) => [String(row.customer_no), String(row.name)]));
  return assembleAgedReceivables({ asOf: options.asOf, agingBy: options.agingBy, buckets }, rows, names);
}

/** Balance (LCY) and Balance Due (LCY) as of a date: the customer statistics' own figures (customer-statistics.ts), measured then. */
export async function customerBalanceAsOf(tx: Executor, customerNo: string, asOf: IsoDate): Promise<CustomerBalances & { customerNo: string; asOf: IsoDate }> {
  await customerName(tx, customerNo);
  return { customerNo, asOf, ...(await customerBalances(tx, customerNo, { workDate: asOf, upTo: asOf })) };
}

/** The detailed entries of the customer's entries posted in the period, in posting order. */
export async function statementMovements(tx: Executor, customerNo: string, from: IsoDate, to: IsoDate) {
  const rows = await tx.select({
    detailedEntryNo: detailedCustomerLedgerEntry.entryNo,
    customerLedgerEntryNo: detailedCustomerLedgerEntry.customerLedgerEntryNo,
    entryType: detailedCustomerLedgerEntry.entryType,
    transactionNo: detailedCustomerLedgerEntry.transactionNo,
    postingDate: detailedCustomerLedgerEntry.postingDate,
    documentType: detailedCustomerLedgerEntry.documentType,
    documentNo: detailedCustomerLedgerEntry.documentNo,
    currencyCode: detailedCustomerLedgerEntry.currencyCode,
    amount: detailedCustomerLedgerEntry.amount,
    amountLcy: detailedCustomerLedgerEntry.amountLcy,
    entry: {
      documentType: customerLedgerEntry.documentType, documentNo: customerLedgerEntry.documentNo, description: customerLedgerEntry.description,
      dueDate: customerLedgerEntry.dueDate, externalDocumentNo: customerLedgerEntry.externalDocumentNo,
    },
  }).from(detailedCustomerLedgerEntry)
    .innerJoin(customerLedgerEntry, eq(detailedCustomerLedgerEntry.customerLedgerEntryNo, customerLedgerEntry.entryNo))
    .where(and(eq(customerLedgerEntry.customerNo, customerNo), between(detailedCustomerLedgerEntry.postingDate, from, to)))
    .orderBy(asc(detailedCustomerLedgerEntry.postingDate), asc(detailedCustomerLedgerEntry.entryNo));
  return rows.map((row) => ({ ...row, amount: dec(row.amount), amountLcy: dec(row.amountLcy) }));
}

/** The statement of a period: Balance (LCY) the day before it, the period's movements, the balance at its end. */
export async function customerStatementReport(tx: Executor, customerNo: string, from: IsoDate, to: IsoDate): Promise<CustomerStatement & { customerNo: string; name: string }> {
  const name = await customerName(tx, customerNo);
  const opening = await customerBalances(tx, customerNo, { workDate: from, upTo: addDays(from, -1) });
  const statement = customerStatement({ from, to }, opening.balanceLcy, await statementMovements(tx, customerNo, from, to));
  return { customerNo, name, ...statement };
}
