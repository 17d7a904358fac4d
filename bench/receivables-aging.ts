// Aged receivables over 1,000,000 customer ledger entries (issue 12): a fresh database filled with
// generate_series — 555,556 invoices of 1,000 customers over two years, four in five paid 20–49 days
// later by a payment applied to it — then the report as of a past date, timed. Figures only.
import { sql } from 'drizzle-orm';
import { performance } from 'node:perf_hooks';
import { openDatabase, type DatabaseHandle, type Executor } from '../src/server/db/connection.ts';
import { agedReceivables } from '../src/server/receivables/reports.queries.ts';
import { printLine } from './measure.ts';
import { freshServerDatabase } from './server-database.ts';

const invoiceCount = 555_556;
const paymentCount = 444_444;
const firstDay = '2024-01-01';
/** A month-end about three months before the last payment: the data goes on after it. */
const asOf = '2025-11-30';

/**
 * Invoice k (customer 1 + k mod 1000) is posted on day (k − 1) · 730 / invoices and due 30 days
 * later; payment j pays invoice j + ⌊(j − 1) / 4⌋ (so every fifth invoice stays open) 20–49 days
 * after it. Entry numbers are given: invoices 1…555,556, payments after them. One G/L register per day.
 */
async function fillLedger(tx: Executor) {
  const invoiceDay = sql.raw(`((k - 1)::bigint * 730 / ${invoiceCount})::int`);
  const paidAfter = sql.raw('(20 + k % 30)');
  await tx.execute(sql`insert into customer (no, name) select 'B' || lpad(c::text, 5, '0'), 'Bench customer ' || c from generate_series(1, 1000) c`);
  await tx.execute(sql`insert into gl_register (no, source_code, posting_date, document_no) overriding system value
    select day + 1, 'BENCH', ${firstDay}::date + day, 'BENCH' from generate_series(0, 799) day`);
  // Which invoices are paid, and by which payment: payment j pays invoice k = j + (j - 1) / 4.
  await tx.execute(sql`create temporary table bench_payment on commit drop as
    select ${invoiceCount} + j as entry_no, k, ${invoiceDay} + ${paidAfter} as day, 'B' || lpad((1 + k % 1000)::text, 5, '0') as customer_no,
      (k % 997 + 1)::numeric(18, 2) as amount
    from (select j, j + (j - 1) / 4 as k from generate_series(1, ${paymentCount}) j) paid`);
  await tx.execute(sql`insert into customer_ledger_entry (entry_no, transaction_no, posting_date, document_type, document_no, customer_no, document_date,
      amount, amount_lcy, remaining_amount, remaining_amount_lcy, due_date, open, positive, closed_by_entry_no, closed_at_date)
    overriding system value
    select k, invoice.day + 1, ${firstDay}::date + invoice.day, 'invoice', 'BI' || k, 'B' || lpad((1 + k % 1000)::text, 5, '0'), ${firstDay}::date + invoice.day,
      invoice.amount, invoice.amount, remaining.amount, remaining.amount, ${firstDay}::date + invoice.day + 30, p.entry_no is null, true, p.entry_no, ${firstDay}::date + p.day
    from (select k, ${invoiceDay} as day, (k % 997 + 1)::numeric(18, 2) as amount from generate_series(1, ${invoiceCount}) k) invoice
    left join bench_payment p using (k)
    cross join lateral (select case when p.entry_no is null then invoice.amount else 0 end as amount) remaining
    order by k`);
  await tx.execute(sql`insert into customer_ledger_entry (entry_no, transaction_no, posting_date, document_type, document_no, customer_no, document_date,
      amount, amount_lcy, remaining_amount, remaining_amount_lcy, open, positive, closed_by_entry_no, closed_at_date)
    overriding system value
    select entry_no, day + 1, ${firstDay}::date + day, 'payment', 'BP' || k, customer_no, ${firstDay}::date + day, -amount, -amount, 0, 0, false, false,
      k, ${firstDay}::date + day
    from bench_payment order by entry_no`);
  await tx.execute(sql`insert into detailed_customer_ledger_entry (customer_ledger_entry_no, entry_type, transaction_no, posting_date, document_type, document_no,
      customer_no, amount, amount_lcy)
    select entry_no, 'initialEntry', transaction_no, posting_date, document_type, document_no, customer_no, amount, amount_lcy from customer_ledger_entry order by entry_no`);
  await tx.execute(sql`insert into detailed_customer_ledger_entry (customer_ledger_entry_no, entry_type, transaction_no, posting_date, document_type, document_no,
      customer_no, amount, amount_lcy, applied_customer_ledger_entry_no)
    select side.entry_no, 'application', p.day + 1, ${firstDay}::date + p.day, 'payment', 'BP' || p.k, p.customer_no, side.amount, side.amount, side.applied
    from bench_payment p cross join lateral (values (p.entry_no, p.amount, p.k), (p.k, -p.amount, p.entry_no)) side(entry_no, amount, applied)`);
}

async function agingFigure(label: string, handle: DatabaseHandle) {
  try {
    await handle.migrate();
    const started = performance.now();
    await handle.db.transaction(async (tx) => {
      // The rows are consistent by construction; checking each row's references (customer, register,
      // entry) one lookup at a time would take most of the fill. Only a superuser may skip them.
      const [role] = (await tx.execute(sql`select rolsuper from pg_roles where rolname = current_user`) as unknown as { rows: Array<{ rolsuper: boolean }> }).rows;
      if (role?.rolsuper) await tx.execute(sql`set local session_replication_role = replica`);
      await fillLedger(tx as Executor);
    });
    await handle.db.execute(sql`analyze customer_ledger_entry, detailed_customer_ledger_entry`);
    const loadSeconds = (performance.now() - started) / 1000;
    const times: string[] = [];
    const cpuTimes: string[] = [];
    let balance = '';
    for (let run = 0; run < 3; run++) {
      const before = performance.now();
      const cpuBefore = process.cpuUsage();
      const report = await agedReceivables(handle.db, { asOf, agingBy: 'dueDate', periods: { periodLength: '30D', periods: 3 } });
      const cpu = process.cpuUsage(cpuBefore);
      times.push((performance.now() - before).toFixed(0));
      cpuTimes.push(((cpu.user + cpu.system) / 1000).toFixed(0));
      balance = report.totals.lcy.balance.toFixed(2);
    }
    // PGlite runs in this process: its CPU time is the query's work, whatever else the machine is doing.
    const cpuNote = handle.kind === 'pglite' ? `, Node CPU ${cpuTimes.join(' / ')} ms` : '';
    printLine(`aged receivables, 1,000,000 entries (${label})`, `as of ${asOf}: ${times.join(' / ')} ms (3 runs${cpuNote}; balance ${balance}; filled in ${loadSeconds.toFixed(0)} s)`);
  } finally {
    await handle.close();
  }
}

/** On a fresh embedded PGlite, and on a fresh database of the PostgreSQL server when there is one. */
export async function receivablesAgingFigures(serverUrl: string | undefined) {
  console.log('\nAged receivables report (GET /api/v1/receivables/agedReceivables), its query alone, fresh database of its own');
  await agingFigure('PGlite', await openDatabase({}));
  if (!serverUrl) printLine('aged receivables, 1,000,000 entries (server)', 'skipped: no PostgreSQL server (set BENCH_DATABASE_URL)');
  else await agingFigure('server', await freshServerDatabase(serverUrl));
}

if (import.meta.url === `file://${process.argv[1]}`) await receivablesAgingFigures(process.env.BENCH_DATABASE_URL);
