import { dec, isDecimalString } from '../../core/money/decimal.ts';

type SortDirection = 'ascending' | 'descending';
export interface SortOrder { column: string; direction: SortDirection }

/** Decimal strings compare as numbers (exactly), everything else as text in the user's locale. */
function compareValues(left: string, right: string, locale: string): number {
  if (isDecimalString(left) && isDecimalString(right)) return dec(left).comparedTo(dec(right));
  return left.localeCompare(right, locale, { numeric: true, sensitivity: 'base' });
}

/** Sorts one page of rows in the browser, for the lists whose API does not sort (ListPage's sortOn="page"). */
export function sortRows<T>(rows: readonly T[], order: SortOrder | null, valueOf: (row: T, column: string) => string, locale: string): T[] {
  if (!order) return [...rows];
  const sign = order.direction === 'ascending' ? 1 : -1;
  return [...rows].sort((left, right) => sign * compareValues(valueOf(left, order.column), valueOf(right, order.column), locale));
}

export function nextSortOrder(current: SortOrder | null, column: string): SortOrder {
  return current?.column === column && current.direction === 'ascending' ? { column, direction: 'descending' } : { column, direction: 'ascending' };
}

/** The API's `sort` parameter: `field` ascending, `-field` descending. */
export function sortParam(order: SortOrder): string {
  return order.direction === 'descending' ? `-${order.column}` : order.column;
}

/** A `sort` parameter (from the address or a list's default) read back as an order; null when absent. */
export function parseSortParam(value: string | null | undefined): SortOrder | null {
  if (!value) return null;
  return value.startsWith('-') ? { column: value.slice(1), direction: 'descending' } : { column: value, direction: 'ascending' };
}
