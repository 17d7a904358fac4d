/**
 * Posted document numbers of one posting (spec §5.4): decided while planning — which series, or the
 * invoice's own number — and drawn only at the end (server/posting/posting-numbers.ts), under the
 * series row's lock, so a refused posting consumes nothing and the posted series has no gaps.
 */
import { and, eq } from 'drizzle-orm';
import type { PostedSalesDocumentType } from '../../core/documents/document-types.ts';
import { type PostedDocumentDescriptor, postedSalesDescriptor } from '../../core/documents/posted-document-descriptors.ts';
import { DomainError } from '../../core/errors.ts';
import type { PostingScope } from '../../core/sales/posting-scope.ts';
import type { Executor } from '../db/connection.ts';
import { postedSalesHeader } from '../db/schema/index.ts';
import { type NumberRequest, numberToken } from '../posting/posting-numbers.ts';
import type { SalesContext } from './sales-context.ts';
import type { SalesHeaderRow } from './sales-document.types.ts';
import type { PostingNumbers, SalesPostingDescriptor } from './sales-post.types.ts';

/** The numbers as placeholders, and the draws they stand for; refuses a series that is not set up. */
export async function planPostingNumbers(
  tx: Executor, header: SalesHeaderRow, descriptor: SalesPostingDescriptor, scope: PostingScope, context: SalesContext,
): Promise<{ numbers: PostingNumbers; requests: NumberRequest[] }> {
  const setup = context.salesSetup;
  const { handling, invoicing } = descriptor;
  const numbers: PostingNumbers = { handlingNo: null, handlingSeries: null, invoicingNo: null, invoicingSeries: null };
  const requests: NumberRequest[] = [];
  const request = (posted: PostedDocumentDescriptor<'sales'>, series: string | null): string => {
    if (!series) throw new DomainError('NO_SERIES_NOT_SET_UP', { what: posted.caption.toLowerCase(), setup: `${descriptor.setupCaption} (${posted.seriesFieldCaption})` });
    requests.push({ token: numberToken(posted.postedType), series });
    return numberToken(posted.postedType);
  };
  const handled = scope.ship && scope.lines.some((line) => !line.ship.isZero());
  // An invoice (credit memo) writes its shipment (return receipt) only when the setup's switch says so; orders always do.
  const withHandlingDocument = handling.setupSwitch === null || setup[handling.setupSwitch];
  if (handled && withHandlingDocument) {
    const series = setup[handling.seriesField];
    numbers.handlingNo = request(handling, series);
    numbers.handlingSeries = series;
  }
  if (scope.invoice) {
    const series = setup[invoicing.seriesField];
    // Spec §5.4: an invoice whose own series is the posted series keeps its number.
    const keepsNumber = descriptor.postsInFull && series !== null && header.noSeries === series;
    if (keepsNumber) await assertPostedNumberFree(tx, invoicing.postedType, header.no, series);
    numbers.invoicingNo = keepsNumber ? header.no : request(invoicing, series);
    numbers.invoicingSeries = series;
  }
  return { numbers, requests };
}

export async function assertPostedNumberFree(tx: Executor, type: PostedSalesDocumentType, no: string, series: string): Promise<void> {
  const [existing] = await tx.select({ no: postedSalesHeader.no }).from(postedSalesHeader)
    .where(and(eq(postedSalesHeader.documentType, type), eq(postedSalesHeader.no, no)));
  if (existing) throw new DomainError('NO_SERIES_POSTED_NUMBER_EXISTS', { entity: postedSalesDescriptor(type).caption, no, series });
}
