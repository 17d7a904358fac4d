/**
 * What must hold of the books after any number of crashes (issue 9 point 8), read with SQL from
 * the data directory. Each check answers a list of violations, each one line a person can act on.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../../src/server/db/connection.ts';
import { incrementNumber } from '../../../src/core/number-series/next-number.ts';
import { dec } from '../../../src/core/money/decimal.ts';

/** A posting whose 201 answer the client received: its numbers must be in the books. */
export interface AcknowledgedPosting {
  path: string;
  shipmentNo: string | null;
  invoiceNo: string | null;
  transactionNo: number;
  retried: boolean;
}

async function rows<T>(db: Executor, query: SQL): Promise<T[]> {
  return (await db.execute(query) as unknown as { rows: T[] }).rows;
}

export async function acknowledgedPostingsMissing(db: Executor, acknowledged: readonly AcknowledgedPosting[]): Promise<string[]> {
  const posted = new Set((await rows<{ key: string }>(db, sql`select document_type || ':' || no as key from posted_sales_header`)).map((row) => row.key));
  const registers = new Set((await rows<{ no: number }>(db, sql`select no from gl_register`)).map((row) => row.no));
  const violations: string[] = [];
  for (const posting of acknowledged) {
    if (posting.shipmentNo && !posted.has(`shipment:${posting.shipmentNo}`)) violations.push(`acknowledged shipment ${posting.shipmentNo} (${posting.path}) is missing`);
    if (posting.invoiceNo && !posted.has(`invoice:${posting.invoiceNo}`)) violations.push(`acknowledged invoice ${posting.invoiceNo} (${posting.path}) is missing`);
    if (!registers.has(posting.transactionNo)) violations.push(`acknowledged transaction ${posting.transactionNo} (${posting.path}) has no G/L register`);
  }
  return violations;
}

export async function unbalancedTransactions(db: Executor): Promise<string[]> {
  const unbalanced = await rows<{ transaction_no: number; amount: string; debit_minus_credit: string }>(db, sql`
    select transaction_no, sum(amount) as amount, sum(debit_amount) - sum(credit_amount) as debit_minus_credit
    from gl_entry group by transaction_no
    having sum(amount) <> 0 or sum(debit_amount) - sum(credit_amount) <> 0`);
  return unbalanced.map((row) => `G/L transaction ${row.transaction_no} sums to ${row.amount} (debit - credit ${row.debit_minus_credit})`);
}

/** Posted numbers of each series are exactly its starting number up to its last number used. */
export async function numberGaps(db: Executor): Promise<string[]> {
  const lines = await rows<{ series_code: string; starting_no: string; last_no_used: string | null; increment_by: number }>(db, sql`
    select series_code, starting_no, last_no_used, increment_by from no_series_line
    where series_code in (select distinct no_series from posted_sales_header where no_series is not null)`);
  const violations: string[] = [];
  for (const line of lines) {
    const used = new Set((await rows<{ no: string }>(db, sql`select no from posted_sales_header where no_series = ${line.series_code}`)).map((row) => row.no));
    const expected: string[] = [];
    if (line.last_no_used) {
      for (let no = line.starting_no; ; no = incrementNumber(no, line.increment_by)) {
        expected.push(no);
        if (no === line.last_no_used || expected.length > used.size + 1000) break;
      }
    }
    const missing = expected.filter((no) => !used.has(no));
    const beyond = [...used].filter((no) => !expected.includes(no));
    if (missing.length > 0) violations.push(`series ${line.series_code}: ${missing.length} number(s) up to ${line.last_no_used} never posted: ${missing.slice(0, 10).join(', ')}`);
    if (beyond.length > 0) violations.push(`series ${line.series_code}: ${beyond.length} posted number(s) beyond last used ${line.last_no_used}: ${beyond.slice(0, 10).join(', ')}`);
  }
  return violations;
}

/** Every posted invoice has its lines, customer ledger entry, G/L and VAT entries; every header its lines. */
export async function halfWrittenDocuments(db: Executor): Promise<string[]> {
  const invoices = await rows<{ no: string; problem: string }>(db, sql`
    select h.no, concat_ws(', ',
      case when not exists (select 1 from customer_ledger_entry c where c.entry_no = h.customer_ledger_entry_no and c.document_no = h.no and c.amount = h.amount_including_vat) then 'no customer ledger entry of its amount' end,
      case when not exists (select 1 from gl_entry g where g.document_no = h.no and g.transaction_no = h.transaction_no) then 'no G/L entries' end,
      case when not exists (select 1 from vat_entry v where v.document_no = h.no and v.transaction_no = h.transaction_no) then 'no VAT entries' end
    ) as problem
    from posted_sales_header h where h.document_type = 'invoice'`);
  const withoutLines = await rows<{ document_type: string; no: string }>(db, sql`
    select h.document_type, h.no from posted_sales_header h
    where not exists (select 1 from posted_sales_line l where l.document_type = h.document_type and l.document_no = h.no)`);
  return [
    ...invoices.filter((row) => row.problem).map((row) => `posted invoice ${row.no}: ${row.problem}`),
    ...withoutLines.map((row) => `posted ${row.document_type} ${row.no} has no lines`),
  ];
}

/** Each posted shipment line of an inventory item has its own sale entry of the same quantity, and no sale entry is without one. */
export async function itemLedgerDisagreements(db: Executor): Promise<string[]> {
  const lines = await rows<{ document_no: string; line_no: number; problem: string }>(db, sql`
    select l.document_no, l.line_no, 'item ledger entry ' || coalesce(l.item_ledger_entry_no::text, 'none') || ' does not match quantity ' || l.quantity_base as problem
    from posted_sales_line l join item i on i.no = l.no
    where l.document_type = 'shipment' and l.type = 'item' and i.type = 'inventory' and l.quantity_base <> 0
      and not exists (select 1 from item_ledger_entry e where e.entry_no = l.item_ledger_entry_no and e.item_no = l.no
        and e.document_no = l.document_no and e.entry_type = 'sale' and e.quantity = -l.quantity_base)`);
  const orphans = await rows<{ entry_no: number; document_no: string }>(db, sql`
    select e.entry_no, e.document_no from item_ledger_entry e
    where e.entry_type = 'sale' and not exists (select 1 from posted_sales_line l
      where l.document_type = 'shipment' and l.document_no = e.document_no and l.item_ledger_entry_no = e.entry_no)`);
  return [
    ...lines.map((row) => `shipment ${row.document_no} line ${row.line_no}: ${row.problem}`),
    ...orphans.map((row) => `item ledger entry ${row.entry_no} (${row.document_no}) belongs to no posted shipment line`),
  ];
}

/** A source document is shipped at most once and invoiced at most once here (each posts all it has). */
export async function postedTwice(db: Executor): Promise<string[]> {
  const twice = await rows<{ document_type: string; source_document_type: string; source_document_no: string; numbers: string }>(db, sql`
    select document_type, source_document_type, source_document_no, string_agg(no, ', ' order by no) as numbers
    from posted_sales_header group by document_type, source_document_type, source_document_no having count(*) > 1`);
  return twice.map((row) => `${row.source_document_type} ${row.source_document_no} has more than one posted ${row.document_type}: ${row.numbers}`);
}

/**
 * Combine Shipments' promise: every shipment line of an order marked Combine Shipments is invoiced
 * exactly once, and no unposted invoice is left holding shipment lines.
 */
export async function combinedShipmentsNotInvoicedOnce(db: Executor): Promise<string[]> {
  const lines = await rows<{ document_no: string; line_no: number; quantity: string; quantity_invoiced: string; on_invoices: string }>(db, sql`
    select s.document_no, s.line_no, s.quantity, s.quantity_invoiced,
      coalesce((select sum(i.quantity) from posted_sales_line i where i.document_type = 'invoice' and i.shipment_no = s.document_no and i.shipment_line_no = s.line_no), 0) as on_invoices
    from posted_sales_line s join posted_sales_header h on h.document_type = s.document_type and h.no = s.document_no
    join sales_header o on o.document_type = 'order' and o.no = h.source_document_no
    where s.document_type = 'shipment' and s.type = 'item' and s.correction = false and o.combine_shipments`);
  const held = await rows<{ document_no: string; line_no: number; shipment_no: string }>(db, sql`
    select document_no, line_no, shipment_no || ' line ' || shipment_line_no as shipment_no from sales_line where shipment_no is not null`);
  return [
    ...lines.filter((line) => !dec(line.on_invoices).eq(dec(line.quantity)) || !dec(line.quantity_invoiced).eq(dec(line.quantity)))
      .map((line) => `shipment ${line.document_no} line ${line.line_no}: quantity ${line.quantity}, invoiced ${line.quantity_invoiced}, on posted invoices ${line.on_invoices}`),
    ...held.map((line) => `unposted invoice ${line.document_no} line ${line.line_no} still holds shipment ${line.shipment_no}`),
  ];
}

/** Entry numbers PostgreSQL skipped (identity values cached ahead are lost in a crash): a figure, not a failure. */
export async function entryNumberGaps(db: Executor): Promise<Record<string, number>> {
  const gaps: Record<string, number> = {};
  for (const [table, column] of [['gl_register', 'no'], ['gl_entry', 'entry_no'], ['customer_ledger_entry', 'entry_no'], ['item_ledger_entry', 'entry_no'], ['vat_entry', 'entry_no']] as const) {
    const [row] = await rows<{ gaps: number }>(db, sql`select (coalesce(max(${sql.identifier(column)}), 0) - count(*))::int as gaps from ${sql.identifier(table)}`);
    gaps[table] = row!.gaps;
  }
  return gaps;
}

export async function allViolations(db: Executor, acknowledged: readonly AcknowledgedPosting[]): Promise<string[]> {
  return [
    ...await acknowledgedPostingsMissing(db, acknowledged),
    ...await unbalancedTransactions(db),
    ...await numberGaps(db),
    ...await halfWrittenDocuments(db),
    ...await itemLedgerDisagreements(db),
    ...await postedTwice(db),
  ];
}
