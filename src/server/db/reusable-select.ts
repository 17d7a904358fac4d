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

/** What drizzle's select builder keeps (not in its public types): enough to build once and run again. */
interface SelectInternals extends ExecutorInternals {
  config: { fields: Record<string, unknown> };
  joinsNotNullableMap: Record<string, boolean>;
  getSQL(): SQL;
}

interface Built {
  query: Query;
  fields: unknown;
}

/**
 * `build(db)` writes the select on the executor it is given (its text must not depend on anything but
 * placeholders); the returned function runs it: `run(tx, { no: '1001' })`.
 */
export function reusableSelect<Row>(build: (db: Executor) => PromiseLike<Row[]>) {
  let built: Built | undefined;
  return (db: Executor, values: Record<string, unknown> = {}): Promise<Row[]> => {
    const select = build(db) as unknown as SelectInternals;
    built ??= { query: select.dialect.sqlToQuery(select.getSQL()), fields: orderSelectedFields(select.config.fields) };
    const prepared = select.session.prepareQuery(built.query, built.fields, undefined, true);
    prepared.joinsNotNullableMap = select.joinsNotNullableMap;
    return prepared.execute(values) as Promise<Row[]>;
  };
}

/** `column = any($name)`: a list as one array placeholder, so the text does not vary with its length. */
export function isAnyOf(column: SQLWrapper, name: string): SQL {
  return sql`${column} = any(${sql.placeholder(name)})`;
}
