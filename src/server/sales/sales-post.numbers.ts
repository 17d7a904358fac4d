/**
 * Posted document numbers of one posting (spec §5.4): decided while planning — which series, or the
 * invoice's own number — and drawn only at the end (server/posting/posting-numbers.ts), under the
 * series row's lock, so a refused posting consumes nothing and the posted series has no gaps.
 */
import { and, eq } from 'drizzle-orm';
import { DomainError } from '../../core/errors.ts';
import { postsInFull, type PostingScope } from '../../core/sales/posting-scope.ts';
import { isReturnDocument } from '../../core/sales/types.ts';
import type { Executor } from '../db/connection.ts';
import { postedSalesHeader } from '../db/schema/index.ts';
import { type NumberRequest, numberToken } from '../posting/posting-numbers.ts';
import type { SalesContext } from './sales-context.ts';
import type { SalesHeaderRow } from './sales-document.types.ts';
import type { PostableDocumentType, PostingNumbers } from './sales-post.types.ts';

export const postedEntity = { shipment: 'Posted Sales Shipment', invoice: 'Posted Sales Invoice', creditMemo: 'Posted Sales Credit Memo', returnReceipt: 'Posted Return Receipt' } as const;
type PostedType = keyof typeof postedEntity;

const setupFieldCaption: Record<PostedType, string> = {
  shipment: 'Posted Shipment Nos.', returnReceipt: 'Posted Return Receipt Nos.', invoice: 'Posted Invoice Nos.', creditMemo: 'Posted Credit Memo Nos.',
};

/** The numbers as placeholders, and the draws they stand for; refuses a series that is not set up. */
export async function planPostingNumbers(
  tx: Executor, header: SalesHeaderRow, documentType: PostableDocumentType, scope: PostingScope, context: SalesContext,
): Promise<{ numbers: PostingNumbers; requests: NumberRequest[] }> {
  const setup = context.salesSetup;
  const returns = isReturnDocument(documentType);
  const numbers: PostingNumbers = {
    shipmentNo: null, shipmentSeries: null, invoiceNo: null, invoiceSeries: null,
    creditMemoNo: null, creditMemoSeries: null, returnReceiptNo: null, returnReceiptSeries: null,
  };
  const requests: NumberRequest[] = [];
  const request = (type: PostedType, series: string | null): string => {
    if (!series) throw new DomainError('NO_SERIES_NOT_SET_UP', { what: postedEntity[type].toLowerCase(), setup: `Sales & Receivables Setup (${setupFieldCaption[type]})` });
    requests.push({ token: numberToken(type), series });
    return numberToken(type);
  };
  const handled = scope.ship && scope.lines.some((line) => !line.ship.isZero());
  const withHandlingDocument = documentType === 'invoice' ? setup.shipmentOnInvoice : documentType === 'creditMemo' ? setup.returnReceiptOnCreditMemo : true;
  if (handled && withHandlingDocument) {
    const series = returns ? setup.postedReturnReceiptNos : setup.postedShipmentNos;
    const no = request(returns ? 'returnReceipt' : 'shipment', series);
    if (returns) Object.assign(numbers, { returnReceiptNo: no, returnReceiptSeries: series });
    else Object.assign(numbers, { shipmentNo: no, shipmentSeries: series });
  }
  if (scope.invoice) {
    const type = returns ? 'creditMemo' : 'invoice';
    const series = returns ? setup.postedCreditMemoNos : setup.postedInvoiceNos;
    // Spec §5.4: an invoice whose own series is the posted series keeps its number.
    const keepsNumber = postsInFull(documentType) && series !== null && header.noSeries === series;
    if (keepsNumber) await assertPostedNumberFree(tx, type, header.no, series);
    const no = keepsNumber ? header.no : request(type, series);
    if (returns) Object.assign(numbers, { creditMemoNo: no, creditMemoSeries: series });
    else Object.assign(numbers, { invoiceNo: no, invoiceSeries: series });
  }
  return { numbers, requests };
}

export async function assertPostedNumberFree(tx: Executor, type: PostedType, no: string, series: string): Promise<void> {
  const [existing] = await tx.select({ no: postedSalesHeader.no }).from(postedSalesHeader)
    .where(and(eq(postedSalesHeader.documentType, type), eq(postedSalesHeader.no, no)));
  if (existing) throw new DomainError('NO_SERIES_POSTED_NUMBER_EXISTS', { entity: postedEntity[type], no, series });
}
