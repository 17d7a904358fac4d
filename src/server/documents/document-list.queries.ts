/** What the lists of sales and purchase documents compute from their lines, as values a list sorts on. */
import { sql } from 'drizzle-orm';
import type { purchaseHeader, purchaseLine, salesHeader, salesLine } from '../db/schema/index.ts';
import type { ComputedSort } from '../master-data/resource.ts';

/**
 * Amount and Amount Including VAT as sortable values of a document list: each header's lines summed
 * in SQL (0 without lines, as the list shows), so a sort orders every document, not one page.
 */
export function documentAmountSorts(header: typeof salesHeader | typeof purchaseHeader, lines: typeof salesLine | typeof purchaseLine): ComputedSort[] {
  const table = lines as typeof salesLine;
  const headerTable = header as typeof salesHeader;
  const sumOf = (column: typeof table.amount | typeof table.amountIncludingVat) => () =>
    sql`select coalesce(sum(${column}), 0) from ${table} where ${table.documentType} = ${headerTable.documentType} and ${table.documentNo} = ${headerTable.no}`;
  return [
    { field: 'amount', kind: 'decimal', value: sumOf(table.amount) },
    { field: 'amountIncludingVat', kind: 'decimal', value: sumOf(table.amountIncludingVat) },
  ];
}
