/**
 * Selects whose SQL is built once per process and then reused in every transaction. Drizzle builds a
 * query's text afresh on every call (selection lists, column casing, parameters): for the reads every
 * request or posting repeats, that was a few milliseconds of JavaScript per posting. Drizzle's own
 * `.prepare()` builds just as often here, as a prepared query is bound to the transaction that made it.
 *
 * The query is written once with `sql.placeholder(name)` for every value that changes between calls
 * (so the text never depends on the values: no `inArray` over a list of varying length), and run with
 * those values in whichever transaction or database is given.
 */
import { sql, type Query, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { Executor } from './connection.ts';
import { orderSelectedFields, type ExecutorInternals } from './drizzle-internals.ts';
import { flatRowMapper, type RowMapper } from './row-mapper.ts';

/** What drizzle's select builder keeps (not in its public types): enough to build once and run again. */
interface SelectInternals extends ExecutorInternals {
  config: { fields: Record<string, unknown> };
  joinsNotNullableMap: Record<string, boolean>;
  getSQL(): SQL;
}

interface Built {
  query: Query;
  fields: unknown;
  joinsNotNullableMap: Record<string, boolean>;
  /** Drizzle's mapping of a flat selection, done with less work (row-mapper.ts); undefined for a nested one. */
  mapRows: RowMapper | undefined;
}

function builtFrom(select: SelectInternals): Built {
  const fields = orderSelectedFields(select.config.fields);
  return { query: select.dialect.sqlToQuery(select.getSQL()), fields, joinsNotNullableMap: select.joinsNotNullableMap, mapRows: flatRowMapper(fields) };
}

/** Runs a select built before in `db` (a database or a transaction), with drizzle's own mapping of its rows. */
function runBuilt<Row>(db: Executor, built: Built, values: Record<string, unknown>): Promise<Row[]> {
  const prepared = (db as unknown as ExecutorInternals).session.prepareQuery(built.query, built.fields, undefined, true, built.mapRows);
  prepared.joinsNotNullableMap = built.joinsNotNullableMap;
  return prepared.execute(values) as Promise<Row[]>;
}

/**
 * `build(db)` writes the select on the executor it is given (its text must not depend on anything but
 * placeholders); the returned function runs it: `run(tx, { no: '1001' })`.
 */
export function reusableSelect<Row>(build: (db: Executor) => PromiseLike<Row[]>) {
  let built: Built | undefined;
  return (db: Executor, values: Record<string, unknown> = {}): Promise<Row[]> => {
    built ??= builtFrom(build(db) as unknown as SelectInternals);
    return runBuilt<Row>(db, built, values);
  };
}

/**
 * Selects whose text varies over a few shapes (a list's filters, sort and cursor): each shape is built
 * once, the first time it is asked for, and reused after. `shape` must name everything the text
 * depends on; the values go in as placeholders. Shapes past `most` are built each time, not kept.
 */
export function reusableSelectsByShape(most = 500) {
  const byShape = new Map<string, Built>();
  return <Row>(db: Executor, shape: string, build: (db: Executor) => PromiseLike<Row[]>, values: Record<string, unknown>): Promise<Row[]> => {
    let built = byShape.get(shape);
    if (!built) {
      built = builtFrom(build(db) as unknown as SelectInternals);
      if (byShape.size < most) byShape.set(shape, built);
    }
    return runBuilt<Row>(db, built, values);
  };
}

/** `column = any($name)`: a list as one array placeholder, so the text does not vary with its length. */
export function isAnyOf(column: SQLWrapper, name: string): SQL {
  return sql`${column} = any(${sql.placeholder(name)})`;
}
