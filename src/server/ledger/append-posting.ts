/**
 * The only writer of ledger rows (DESIGN §4 step 4, §5): appendPosting writes one planned Posting —
 * G/L, VAT, customer, vendor and bank account entries with their detailed entries, the item plan,
 * and the applications of open entries — in the caller's transaction. It refuses an unbalanced
 * posting before writing anything (and the database refuses one at commit too). The register, the
 * transaction number and the entry numbers are drawn here, as the posting's last step, in one
 * statement; then every row is inserted in one statement whatever the number of lines and tables
 * (write-batch.ts), since a posting holds its number series' lock until COMMIT.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { assertBalanced } from '../../core/posting/assert-balanced.ts';
import type { Posting } from '../../core/posting/posting.ts';
import type { CustomerApplicationSide, CustomerEntryRef, CustomerUnapplyPlan } from '../../core/receivables/application-types.ts';
import { insertStatements } from '../db/bulk-insert.ts';
import type { Executor } from '../db/connection.ts';
import {
  bankAccountLedgerEntry, customerLedgerEntry, detailedCustomerLedgerEntry, detailedVendorLedgerEntry, glEntry, glRegister, itemApplicationEntry,
  itemLedgerEntry, valueEntry, vatEntry, vendorLedgerEntry,
} from '../db/schema/index.ts';
import { writeInOneStatement } from '../db/write-batch.ts';
import { drawEntryNumbers, type EntryNumbers } from './entry-numbers.ts';
import { itemPlanUpdates } from './item-plan-writer.ts';
import { postingRows, rowCounts } from './posting-rows.ts';

export interface AppendedPosting {
  transactionNo: number;
  customerLedgerEntryNos: number[];
  vendorLedgerEntryNos: number[];
  bankAccountLedgerEntryNos: number[];
  /** The entry number of an item ledger entry the plan named by id (new entries have provisional ids < 0). */
  itemLedgerEntryNo(id: number): number;
}

/** A posting numbered and ready to write; the caller may add its own writes (its posted documents) to the same statement. */
export interface PendingAppend extends AppendedPosting {
  /** Inserts the rows with the posting's rows (they may refer to its entries). */
  alsoInsert(table: PgTable, rows: readonly object[]): void;
  /** Sends the write with the posting's rows: it must not touch a row another write of the statement writes (write-batch.ts). */
  alsoWrite(write: SQL | null): void;
  /** Writes it all: one statement for every insert and the changes of item rows, then the applications' changes. */
  write(): Promise<void>;
}

export async function appendPosting(tx: Executor, posting: Posting): Promise<AppendedPosting> {
  const pending = await prepareAppend(tx, posting);
  await pending.write();
  return pending;
}

/**
 * Checks the balance, draws the numbers (one statement) unless the caller drew them already (for as
 * many rows as rowCounts gives), and builds every row; writes nothing yet.
 */
export async function prepareAppend(tx: Executor, posting: Posting, drawn?: EntryNumbers): Promise<PendingAppend> {
  assertBalanced(posting.entries);
  const { facts } = posting;
  const numbers = drawn ?? await drawEntryNumbers(tx, rowCounts(posting));
  const rows = postingRows(posting, numbers);
  const { transactionNo } = rows;
  const entryNos = (list: readonly { entryNo: number }[]) => list.map((row) => row.entryNo);
  const customerLedgerEntryNos = entryNos(rows.customerLedgerEntries);
  const customerEntryNo = (ref: CustomerEntryRef) => ('entryNo' in ref ? ref.entryNo : customerLedgerEntryNos[ref.newEntryIndex]!);
  const vendorLedgerEntryNos = entryNos(rows.vendorLedgerEntries);
  const vendorEntryNo = (ref: CustomerEntryRef) => ('entryNo' in ref ? ref.entryNo : vendorLedgerEntryNos[ref.newEntryIndex]!);
  const numbered = (table: PgTable, list: readonly object[]) => insertStatements(table, list, { numbered: true });
  const writes: SQL[] = [
    ...numbered(glRegister, [{ no: transactionNo, postingDate: facts.postingDate, sourceCode: facts.sourceCode, userId: facts.userId, documentNo: facts.document.documentNo }]),
    ...numbered(glEntry, rows.glEntries), ...numbered(vatEntry, rows.vatEntries),
    ...numbered(customerLedgerEntry, rows.customerLedgerEntries), ...numbered(detailedCustomerLedgerEntry, rows.detailedCustomerLedgerEntries),
    ...numbered(vendorLedgerEntry, rows.vendorLedgerEntries), ...numbered(detailedVendorLedgerEntry, rows.detailedVendorLedgerEntries),
    ...numbered(bankAccountLedgerEntry, rows.bankAccountLedgerEntries),
    ...numbered(itemLedgerEntry, rows.itemLedgerEntries), ...numbered(valueEntry, rows.valueEntries), ...numbered(itemApplicationEntry, rows.itemApplicationEntries),
    // Existing item entries and items only: no part of the statement inserts or changes those rows.
    ...(posting.items ? itemPlanUpdates(posting.items) : []),
  ];
  const reversalNos = entryNos(rows.detailedCustomerLedgerEntries.slice(rows.detailedCustomerLedgerEntries.length - rows.unapplyReversals));
  const vendorReversalNos = entryNos(rows.detailedVendorLedgerEntries.slice(rows.detailedVendorLedgerEntries.length - rows.vendorUnapplyReversals));
  return {
    transactionNo, customerLedgerEntryNos,
    vendorLedgerEntryNos,
    bankAccountLedgerEntryNos: entryNos(rows.bankAccountLedgerEntries),
    itemLedgerEntryNo: (id) => (id > 0 ? id : numbers.entryNo('item_ledger_entry', -id - 1)),
    alsoInsert: (table, list) => writes.push(...insertStatements(table, list)),
    alsoWrite: (write) => {
      if (write) writes.push(write);
    },
    async write() {
      await writeInOneStatement(tx, writes);
      // These change customer entries the statement may have inserted: after it.
      await updateRemaining(tx, 'customer', posting.customerApplications.flatMap((plan) => [plan.applied, plan.applying]), customerEntryNo, facts.postingDate);
      await updateRemaining(tx, 'vendor', (posting.vendorApplications ?? []).flatMap((plan) => [plan.applied, plan.applying]), vendorEntryNo, facts.postingDate);
      if (posting.customerUnapplications?.length) await writeUnapplications(tx, 'customer', posting.customerUnapplications, reversalNos);
      if (posting.vendorUnapplications?.length) await writeUnapplications(tx, 'vendor', posting.vendorUnapplications, vendorReversalNos);
    },
  };
}

/**
 * The derived columns of the applied entries, as their new detailed entries leave them: one
 * UPDATE … FROM json_to_recordset for all, whatever the number of entries (an application to 10,000
 * invoices touches 10,001). An entry touched by several steps (the paying entry) ends as its last
 * step leaves it; a column a step leaves unset (null here) keeps its value. Vendor entries have the
 * same columns, but for the discount: Pmt. Disc. Rcd.(LCY) instead of Pmt. Disc. Given (LCY).
 */
async function updateRemaining(
  tx: Executor, party: 'customer' | 'vendor', sides: readonly CustomerApplicationSide[], entryNoOf: (ref: CustomerEntryRef) => number, postingDate: string,
): Promise<void> {
  const fixed = (value: { toFixed(places: number): string } | undefined | null) => (value ? value.toFixed(2) : null);
  const byEntry = new Map<number, (string | boolean | number | null)[]>();
  for (const side of sides) {
    const entryNo = entryNoOf(side.entry);
    const previous = byEntry.get(entryNo);
    const closes = side.closedByAmount !== null;
    byEntry.set(entryNo, [
      entryNo, side.remainingAmount.toFixed(2), side.remainingAmountLcy.toFixed(2), side.open,
      closes ? entryNoOf(side.other) : previous?.[4] ?? null, closes ? postingDate : previous?.[5] ?? null, closes ? fixed(side.closedByAmount) : previous?.[6] ?? null,
      fixed(side.remainingPaymentDiscountPossible) ?? previous?.[7] ?? null, fixed(side.pmtDiscGivenLcy) ?? previous?.[8] ?? null,
      fixed(side.acceptedPaymentTolerance) ?? previous?.[9] ?? null, side.acceptedPmtDiscTolerance ?? previous?.[10] ?? null,
      fixed(side.maxPaymentTolerance) ?? previous?.[11] ?? null,
    ]);
  }
  if (byEntry.size === 0) return;
  const names = ['entry_no', 'remaining_amount', 'remaining_amount_lcy', 'open', 'closed_by_entry_no', 'closed_at_date', 'closed_by_amount',
    'remaining_payment_discount_possible', 'pmt_disc_given_lcy', 'accepted_payment_tolerance', 'accepted_pmt_disc_tolerance', 'max_payment_tolerance'];
  // One JSON parameter: a bind parameter per value would pass PostgreSQL's 65,535 limit at ~6,000 entries.
  const rows = [...byEntry.values()].map((values) => Object.fromEntries(names.map((name, index) => [name, values[index]])));
  const table = sql.raw(party === 'vendor' ? 'vendor_ledger_entry' : 'customer_ledger_entry');
  const discount = sql.raw(party === 'vendor' ? 'pmt_disc_received_lcy' : 'pmt_disc_given_lcy');
  await tx.execute(sql`
    update ${table} as e set
      remaining_amount = v.remaining_amount, remaining_amount_lcy = v.remaining_amount_lcy, open = v.open,
      closed_by_entry_no = coalesce(v.closed_by_entry_no, e.closed_by_entry_no), closed_at_date = coalesce(v.closed_at_date, e.closed_at_date),
      closed_by_amount = coalesce(v.closed_by_amount, e.closed_by_amount),
      remaining_payment_discount_possible = coalesce(v.remaining_payment_discount_possible, e.remaining_payment_discount_possible),
      ${discount} = coalesce(v.pmt_disc_given_lcy, e.${discount}),
      accepted_payment_tolerance = coalesce(v.accepted_payment_tolerance, e.accepted_payment_tolerance),
      accepted_pmt_disc_tolerance = coalesce(v.accepted_pmt_disc_tolerance, e.accepted_pmt_disc_tolerance),
      max_payment_tolerance = coalesce(v.max_payment_tolerance, e.max_payment_tolerance)
    from json_to_recordset(${JSON.stringify(rows)}::json) as v(entry_no integer, remaining_amount numeric, remaining_amount_lcy numeric, open boolean,
      closed_by_entry_no integer, closed_at_date date, closed_by_amount numeric, remaining_payment_discount_possible numeric, pmt_disc_given_lcy numeric,
      accepted_payment_tolerance numeric, accepted_pmt_disc_tolerance boolean, max_payment_tolerance numeric)
    where e.entry_no = v.entry_no`);
}

/**
 * Unapply: each undone detailed entry flagged Unapplied with the entry no. of its reversal (the
 * reversals were numbered in plan order), and the entries' derived columns restored: open again,
 * the closing facts cleared. Two UPDATE … FROM json_to_recordset, whatever the number of entries.
 */
async function writeUnapplications(
  tx: Executor, party: 'customer' | 'vendor', plans: readonly CustomerUnapplyPlan[], reversalNos: readonly number[],
): Promise<void> {
  const vendor = party === 'vendor';
  const detailed = sql.raw(vendor ? 'detailed_vendor_ledger_entry' : 'detailed_customer_ledger_entry');
  const table = sql.raw(vendor ? 'vendor_ledger_entry' : 'customer_ledger_entry');
  const discount = sql.raw(vendor ? 'pmt_disc_received_lcy' : 'pmt_disc_given_lcy');
  const reversals = plans.flatMap((plan) => plan.reversals);
  // One JSON parameter per statement: a bind parameter per value would pass PostgreSQL's 65,535 limit.
  if (reversals.length > 0) {
    const flags = reversals.map((reversal, index) => ({ entry_no: reversal.undoes, reversal_no: reversalNos[index]! }));
    await tx.execute(sql`update ${detailed} as d set unapplied = true, unapplied_by_entry_no = v.reversal_no
      from json_to_recordset(${JSON.stringify(flags)}::json) as v(entry_no integer, reversal_no integer) where d.entry_no = v.entry_no`);
  }
  const restores = plans.flatMap((plan) => plan.entries).map((restore) => ({
    entry_no: restore.entryNo, remaining_amount: restore.remainingAmount.toFixed(2), remaining_amount_lcy: restore.remainingAmountLcy.toFixed(2), open: restore.open,
    remaining_payment_discount_possible: restore.remainingPaymentDiscountPossible.toFixed(2), pmt_disc_given_lcy: restore.pmtDiscGivenLcy.toFixed(2),
    accepted_payment_tolerance: restore.acceptedPaymentTolerance.toFixed(2), accepted_pmt_disc_tolerance: restore.acceptedPmtDiscTolerance,
    max_payment_tolerance: restore.maxPaymentTolerance?.toFixed(2) ?? null,
  }));
  if (restores.length === 0) return;
  await tx.execute(sql`
    update ${table} as e set
      remaining_amount = v.remaining_amount, remaining_amount_lcy = v.remaining_amount_lcy, open = v.open,
      closed_by_entry_no = case when v.open then null else e.closed_by_entry_no end,
      closed_at_date = case when v.open then null else e.closed_at_date end,
      closed_by_amount = case when v.open then 0 else e.closed_by_amount end,
      remaining_payment_discount_possible = v.remaining_payment_discount_possible, ${discount} = v.pmt_disc_given_lcy,
      accepted_payment_tolerance = v.accepted_payment_tolerance, accepted_pmt_disc_tolerance = v.accepted_pmt_disc_tolerance,
      max_payment_tolerance = coalesce(v.max_payment_tolerance, e.max_payment_tolerance)
    from json_to_recordset(${JSON.stringify(restores)}::json) as v(entry_no integer, remaining_amount numeric, remaining_amount_lcy numeric, open boolean,
      remaining_payment_discount_possible numeric, pmt_disc_given_lcy numeric, accepted_payment_tolerance numeric, accepted_pmt_disc_tolerance boolean,
      max_payment_tolerance numeric)
    where e.entry_no = v.entry_no`);
}
