/** Posted document numbers (spec §5.4) for one posting. */
import { and, eq } from 'drizzle-orm';
import { DomainError } from '../../core/errors.ts';
import { postsInFull, type PostingScope } from '../../core/sales/posting-scope.ts';
import { isReturnDocument } from '../../core/sales/types.ts';
import type { Executor } from '../db/connection.ts';
import { postedSalesHeader } from '../db/schema/index.ts';
import { drawNumber } from '../number-series/no-series.commands.ts';
import type { SalesContext } from './sales-context.ts';
import type { SalesHeaderRow } from './sales-document.types.ts';
import type { PostableDocumentType } from './sales-post.ts';

export interface PostingNumbers {
  shipmentNo: string | null; shipmentSeries: string | null;
  invoiceNo: string | null; invoiceSeries: string | null;
  creditMemoNo: string | null; creditMemoSeries: string | null;
  returnReceiptNo: string | null; returnReceiptSeries: string | null;
}

/**
 * Posted numbers (spec §5.4), drawn inside the posting transaction under the series row's lock, so
 * a failed posting gives its number back and the posted series has no gaps.
 */
export async function drawPostingNumbers(
  tx: Executor, header: SalesHeaderRow & { postingDate: string }, documentType: PostableDocumentType, scope: PostingScope, context: SalesContext,
): Promise<PostingNumbers> {
  const setup = context.salesSetup;
  const returns = isReturnDocument(documentType);
  const numbers: PostingNumbers = {
    shipmentNo: null, shipmentSeries: null, invoiceNo: null, invoiceSeries: null,
    creditMemoNo: null, creditMemoSeries: null, returnReceiptNo: null, returnReceiptSeries: null,
  };
  const handled = scope.ship && scope.lines.some((line) => !line.ship.isZero());
  const withHandlingDocument = documentType === 'invoice' ? setup.shipmentOnInvoice : documentType === 'creditMemo' ? setup.returnReceiptOnCreditMemo : true;
  if (handled && withHandlingDocument) {
    const type = returns ? 'returnReceipt' : 'shipment';
    const series = returns ? setup.postedReturnReceiptNos : setup.postedShipmentNos;
    const no = await drawPostedNumber(tx, series, header, type, returns ? 'Posted Return Receipt Nos.' : 'Posted Shipment Nos.');
    if (returns) Object.assign(numbers, { returnReceiptNo: no, returnReceiptSeries: series });
    else Object.assign(numbers, { shipmentNo: no, shipmentSeries: series });
  }
  if (scope.invoice) {
    const type = returns ? 'creditMemo' : 'invoice';
    const series = returns ? setup.postedCreditMemoNos : setup.postedInvoiceNos;
    // Spec §5.4: an invoice whose own series is the posted series keeps its number.
    const keepsNumber = postsInFull(documentType) && series !== null && header.noSeries === series;
    const no = keepsNumber ? header.no : await drawPostedNumber(tx, series, header, type, returns ? 'Posted Credit Memo Nos.' : 'Posted Invoice Nos.');
    if (keepsNumber) await assertPostedNumberFree(tx, type, no, series!);
    if (returns) Object.assign(numbers, { creditMemoNo: no, creditMemoSeries: series });
    else Object.assign(numbers, { invoiceNo: no, invoiceSeries: series });
  }
  return numbers;
}

export const postedEntity = { shipment: 'Posted Sales Shipment', invoice: 'Posted Sales Invoice', creditMemo: 'Posted Sales Credit Memo', returnReceipt: 'Posted Return Receipt' } as const;

export async function drawPostedNumber(
  tx: Executor, series: string | null, header: SalesHeaderRow & { postingDate: string }, type: keyof typeof postedEntity, setupField: string,
): Promise<string> {
  if (!series) throw new DomainError('NO_SERIES_NOT_SET_UP', { what: postedEntity[type].toLowerCase(), setup: `Sales & Receivables Setup (${setupField})` });
  // A number that is taken already is refused when the posted header is inserted (posted-document.writer.ts).
  return (await drawNumber(tx, series, header.postingDate)).number;
}

export async function assertPostedNumberFree(tx: Executor, type: keyof typeof postedEntity, no: string, series: string): Promise<void> {
  const [existing] = await tx.select({ no: postedSalesHeader.no }).from(postedSalesHeader)
    .where(and(eq(postedSalesHeader.documentType, type), eq(postedSalesHeader.no, no)));
  if (existing) throw new DomainError('NO_SERIES_POSTED_NUMBER_EXISTS', { entity: postedEntity[type], no, series });
}
