/**
 * Rows of a flat selection mapped as drizzle maps them, without its per-value work. Drizzle's
 * mapResultRow asks each value's field what it is and walks its path with an iterator, and it adds
 * the ~100 keys of a document row one by one, which leaves V8 a slow dictionary object (several
 * times the memory, hashed lookups for every later read). Here a mapper is compiled once per
 * selection (as fast-json-stringify or ajv compile theirs): one object literal with every key, each
 * value decoded by its column's own mapFromDriverValue, or taken as it is where that is the identity.
 * Nested selections (joins) keep drizzle's mapping.
 */
import { Column, is, SQL, Subquery } from 'drizzle-orm';

interface SelectedField { path: string[]; field: unknown }
interface Decoder { mapFromDriverValue(value: unknown): unknown }

export type RowMapper = (rows: unknown[][]) => Record<string, unknown>[];

/** A mapper of array-mode rows for the fields (in result order), or undefined when one of them is nested. */
export function flatRowMapper(fields: readonly SelectedField[]): RowMapper | undefined {
  if (fields.some(({ path }) => path.length !== 1)) return undefined;
  const decoders = fields.map(({ field }) => decoderOf(field));
  const identity = Column.prototype.mapFromDriverValue;
  const values = fields.map(({ path }, index) => {
    const value = `row[${index}]`;
    const decoded = decoders[index]!.mapFromDriverValue === identity ? value : `(${value} === null ? null : decoders[${index}].mapFromDriverValue(${value}))`;
    return `${JSON.stringify(path[0])}: ${decoded}`;
  });
  // The keys are the selection's own (column property names), written as JSON string literals.
  const compile = new Function('decoders', `return (rows) => rows.map((row) => ({ ${values.join(', ')} }));`) as (decoders: Decoder[]) => RowMapper;
  return compile(decoders);
}

/**
 * A copier of the given keys of an object into a new one, compiled once per key list: the copy is one
 * object literal (fast properties), a key the source lacks copied as undefined, which inserts and JSON
 * leave out as they do an absent key.
 */
export function keysCopier(keys: readonly string[]): (source: object) => Record<string, unknown> {
  const body = keys.map((key) => `${JSON.stringify(key)}: source[${JSON.stringify(key)}]`).join(', ');
  return new Function('source', `return { ${body} };`) as (source: object) => Record<string, unknown>;
}

/** The decoder drizzle's mapResultRow picks for a field. */
function decoderOf(field: unknown): Decoder {
  if (is(field, Column)) return field as unknown as Decoder;
  if (is(field, SQL)) return (field as unknown as { decoder: Decoder }).decoder;
  if (is(field, Subquery)) return (field as unknown as { _: { sql: { decoder: Decoder } } })._.sql.decoder;
  return (field as { sql: { decoder: Decoder } }).sql.decoder;
}
