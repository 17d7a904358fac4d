import { getTableColumns, is } from 'drizzle-orm';
import { PgNumeric, type PgTable } from 'drizzle-orm/pg-core';
import { DomainError } from '../../core/errors.ts';
import { fitsColumn } from '../../core/money/column-limits.ts';
import { Decimal, isDecimalString } from '../../core/money/decimal.ts';

/**
 * Derived numbers can outgrow their column although every input fits its own: a Line Amount of
 * 13-digit Quantity × 13-digit Unit Price, a Quantity (Base) of Quantity × Qty. per Unit of Measure.
 * Checked before the write, the refusal names the field; PostgreSQL would only say "numeric field
 * overflow" (SQLSTATE 22003).
 */
export function assertFitsColumns(table: PgTable, values: Record<string, unknown>): void {
  const columns = getTableColumns(table);
  for (const [field, value] of Object.entries(values)) {
    const column = columns[field];
    if (!column || !is(column, PgNumeric) || column.precision === undefined || !(isDecimalString(value) || Decimal.isDecimal(value))) continue;
    const limit = { integerDigits: column.precision - (column.scale ?? 0), scale: column.scale ?? 0 };
    const number = new Decimal(value as string | Decimal);
    if (!fitsColumn(number, limit)) {
      throw new DomainError('INVALID_INPUT', {
        detail: `${field} would be ${number.toFixed()}, more than the ${limit.integerDigits} digits before the decimal point it can hold; use a smaller quantity or amount.`,
      }, field);
    }
  }
}
