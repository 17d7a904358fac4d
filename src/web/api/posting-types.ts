/**
 * The shapes of posting, posted documents, ledgers and jobs as the web app uses them, derived from
 * the response views in core (test/web/api/api-types.test.ts checks them against the server).
 * Decimals are strings, dates YYYY-MM-DD.
 */
import type { z } from 'zod';
import type { jobStatuses, jobView } from '../../core/api/job.views.ts';
import type { itemInventoryView } from '../../core/inventory/item-inventory.views.ts';
import type { navigateResultView, postedDocumentReferenceView } from '../../core/posting/ledger-entry.views.ts';
import type {
  combineShipmentsResultView, correctionResultView, postedNumbersView, postingPreviewView, postingResultView, postRequest,
  previewPostedDocumentView, undoShipmentResultView,
} from '../../core/posting/posting-result.schemas.ts';
import type {
  postedSalesDocumentView, postedSalesHeaderView, postedSalesLineView, reversibleLineView,
} from '../../core/sales/posted-sales-document.views.ts';

export type { LedgerName } from '../../core/posting/ledger-entry.views.ts';
export type { PostedSalesDocumentType as PostedDocumentType } from '../../core/documents/document-types.ts';

/**
 * An entry of any ledger, read by field name as the ledger's column list says (ledgers/ledger-specs.ts);
 * each ledger's exact row is `z.output` of core/posting/ledger-entry.views.ts `ledgerEntryViews[name]`.
 */
export type LedgerEntry = Record<string, unknown> & { entryNo: number };

export type PostRequest = z.input<typeof postRequest>;
export type PostedNumbers = z.output<typeof postedNumbersView>;
export type PostingResult = z.output<typeof postingResultView>;
export type PostedDocumentSummary = z.output<typeof previewPostedDocumentView>;
/** Preview Posting: what posting would write, ledger by ledger; nothing is kept. */
export type PostingPreview = z.output<typeof postingPreviewView>;
export type PostedDocumentReference = z.output<typeof postedDocumentReferenceView>;
/** Find entries (BC's Navigate) of one document number. */
export type NavigateResult = z.output<typeof navigateResultView>;

export type PostedSalesLine = z.output<typeof postedSalesLineView>;
/** Invoices and credit memos add the status fields (cancelled, corrective, remaining amount, closed). */
export type PostedSalesHeader = z.output<typeof postedSalesHeaderView>;
export type PostedSalesDocument = z.output<typeof postedSalesDocumentView>;

export type ItemInventory = z.output<typeof itemInventoryView>;

/** A candidate line of Get Shipment Lines: a posted shipment line not yet invoiced. */
export type ShipmentLineCandidate = PostedSalesLine;
/** A candidate line of Get Posted Document Lines to Reverse. */
export type ReversibleLineCandidate = z.output<typeof reversibleLineView>;

export type JobStatus = (typeof jobStatuses)[number];
/** A background job; `Result` is what its type answers when it has finished. */
export type Job<Result = unknown> = Omit<z.output<typeof jobView>, 'result'> & { result: Result | null };

export type CombineShipmentsResult = z.output<typeof combineShipmentsResultView>;
/** Cancel, Correct and Create Corrective Credit Memo of a posted invoice; with `{ dryRun: true }`, what it would do. */
export type CorrectionResult = z.output<typeof correctionResultView>;
export type UndoShipmentResult = z.output<typeof undoShipmentResultView>;

