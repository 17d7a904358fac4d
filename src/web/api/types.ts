/**
 * The shapes of the API's JSON as the web app uses them, derived from the response views in core
 * (GET /api/v1/openapi.json is the full contract): what the web reads is what the schemas say, so
 * the two cannot drift (test/web/api/api-types.test.ts). Decimals are strings, dates YYYY-MM-DD.
 */
import type { z } from 'zod';
import type { problemView } from '../../core/api/wire.schemas.ts';
import type {
  codeRecordView, customerView, itemUnitOfMeasureView, itemView, salesReceivablesSetupView,
} from '../../core/master-data/master-data.views.ts';
import type {
  documentStatisticsView, documentTotalsView, salesDocumentListItemView, salesDocumentView, salesHeaderView, salesLineView,
} from '../../core/sales/sales-document.views.ts';
import type { blanketLineLinksView } from '../../core/sales/blanket-order.views.ts';

export type Problem = z.output<typeof problemView>;

/** One page of a list (core/api/wire.schemas.ts `pageOf`). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export type Customer = z.output<typeof customerView>;
export type Item = z.output<typeof itemView>;
export type ItemUnitOfMeasure = z.output<typeof itemUnitOfMeasureView>;
/** A record of a code table (payment terms, posting groups …): code and a describing text. */
export type CodeRecord = z.output<typeof codeRecordView>;
export type SalesReceivablesSetup = z.output<typeof salesReceivablesSetupView>;

export type DocumentTotals = z.output<typeof documentTotalsView>;
export type SalesLine = z.output<typeof salesLineView>;
export type SalesDocumentHeader = z.output<typeof salesHeaderView>;
/** One row of a document list: the header with its amounts. */
export type SalesDocumentListItem = z.output<typeof salesDocumentListItemView>;
export type SalesDocument = z.output<typeof salesDocumentView>;
export type DocumentStatistics = z.output<typeof documentStatisticsView>;
/** A blanket order line and every line linked to it, posted or not (GET …/lines/{lineNo}/linkedDocuments). */
export type BlanketLineLinks = z.output<typeof blanketLineLinksView>;
