import { and, asc, eq, inArray, sql, sum } from 'drizzle-orm';
import { salesDescriptor } from '../../core/documents/document-descriptors.ts';
import { DomainError } from '../../core/errors.ts';
import type { Executor } from '../db/connection.ts';
import { salesHeader, salesLine } from '../db/schema/index.ts';
import type { ComputedSort, Row } from '../master-data/resource.ts';
import { documentAmountSorts } from '../documents/document-list.queries.ts';
import type { EditableDocumentType, SalesDocument } from './sales-document.types.ts';

export async function findDocument(
  tx: Executor, documentType: EditableDocumentType, no: string, options: { lock?: boolean } = {},
): Promise<SalesDocument | undefined> {
  const query = tx.select().from(salesHeader).where(and(eq(salesHeader.documentType, documentType), eq(salesHeader.no, no)));
  const [header] = options.lock ? await query.for('update') : await query;
  if (!header) return undefined;
  const lines = await tx.select().from(salesLine)
    .where(and(eq(salesLine.documentType, documentType), eq(salesLine.documentNo, no))).orderBy(asc(salesLine.lineNo));
  return { header, lines };
}

/** Loads a document; `lock` holds it (SELECT … FOR UPDATE) until the transaction ends. */
export async function loadDocument(
  tx: Executor, documentType: EditableDocumentType, no: string, options: { lock?: boolean } = {},
): Promise<SalesDocument> {
  const document = await findDocument(tx, documentType, no, options);
  if (!document) throw new DomainError('NOT_FOUND', { entity: salesDescriptor(documentType).caption, key: no });
  return document;
}

const goods = sql`${salesLine.type} <> 'comment'`;

/**
 * The orders' indicators (BC's header FlowFields) as aggregates over a document's lines: Shipped (a
 * line has shipped something), Invoiced (a line has invoiced something), Completely Shipped (every
 * line that is not a comment has shipped its whole quantity) and Amount Shipped Not Invoiced (incl.
 * VAT, in the document's currency: each line's amount × (qty. shipped − qty. invoiced) / quantity).
 * One definition for the list's page of summaries and for sorting the whole list on them.
 */
const indicatorAggregates = {
  shipped: sql<boolean>`coalesce(bool_or(${salesLine.quantityShipped} <> 0), false)`,
  invoiced: sql<boolean>`coalesce(bool_or(${salesLine.quantityInvoiced} <> 0), false)`,
  completelyShipped: sql<boolean>`coalesce(bool_and(${salesLine.quantity} <> 0 and ${salesLine.quantityShipped} = ${salesLine.quantity}) filter (where ${goods}), false)`,
  amountShippedNotInvoiced: sql`coalesce(sum(case when ${salesLine.quantity} <> 0 then round(${salesLine.amountIncludingVat} * (${salesLine.quantityShipped} - ${salesLine.quantityInvoiced}) / ${salesLine.quantity}, 2) else 0 end), 0)::numeric(20,2)`,
};

/**
 * What a sales document list shows of each header's lines, summed for a page of headers in one
 * grouped query: Amount and Amount Including VAT, and the indicators above.
 */
export async function salesListSummaries(db: Executor, documentType: EditableDocumentType, headers: Row[]): Promise<Row[]> {
  const numbers = headers.map((header) => header.no as string);
  const sums = numbers.length === 0 ? [] : await db.select({
    no: salesLine.documentNo,
    amount: sum(salesLine.amount),
    amountIncludingVat: sum(salesLine.amountIncludingVat),
    ...indicatorAggregates,
    amountShippedNotInvoiced: sql<string>`${indicatorAggregates.amountShippedNotInvoiced}::text`,
  }).from(salesLine).where(and(eq(salesLine.documentType, documentType), inArray(salesLine.documentNo, numbers))).groupBy(salesLine.documentNo);
  const byNo = new Map(sums.map((row) => [row.no, row]));
  return headers.map((header) => {
    const found = byNo.get(header.no as string);
    return {
      ...header,
      amount: found?.amount ?? '0.00',
      amountIncludingVat: found?.amountIncludingVat ?? '0.00',
      shipped: found?.shipped ?? false,
      invoiced: found?.invoiced ?? false,
      completelyShipped: found?.completelyShipped ?? false,
      amountShippedNotInvoiced: found?.amountShippedNotInvoiced ?? '0.00',
    };
  });
}

/**
 * The list's summed columns as sortable values: Amount and Amount Including VAT, and the indicators,
 * each the aggregate over the header's lines (what a document without lines shows when it has none).
 */
export const salesListSorts: ComputedSort[] = [
  ...documentAmountSorts(salesHeader, salesLine),
  ...Object.entries(indicatorAggregates).map(([field, aggregate]): ComputedSort => ({
    field, kind: field === 'amountShippedNotInvoiced' ? 'decimal' : 'boolean',
    value: () => sql`select ${aggregate} from ${salesLine} where ${salesLine.documentType} = ${salesHeader.documentType} and ${salesLine.documentNo} = ${salesHeader.no}`,
  })),
];
