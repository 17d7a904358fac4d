/**
 * The floor under a posting: the rows one posted 10-line invoice wrote (posted documents, G/L, VAT,
 * customer and detailed entries, item, value and application entries), written again with plain
 * SQL in one transaction, one multi-row statement per table, plus the updates a posting makes (the
 * number series, the stock layers taken from, the document's sales lines). No ORM, no HTTP, no
 * reads beyond RETURNING: what hand-written SQL on the same tables, indexes, keys and triggers costs.
 * A second mode sends the same writes as one statement of data-modifying CTEs: one round trip, the
 * ceiling for a posting that sent all its writes at once.
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
  /**
   * Writes the template's rows once more, in one transaction; returns the number of statements it
   * sent (BEGIN and COMMIT aside). Each text is new, so parsed and planned afresh, as from a script.
   */
  post(): Promise<number>;
  /**
   * Writes them once more as one statement, sent in one round trip (its own transaction): a new text
   * each time, or with `prepared` the same text, which the connection then keeps parsed and planned
   * under a name, as it does the application's repeated statements (repeated-statements.ts).
   */
  postInOneRoundTrip(options?: { prepared: boolean }): Promise<void>;
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
  const statement = oneStatement(template, documentNos, orderNo, orderLines);
  let runs = 0;
  return {
    rows: inserted + 1 + layersTaken + orderLines.length,
    post: () => inTransaction(handle, async (query) => {
      let statements = 0;
      const counted: Query = (text, params) => {
        statements++;
        return query(`${text} -- run ${++runs}`, params);
      };
      await writeOnce(counted, template, documentNos, orderNo, orderLines);
      return statements;
    }),
    postInOneRoundTrip: (options) => sendOnce(handle, options?.prepared ? statement : { ...statement, text: `${statement.text} -- run ${++runs}` }),
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

/** A value of the one-statement form: sent as a parameter, or SQL that computes it inside the statement. */
type Cell = string | null | { sql: string };

interface Statement { text: string; params: (string | null)[] }

/**
 * The writes of `writeOnce` as ONE statement of data-modifying CTEs, so one round trip: the keys that
 * other rows refer to (the register's, the new item and customer ledger entries') are drawn from their
 * sequences first, in the `keys` CTE, and the document number comes from the series update's
 * RETURNING; nothing has to come back to the client between the writes. Built once, sent as it is by
 * every run. The statement is its own transaction, checked (the G/L balance trigger too) when it ends.
 */
function oneStatement(template: Template, documentNos: Set<string>, orderNo: string, orderLines: readonly Row[]): Statement {
  const params: (string | null)[] = [];
  const sql = (cell: Cell): string => (cell !== null && typeof cell === 'object' ? cell.sql : `$${params.push(cell)}`);
  const keyOf = (rows: readonly Row[], array: string) => {
    const positions = new Map(rows.map((row, index) => [row.entry_no!, index + 1]));
    return (entryNo: string | null): Cell => (entryNo !== null && positions.has(entryNo) ? { sql: `(select ${array}[${positions.get(entryNo)}] from keys)` } : entryNo);
  };
  const itemEntry = keyOf(template.itemLedgerEntries, 'item_entries');
  const customerEntry = keyOf(template.customerEntries, 'customer_entries');
  const no: Cell = { sql: '(select last_no_used from series)' };
  const transactionNo: Cell = { sql: '(select register from keys)' };
  const entry = (row: Row): Record<string, Cell> => ({
    ...row, transaction_no: transactionNo,
    ...('document_no' in row ? { document_no: documentNos.has(row.document_no!) ? no : row.document_no! } : {}),
  });
  /** An INSERT of the rows, the identity column `omit` left to its sequence; the tables in `keys` get the keys drawn there. */
  const insert = (table: string, rows: readonly Record<string, Cell>[], omit?: string) => {
    const columns = Object.keys(rows[0]!).filter((column) => column !== omit);
    const tuples = rows.map((row) => `(${columns.map((column) => sql(row[column] ?? null)).join(', ')})`);
    const override = ['gl_register', 'item_ledger_entry', 'customer_ledger_entry'].includes(table) ? ' overriding system value' : '';
    return `insert into ${table} (${columns.map((column) => `"${column}"`).join(', ')})${override} values ${tuples.join(', ')}`;
  };
  const keys = `select nextval(pg_get_serial_sequence('gl_register', 'no'))::integer as register,
    array(select nextval(pg_get_serial_sequence('item_ledger_entry', 'entry_no'))::integer from generate_series(1, ${template.itemLedgerEntries.length})) as item_entries,
    array(select nextval(pg_get_serial_sequence('customer_ledger_entry', 'entry_no'))::integer from generate_series(1, ${template.customerEntries.length})) as customer_entries`;
  const series = `update no_series_line set last_no_used = 'RAW' || lpad((coalesce(substr(last_no_used, 4)::integer, 0) + 1)::text, 7, '0'), last_date_used = ${sql(todayIsoDate())}
    where series_code = 'BENCH-RAW' and line_no = 10000 returning last_no_used`;
  const writes = [
    insert('gl_register', [{ ...template.register, no: transactionNo, document_no: no }]),
    insert('item_ledger_entry', template.itemLedgerEntries.map((row) => ({ ...entry(row), entry_no: itemEntry(row.entry_no!) }))),
    template.applications.length === 0 ? null : insert('item_application_entry', template.applications.map((row) => ({
      ...entry(row), item_ledger_entry_no: itemEntry(row.item_ledger_entry_no!),
      inbound_item_entry_no: itemEntry(row.inbound_item_entry_no!), outbound_item_entry_no: itemEntry(row.outbound_item_entry_no ?? null),
    })), 'entry_no'),
    insert('value_entry', template.valueEntries.map((row) => ({ ...entry(row), item_ledger_entry_no: itemEntry(row.item_ledger_entry_no!) })), 'entry_no'),
    layerUpdate(template, sql),
    insert('gl_entry', template.glEntries.map(entry), 'entry_no'),
    template.vatEntries.length === 0 ? null : insert('vat_entry', template.vatEntries.map(entry), 'entry_no'),
    insert('customer_ledger_entry', template.customerEntries.map((row) => ({ ...entry(row), entry_no: customerEntry(row.entry_no!) }))),
    insert('detailed_customer_ledger_entry', template.detailedEntries.map((row) => ({
      ...entry(row), customer_ledger_entry_no: customerEntry(row.customer_ledger_entry_no!),
    })), 'entry_no'),
    insert('posted_sales_header', template.postedHeaders.map((row) => ({
      ...row, no, transaction_no: transactionNo,
      customer_ledger_entry_no: row.customer_ledger_entry_no == null ? null : customerEntry(row.customer_ledger_entry_no),
    }))),
    insert('posted_sales_line', template.postedLines.map((row) => ({ ...row, document_no: no, item_ledger_entry_no: itemEntry(row.item_ledger_entry_no ?? null) }))),
    orderLineUpdate(orderNo, orderLines, sql),
  ].filter((write) => write !== null);
  const ctes = [`keys as materialized (${keys})`, `series as (${series})`, ...writes.map((write, index) => `w${index + 1} as (${write})`)];
  return { text: `with ${ctes.join(',\n')}\nselect 1`, params };
}

/** The stock layers the sales took from: their remaining quantity goes down (null when the sales took from none). */
function layerUpdate(template: Template, sql: (cell: Cell) => string): string | null {
  const newEntries = new Set(template.itemLedgerEntries.map((row) => row.entry_no));
  const taken = template.applications.filter((row) => !newEntries.has(row.inbound_item_entry_no!));
  if (taken.length === 0) return null;
  const layers = taken.map((row) => `(${sql(row.inbound_item_entry_no!)}::integer, ${sql(row.quantity!)}::numeric)`).join(', ');
  return `update item_ledger_entry as e set remaining_quantity = e.remaining_quantity + v.quantity
    from (values ${layers}) as v(entry_no, quantity) where e.entry_no = v.entry_no`;
}

/** The document's lines take their new quantities, as in `writeOnce`. */
function orderLineUpdate(orderNo: string, orderLines: readonly Row[], sql: (cell: Cell) => string): string {
  const lines = orderLines.map((line) => `(${sql(line.line_no!)}::integer, ${sql(line.quantity_shipped!)}::numeric, ${sql(line.quantity_to_ship!)}::numeric, `
    + `${sql(line.quantity_invoiced!)}::numeric, ${sql(line.quantity_to_invoice!)}::numeric)`).join(', ');
  return `update sales_line as l set quantity_shipped = v.shipped, quantity_to_ship = v.to_ship, quantity_invoiced = v.invoiced, quantity_to_invoice = v.to_invoice
    from (values ${lines}) as v(line_no, shipped, to_ship, invoiced, to_invoice)
    where l.document_type = 'order' and l.document_no = ${sql(orderNo)} and l.line_no = v.line_no`;
}

/** The statement on the handle's driver client, outside any explicit transaction: one round trip. */
async function sendOnce(handle: DatabaseHandle, statement: Statement): Promise<void> {
  const client = (handle.db as unknown as { $client: PGlite | pg.Pool }).$client;
  if (handle.kind === 'pglite') await (client as PGlite).query(statement.text, statement.params);
  else await (client as pg.Pool).query(statement.text, statement.params);
}
