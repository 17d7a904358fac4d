/**
 * The floor under a posting: the rows one posted 10-line invoice wrote (posted documents, G/L, VAT,
 * customer and detailed entries, item, value and application entries), written again with plain
 * SQL in one transaction, one multi-row statement per table, plus the updates a posting makes (the
 * number series, the stock layers taken from, the document's sales lines). No ORM, no HTTP, no
 * reads beyond RETURNING: what hand-written SQL on the same tables, indexes, keys and triggers costs.
 */
import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';
import type { DatabaseHandle } from '../src/server/db/connection.ts';
import { todayIsoDate } from '../src/server/shared/clock.ts';

type Row = Record<string, string | null>;
type Query = (text: string, params?: readonly (string | null)[]) => Promise<Row[]>;

/** A transaction on the handle's driver client, below drizzle. */
async function inTransaction<T>(handle: DatabaseHandle, work: (query: Query) => Promise<T>): Promise<T> {
  const client = (handle.db as unknown as { $client: PGlite | pg.Pool }).$client;
  if (handle.kind === 'pglite') {
    return (client as PGlite).transaction((tx) => work(async (text, params) => (await tx.query<Row>(text, params as unknown[])).rows));
  }
  const connection = await (client as pg.Pool).connect();
  try {
    await connection.query('begin');
    const result = await work(async (text, params) => (await connection.query<Row>(text, params as unknown[])).rows);
    await connection.query('commit');
    return result;
  } catch (error) {
    await connection.query('rollback');
    throw error;
  } finally {
    connection.release();
  }
}

/** Rows as text, exactly as PostgreSQL prints each value (arrays as array literals): dates, numerics, booleans and arrays go back in unchanged. */
async function textRows(query: Query, table: string, where: string, params: readonly string[], orderBy: string): Promise<Row[]> {
  const cells = await query(
    `select t.ctid::text as id, j.key,
       case jsonb_typeof(j.value) when 'null' then null
         when 'array' then array(select jsonb_array_elements_text(j.value))::text else j.value #>> '{}' end as value
     from ${table} t cross join lateral jsonb_each(to_jsonb(t)) j where ${where}`, params);
  const rows = new Map<string, Row>();
  for (const cell of cells) {
    const row = rows.get(cell.id!) ?? {};
    row[cell.key!] = cell.value ?? null;
    rows.set(cell.id!, row);
  }
  return [...rows.values()].sort((a, b) => a[orderBy]!.localeCompare(b[orderBy]!, 'en', { numeric: true }));
}

/** The rows of one posting transaction, by table. */
interface Template {
  register: Row;
  itemLedgerEntries: Row[];
  applications: Row[];
  valueEntries: Row[];
  glEntries: Row[];
  vatEntries: Row[];
  customerEntries: Row[];
  detailedEntries: Row[];
  postedHeaders: Row[];
  postedLines: Row[];
}

async function loadTemplate(query: Query, transactionNo: number): Promise<Template> {
  const of = (table: string) => textRows(query, table, 't.transaction_no = $1', [String(transactionNo)], 'entry_no');
  const postedHeaders = await textRows(query, 'posted_sales_header', 't.transaction_no = $1', [String(transactionNo)], 'no');
  const postedLines = await textRows(query, 'posted_sales_line', 't.document_no = any($1::text[])',
    [`{${postedHeaders.map((header) => header.no).join(',')}}`], 'line_no');
  const [register] = await textRows(query, 'gl_register', 't.no = $1', [String(transactionNo)], 'no');
  return {
    register: register!, itemLedgerEntries: await of('item_ledger_entry'), applications: await of('item_application_entry'),
    valueEntries: await of('value_entry'), glEntries: await of('gl_entry'), vatEntries: await of('vat_entry'),
    customerEntries: await of('customer_ledger_entry'), detailedEntries: await of('detailed_customer_ledger_entry'),
    postedHeaders, postedLines,
  };
}

/** One multi-row INSERT of `rows` (the identity column left to its sequence), returning the new keys in order. */
async function insertRows(query: Query, table: string, rows: readonly Row[], identity: string | null): Promise<Row[]> {
  if (rows.length === 0) return [];
  const columns = Object.keys(rows[0]!).filter((column) => column !== identity);
  const params: (string | null)[] = [];
  const tuples = rows.map((row) => `(${columns.map((column) => {
    params.push(row[column] ?? null);
    return `$${params.length}`;
  }).join(', ')})`);
  const returning = identity ? ` returning ${identity}::text as ${identity}` : '';
  return query(`insert into ${table} (${columns.map((column) => `"${column}"`).join(', ')}) values ${tuples.join(', ')}${returning}`, params);
}

/** Old key → new key, for rows written in the same order as their template. */
function renumbered(template: readonly Row[], written: readonly Row[], key: string): Map<string, string> {
  const numbers = written.map((row) => row[key]!).sort((a, b) => Number(a) - Number(b));
  return new Map(template.map((row, index) => [row[key]!, numbers[index]!]));
}

export interface RawSqlBaseline {
  /** Rows written (inserted or updated) by one run. */
  rows: number;
  /** Writes the template's rows once more, in one transaction; returns the number of statements it sent (BEGIN and COMMIT aside). */
  post(): Promise<number>;
}

/**
 * Prepares the baseline from posting transaction `transactionNo` (a posted 10-line invoice): a number
 * series of its own and the unposted 10-line order whose lines every run updates.
 */
export async function prepareRawSqlBaseline(handle: DatabaseHandle, transactionNo: number, orderNo: string): Promise<RawSqlBaseline> {
  const template = await inTransaction(handle, (query) => loadTemplate(query, transactionNo));
  const orderLines = await inTransaction(handle, (query) =>
    query(`select line_no::text, quantity_shipped::text, quantity_to_ship::text, quantity_invoiced::text, quantity_to_invoice::text
           from sales_line where document_type = 'order' and document_no = $1`, [orderNo]));
  await inTransaction(handle, async (query) => {
    await query(`insert into no_series (code, description) values ('BENCH-RAW', 'Raw-SQL baseline')`);
    await query(`insert into no_series_line (series_code, line_no, starting_no) values ('BENCH-RAW', 10000, 'RAW0000001')`);
  });
  const documentNos = new Set(template.postedHeaders.map((header) => header.no!));
  const inserted = Object.values(template).reduce((total, rows) => total + (Array.isArray(rows) ? rows.length : 1), 0);
  const newEntries = new Set(template.itemLedgerEntries.map((row) => row.entry_no));
  const layersTaken = new Set(template.applications.map((row) => row.inbound_item_entry_no).filter((entryNo) => !newEntries.has(entryNo))).size;
  return {
    rows: inserted + 1 + layersTaken + orderLines.length,
    post: () => inTransaction(handle, async (query) => {
      let statements = 0;
      const counted: Query = (text, params) => {
        statements++;
        return query(text, params);
      };
      await writeOnce(counted, template, documentNos, orderNo, orderLines);
      return statements;
    }),
  };
}

async function writeOnce(query: Query, template: Template, documentNos: Set<string>, orderNo: string, orderLines: readonly Row[]): Promise<void> {
  const [series] = await query(`
    update no_series_line set last_no_used = 'RAW' || lpad((coalesce(substr(last_no_used, 4)::integer, 0) + 1)::text, 7, '0'), last_date_used = $1
    where series_code = 'BENCH-RAW' and line_no = 10000 returning last_no_used`, [todayIsoDate()]);
  const no = series!.last_no_used!;
  const [register] = await insertRows(query, 'gl_register', [{ ...template.register, document_no: no }], 'no');
  const transactionNo = register!.no!;
  const entry = (row: Row): Row => ({
    ...row, transaction_no: transactionNo,
    ...('document_no' in row ? { document_no: documentNos.has(row.document_no!) ? no : row.document_no! } : {}),
  });

  const itemEntries = renumbered(template.itemLedgerEntries,
    await insertRows(query, 'item_ledger_entry', template.itemLedgerEntries.map(entry), 'entry_no'), 'entry_no');
  const itemEntry = (entryNo: string | null) => (entryNo === null ? null : itemEntries.get(entryNo) ?? entryNo);
  await insertRows(query, 'item_application_entry', template.applications.map((row) => ({
    ...entry(row), item_ledger_entry_no: itemEntry(row.item_ledger_entry_no!),
    inbound_item_entry_no: itemEntry(row.inbound_item_entry_no!), outbound_item_entry_no: itemEntry(row.outbound_item_entry_no ?? null),
  })), 'entry_no');
  await insertRows(query, 'value_entry', template.valueEntries.map((row) => ({ ...entry(row), item_ledger_entry_no: itemEntry(row.item_ledger_entry_no!) })), 'entry_no');
  // The stock layers the sales took from: their remaining quantity goes down, as the posting's one UPDATE does.
  const taken = template.applications.filter((row) => !itemEntries.has(row.inbound_item_entry_no!));
  const layers = taken.map((_, index) => `($${index * 2 + 1}::integer, $${index * 2 + 2}::numeric)`).join(', ');
  await query(`update item_ledger_entry as e set remaining_quantity = e.remaining_quantity + v.quantity
    from (values ${layers}) as v(entry_no, quantity) where e.entry_no = v.entry_no`, taken.flatMap((row) => [row.inbound_item_entry_no!, row.quantity!]));

  await insertRows(query, 'gl_entry', template.glEntries.map(entry), 'entry_no');
  await insertRows(query, 'vat_entry', template.vatEntries.map(entry), 'entry_no');
  const customerEntries = renumbered(template.customerEntries,
    await insertRows(query, 'customer_ledger_entry', template.customerEntries.map(entry), 'entry_no'), 'entry_no');
  await insertRows(query, 'detailed_customer_ledger_entry', template.detailedEntries.map((row) => ({
    ...entry(row), customer_ledger_entry_no: customerEntries.get(row.customer_ledger_entry_no!)!,
  })), 'entry_no');
  await insertRows(query, 'posted_sales_header', template.postedHeaders.map((row) => ({
    ...row, no, transaction_no: transactionNo,
    customer_ledger_entry_no: row.customer_ledger_entry_no === null ? null : customerEntries.get(row.customer_ledger_entry_no!) ?? null,
  })), null);
  await insertRows(query, 'posted_sales_line', template.postedLines.map((row) => ({
    ...row, document_no: no, item_ledger_entry_no: itemEntry(row.item_ledger_entry_no ?? null),
  })), null);
  // The document's lines take their new quantities: one UPDATE … FROM (VALUES …), as the posting does for orders.
  const lines = orderLines.map((_, index) => `($${index * 5 + 2}::integer, $${index * 5 + 3}::numeric, $${index * 5 + 4}::numeric, $${index * 5 + 5}::numeric, $${index * 5 + 6}::numeric)`).join(', ');
  await query(`update sales_line as l set quantity_shipped = v.shipped, quantity_to_ship = v.to_ship, quantity_invoiced = v.invoiced, quantity_to_invoice = v.to_invoice
    from (values ${lines}) as v(line_no, shipped, to_ship, invoiced, to_invoice)
    where l.document_type = 'order' and l.document_no = $1 and l.line_no = v.line_no`,
  [orderNo, ...orderLines.flatMap((line) => [line.line_no!, line.quantity_shipped!, line.quantity_to_ship!, line.quantity_invoiced!, line.quantity_to_invoice!])]);
}
