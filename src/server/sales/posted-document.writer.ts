/**
 * Writes posted sales documents (spec §7.5, §7.6, §17.3): the header and lines are copied from the
 * unposted document column by column wherever the posted table has the same column, then the
 * posted facts (number, quantities, amounts of this posting, links) are set on top.
 */
import { getTableColumns } from 'drizzle-orm';
import { DomainError } from '../../core/errors.ts';
import { insertRows } from '../db/bulk-insert.ts';
import type { Executor } from '../db/connection.ts';
import { postgresError } from '../db/constraint-errors.ts';
import { keysCopier } from '../db/row-mapper.ts';
import { postedSalesHeader, postedSalesLine, type PostedSalesDocumentType } from '../db/schema/index.ts';
import type { SalesHeaderRow, SalesLineRow } from './sales-document.types.ts';

export type PostedHeaderRow = typeof postedSalesHeader.$inferInsert;
export type PostedLineRow = typeof postedSalesLine.$inferInsert;

// Compiled copiers (row-mapper.ts): a posted row is one object literal of the ~100 columns, not keys added one by one.
const copyHeaderColumns = keysCopier(Object.keys(getTableColumns(postedSalesHeader)));
const copyLineColumns = keysCopier(Object.keys(getTableColumns(postedSalesLine)));

// One copy of the ~100 columns, the posted facts set on it: spreads copied each line three times.
export function postedHeaderFrom(
  header: SalesHeaderRow, documentType: PostedSalesDocumentType, no: string, posted: Partial<PostedHeaderRow> & Pick<PostedHeaderRow, 'postingDate'>,
): PostedHeaderRow {
  const row = copyHeaderColumns(header);
  Object.assign(row, { documentType, no, sourceDocumentType: header.documentType, sourceDocumentNo: header.no }, posted);
  return row as PostedHeaderRow;
}

export function postedLineFrom(
  header: PostedHeaderRow, line: SalesLineRow, posted: Partial<PostedLineRow>,
): PostedLineRow {
  const row = copyLineColumns(line);
  Object.assign(row, {
    documentType: header.documentType, documentNo: header.no, lineNo: line.lineNo,
    sellToCustomerNo: header.sellToCustomerNo, billToCustomerNo: header.billToCustomerNo, postingDate: header.postingDate,
    sourceDocumentType: line.documentType, sourceDocumentNo: line.documentNo, sourceLineNo: line.lineNo,
    quantityInvoiced: '0', quantityNotInvoiced: '0',
    // The order line's running total is not this document's: a posting that deducts says how much.
    prepmtAmtDeducted: '0', prepmtVatAmtDeducted: '0',
  }, posted);
  return row as PostedLineRow;
}

const postedEntity: Record<PostedSalesDocumentType, string> = {
  shipment: 'Posted Sales Shipment', invoice: 'Posted Sales Invoice', creditMemo: 'Posted Sales Credit Memo', returnReceipt: 'Posted Return Receipt',
};

/**
 * NO_SERIES_POSTED_NUMBER_EXISTS (spec §5.4) when inserting one of the headers hit a posted document
 * of that number (someone reset the series); null for another error.
 */
export function postedNumberTaken(error: unknown, headers: readonly PostedHeaderRow[]): DomainError | null {
  const pgError = postgresError(error);
  // Written in one statement with its lines, either key may be the one that hits first.
  if (pgError?.code !== '23505' || (pgError.table !== 'posted_sales_header' && pgError.table !== 'posted_sales_line')) return null;
  const key = /\((.*)\)=\((.*)\)/.exec(pgError.detail ?? '')?.[2]?.split(', ') ?? [];
  const header = headers.find((candidate) => key[0] === candidate.documentType && key[1] === candidate.no);
  if (!header) return null;
  return new DomainError('NO_SERIES_POSTED_NUMBER_EXISTS', { entity: postedEntity[header.documentType as PostedSalesDocumentType], no: header.no, series: header.noSeries ?? '' });
}

/** Lines added to a posted document: its own lines, or Undo Shipment's correction lines. One INSERT. */
export async function insertPostedLines(tx: Executor, lines: readonly PostedLineRow[]): Promise<void> {
  if (lines.length > 0) await insertRows(tx, postedSalesLine, lines);
}
