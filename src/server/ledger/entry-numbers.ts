/**
 * The numbers of one posting's rows: the register (transaction) number and each ledger table's entry
 * numbers. An append draws them from the tables' identity sequences in one statement, just before it
 * writes (DESIGN §5: numbers drawn last), so it can write every row in one statement (a document
 * posting locks its number series in the same statement); a preview reads the next free ones
 * instead and consumes nothing.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../db/connection.ts';

/** The ledger tables whose entries a posting numbers, with their number column. */
export const numberedTables = {
  gl_entry: 'entry_no', vat_entry: 'entry_no', customer_ledger_entry: 'entry_no', detailed_customer_ledger_entry: 'entry_no',
  vendor_ledger_entry: 'entry_no', detailed_vendor_ledger_entry: 'entry_no', bank_account_ledger_entry: 'entry_no',
  item_ledger_entry: 'entry_no', value_entry: 'entry_no', item_application_entry: 'entry_no',
} as const;

export type NumberedTable = keyof typeof numberedTables;
export type RowCounts = Record<NumberedTable, number>;

export interface EntryNumbers {
  transactionNo: number;
  /** The entry number of the table's `index`-th new row. */
  entryNo(table: NumberedTable, index: number): number;
}

type Row = Record<string, unknown>;
const tables = Object.keys(numberedTables) as NumberedTable[];

/**
 * Draws the register number and `counts[table]` numbers of each table, ascending, in one statement.
 * Concurrent postings may interleave their draws, so a posting's numbers need not be consecutive.
 */
export async function drawEntryNumbers(tx: Executor, counts: RowCounts): Promise<EntryNumbers> {
  const { rows } = await tx.execute(sql`select ${drawnColumns(counts)}`) as unknown as { rows: Row[] };
  return entryNumbersOf(rows[0]!, counts);
}

/**
 * The same draw, and the rows of `select` in the same statement (a round trip less): a posting locks
 * its number series with it. `select`'s columns must not be named like the tables numbered; it runs
 * once, after the draw, and may answer no row.
 */
export async function drawEntryNumbersWith(tx: Executor, counts: RowCounts, select: SQL): Promise<{ numbers: EntryNumbers; rows: Row[] }> {
  // A CTE with volatile functions is run once, whatever the join does with its row.
  const query = sql`with drawn as (select ${drawnColumns(counts)}) select * from drawn left join (${select}) as selected on true`;
  const { rows } = await tx.execute(query) as unknown as { rows: Row[] };
  return { numbers: entryNumbersOf(rows[0]!, counts), rows };
}

/** The register number and one array of numbers per table needed, as columns named by the table. */
function drawnColumns(counts: RowCounts): SQL {
  const needed = tables.filter((table) => counts[table] > 0);
  // The counts go in as values, so the text depends only on which tables are drawn from and repeats (is prepared).
  const columns = sql`nextval('gl_register_no_seq') as gl_register`;
  for (const table of needed) {
    columns.append(sql.raw(`, array(select nextval('${table}_${numberedTables[table]}_seq') from generate_series(1, `))
      .append(sql`${Math.trunc(counts[table])}::int`).append(sql.raw(`) order by 1) as ${table}`));
  }
  return columns;
}

function entryNumbersOf(row: Row, counts: RowCounts): EntryNumbers {
  const drawn = new Map(tables.filter((table) => counts[table] > 0).map((table) => [table, (row[table] as (number | string)[]).map(Number)]));
  return {
    transactionNo: Number(row.gl_register),
    entryNo: (table, index) => {
      const no = drawn.get(table)?.[index];
      if (no === undefined) throw new Error(`drawEntryNumbers: no number ${index} drawn for ${table}`);
      return no;
    },
  };
}

/** The next free numbers (max + 1), read: a preview's provisional numbers. */
export async function nextEntryNumbers(tx: Executor): Promise<{ transactionNo: number; first: RowCounts }> {
  const selects = [['gl_register', 'no'] as const, ...Object.entries(numberedTables)]
    .map(([table, column]) => `(select coalesce(max(${column}), 0) + 1 from ${table}) as ${table}`);
  // Both drivers (PGlite, node-postgres) answer raw SQL with { rows }.
  const { rows } = await tx.execute(sql.raw(`select ${selects.join(', ')}`)) as unknown as { rows: Row[] };
  const row = rows[0]!;
  return { transactionNo: Number(row.gl_register), first: Object.fromEntries(tables.map((table) => [table, Number(row[table])])) as RowCounts };
}

/** Provisional numbers counted on from `first`. */
export function numbersFrom(transactionNo: number, first: RowCounts): EntryNumbers {
  return { transactionNo, entryNo: (table, index) => first[table] + index };
}
