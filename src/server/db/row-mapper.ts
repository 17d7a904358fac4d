/**
 * Rows of a flat selection mapped as drizzle maps them, without its per-value work. Drizzle's
 * mapResultRow asks each value's field what it is and walks its path with an iterator: for a
 * posting's ~1,500 values (the document's ~100 columns per line) that was most of its mapping time.
 * Here the keys and decoders are looked up once per selection; each value is then one call of its
 * column's own mapFromDriverValue. Nested selections (joins) keep drizzle's mapping.
 */
import { Column, is, SQL, Subquery } from 'drizzle-orm';

interface SelectedField { path: string[]; field: unknown }
interface Decoder { mapFromDriverValue(value: unknown): unknown }

/** A mapper of array-mode rows for the fields (in result order), or undefined when one of them is nested. */
export function flatRowMapper(fields: readonly SelectedField[]): ((rows: unknown[][]) => Record<string, unknown>[]) | undefined {
  if (fields.some(({ path }) => path.length !== 1)) return undefined;
  const keys = fields.map(({ path }) => path[0]!);
  const decoders = fields.map(({ field }) => decoderOf(field));
  return (rows) => rows.map((row) => {
    const mapped: Record<string, unknown> = {};
    for (let index = 0; index < keys.length; index++) {
      const value = row[index];
      mapped[keys[index]!] = value === null ? null : decoders[index]!.mapFromDriverValue(value);
    }
    return mapped;
  });
}

/** The decoder drizzle's mapResultRow picks for a field. */
function decoderOf(field: unknown): Decoder {
  if (is(field, Column)) return field as unknown as Decoder;
  if (is(field, SQL)) return (field as unknown as { decoder: Decoder }).decoder;
  if (is(field, Subquery)) return (field as unknown as { _: { sql: { decoder: Decoder } } })._.sql.decoder;
  return (field as { sql: { decoder: Decoder } }).sql.decoder;
}
