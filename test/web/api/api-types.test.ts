/**
 * The web app's API types are the `z.output` of the response views in core, and those views agree
 * with what the server sends: the tables its rows come from (each field a view names is a column of
 * the same wire type and nullability; posted documents and ledgers column for column) and the types
 * its commands return. The type checks fail `npm run typecheck` (tsc covers test/); the column
 * checks run here too, so `vitest run` names the field that drifted.
 */
import { getTableColumns, type Column } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import { jobView, type jobStatuses } from '../../../src/core/api/job.views.ts';
import type { pageOf, problemView } from '../../../src/core/api/wire.schemas.ts';
import type { itemInventoryView } from '../../../src/core/inventory/item-inventory.views.ts';
import type { vatCalculationTypes } from '../../../src/core/master-data/posting.schemas.ts';
import {
  customerView, itemUnitOfMeasureView, itemView, salesReceivablesSetupView, type codeRecordView,
} from '../../../src/core/master-data/master-data.views.ts';
import {
  bankAccountLedgerEntryView, customerLedgerEntryView, detailedCustomerLedgerEntryView, detailedVendorLedgerEntryView, glEntryView, itemApplicationEntryView,
  itemLedgerEntryAmountsView, itemLedgerEntryRowView, ledgerEntryViews, valueEntryView, vatEntryView, vendorLedgerEntryView, type LedgerName, type navigatedLedgerNames, type navigateResultView, type postedDocumentReferenceView,
} from '../../../src/core/posting/ledger-entry.views.ts';
import type {
  combineShipmentsResultView, correctionResultView, postedNumbersView, postingPreviewView, postingResultView, postRequest, undoShipmentResultView,
} from '../../../src/core/posting/posting-result.schemas.ts';
import {
  postedSalesHeaderRowView, postedSalesLineView, type postedDocumentStatusView, type postedSalesDocumentView, type postedSalesHeaderView, type reversibleLineView,
} from '../../../src/core/sales/posted-sales-document.views.ts';
import {
  salesHeaderView, salesLineView, type documentStatisticsView, type documentTotalsView, type salesDocumentListItemView, type salesDocumentView, type warningView,
} from '../../../src/core/sales/sales-document.views.ts';
import type { VatCalculationType, Warning } from '../../../src/core/sales/types.ts';
import type { blanketLineLinksView } from '../../../src/core/sales/blanket-order.views.ts';
import type { blanketLineLinks } from '../../../src/server/sales/blanket-order.queries.ts';
import type { PostedSalesDocumentType } from '../../../src/core/documents/document-types.ts';
import {
  bankAccountLedgerEntry, customer, customerLedgerEntry, detailedCustomerLedgerEntry, detailedVendorLedgerEntry, glEntry, item, itemApplicationEntry,
  itemLedgerEntry, itemUnitOfMeasure, job, postedSalesHeader, postedSalesLine, salesHeader, salesLine, salesReceivablesSetup, valueEntry, vatEntry,
  vendorLedgerEntry,
} from '../../../src/server/db/schema/index.ts';
import type { Problem as ServerProblem } from '../../../src/server/http/problem.ts';
import type { ItemInventory as ServerItemInventory } from '../../../src/server/inventory/item-inventory.queries.ts';
import type { jobStatuses as serverJobStatuses } from '../../../src/server/jobs/job-queue.ts';
import { itemLedgerEntryResource } from '../../../src/server/ledger/ledger.resources.ts';
import type { NavigateResult as ServerNavigateResult, PostedDocumentReference as ServerPostedDocumentReference } from '../../../src/server/ledger/navigate.queries.ts';
import type { CombineShipmentsResult as ServerCombineShipmentsResult } from '../../../src/server/sales/combine-shipments.ts';
import type { ReversibleLine, shipmentLinesToInvoice } from '../../../src/server/sales/posted-lines.commands.ts';
import type { CorrectionResult as ServerCorrectionResult } from '../../../src/server/sales/sales-correction.ts';
import type { documentStatistics, documentView } from '../../../src/server/sales/sales-document.view.ts';
import type { PostingResult as ServerPostingResult, previewSalesPosting } from '../../../src/server/sales/sales-post.ts';
import type { postRequestSchema } from '../../../src/server/sales/sales-post.routes.ts';
import type { undoShipmentLines } from '../../../src/server/sales/sales-undo.ts';
import type {
  BlanketLineLinks, CodeRecord, Customer, DocumentStatistics, DocumentTotals, Item, ItemUnitOfMeasure, Page, Problem, SalesDocument, SalesDocumentHeader,
  SalesDocumentListItem, SalesLine, SalesReceivablesSetup,
} from '../../../src/web/api/types.ts';
import type {
  CombineShipmentsResult, CorrectionResult, ItemInventory, Job, JobStatus, LedgerEntry, LedgerName as WebLedgerName, NavigateResult, PostedDocumentReference,
  PostedDocumentType, PostedNumbers, PostedSalesDocument, PostedSalesHeader, PostedSalesLine, PostingPreview, PostingResult, PostRequest,
  ReversibleLineCandidate, ShipmentLineCandidate, UndoShipmentResult,
} from '../../../src/web/api/posting-types.ts';

/** A view's wire type as a table row or a server interface holds it: type columns are text, so literal unions widen to string. */
type Stored<T> = T extends string ? string
  : T extends number | boolean | null | undefined ? T
    : T extends readonly (infer Element)[] ? Stored<Element>[]
      : T extends object ? { [Key in keyof T]: Stored<T[Key]> } : T;

type Out<Schema extends z.ZodType> = z.output<Schema>;

/** "string", "number | null" …: what a view field carries on the wire. Optional fields are not columns, so they are read as their inner type. */
function viewKind(schema: z.ZodType): string {
  const def = (schema as unknown as { def: { type: string; innerType?: z.ZodType } }).def;
  if (def.type === 'nullable') return `${viewKind(def.innerType!)} | null`;
  if (def.type === 'optional') return viewKind(def.innerType!);
  return def.type === 'enum' ? 'string' : def.type;
}

/** The same of a column as drizzle returns it: numerics, dates and timestamps are read as strings, jsonb as any JSON. */
function columnKind(column: Column): string {
  const base = column.dataType === 'json' ? 'unknown' : column.dataType;
  return column.notNull ? base : `${base} | null`;
}

function kindsOf(view: z.ZodObject, table: PgTable) {
  const columns: Record<string, Column> = getTableColumns(table);
  const fields = Object.keys(view.shape);
  return {
    view: Object.fromEntries(fields.map((field) => [field, viewKind(view.shape[field] as z.ZodType)])),
    table: Object.fromEntries(fields.map((field) => [field, columns[field] ? columnKind(columns[field]) : 'not a column'])),
    columns: Object.keys(columns).sort(),
  };
}

describe('response views agree with the tables the server answers from', () => {
  it.each([
    ['customers', customerView, customer],
    ['items', itemView, item],
    ['item units of measure', itemUnitOfMeasureView, itemUnitOfMeasure],
    ['Sales & Receivables Setup', salesReceivablesSetupView, salesReceivablesSetup],
    ['sales headers', salesHeaderView, salesHeader],
    ['sales lines', salesLineView, salesLine],
  ] as Array<[string, z.ZodObject, PgTable]>)('%s: every field the web reads is a column of the same wire type', (_name, view, table) => {
    const kinds = kindsOf(view, table);
    expect(kinds.table).toEqual(kinds.view);
  });

  it.each([
    ['posted sales headers', postedSalesHeaderRowView, postedSalesHeader],
    ['posted sales lines', postedSalesLineView, postedSalesLine],
    ['G/L entries', glEntryView, glEntry],
    ['VAT entries', vatEntryView, vatEntry],
    ['customer ledger entries', customerLedgerEntryView, customerLedgerEntry],
    ['detailed customer ledger entries', detailedCustomerLedgerEntryView, detailedCustomerLedgerEntry],
    ['vendor ledger entries', vendorLedgerEntryView, vendorLedgerEntry],
    ['detailed vendor ledger entries', detailedVendorLedgerEntryView, detailedVendorLedgerEntry],
    ['bank account ledger entries', bankAccountLedgerEntryView, bankAccountLedgerEntry],
    ['item ledger entries', itemLedgerEntryRowView, itemLedgerEntry],
    ['value entries', valueEntryView, valueEntry],
    ['item application entries', itemApplicationEntryView, itemApplicationEntry],
    ['jobs', jobView, job],
  ] as Array<[string, z.ZodObject, PgTable]>)('%s: column for column', (_name, view, table) => {
    const kinds = kindsOf(view, table);
    expect(Object.keys(kinds.view).sort()).toEqual(kinds.columns);
    expect(kinds.table).toEqual(kinds.view);
  });

  it('item ledger entries carry the FlowFields the ledger list adds, as decimals', () => {
    expect(Object.keys(itemLedgerEntryAmountsView.shape).sort()).toEqual(Object.keys(itemLedgerEntryResource.flowFields!.shape).sort());
    expect(Object.values(itemLedgerEntryAmountsView.shape).map((schema) => viewKind(schema))).toEqual(['string', 'string', 'string', 'string']);
  });

  it('every ledger the web shows has a view', () => {
    expect(Object.keys(ledgerEntryViews)).toEqual([
      'glEntries', 'vatEntries', 'customerLedgerEntries', 'detailedCustomerLedgerEntries', 'vendorLedgerEntries', 'detailedVendorLedgerEntries',
      'bankAccountLedgerEntries', 'itemLedgerEntries', 'valueEntries', 'itemApplicationEntries',
    ]);
  });
});

describe('the web app reads the views, not copies of them', () => {
  it('types.ts', () => {
    expectTypeOf<Problem>().toEqualTypeOf<Out<typeof problemView>>();
    expectTypeOf<Page<Customer>>().toEqualTypeOf<Out<ReturnType<typeof pageOf<typeof customerView>>>>();
    expectTypeOf<Customer>().toEqualTypeOf<Out<typeof customerView>>();
    expectTypeOf<Item>().toEqualTypeOf<Out<typeof itemView>>();
    expectTypeOf<ItemUnitOfMeasure>().toEqualTypeOf<Out<typeof itemUnitOfMeasureView>>();
    expectTypeOf<CodeRecord>().toEqualTypeOf<Out<typeof codeRecordView>>();
    expectTypeOf<SalesReceivablesSetup>().toEqualTypeOf<Out<typeof salesReceivablesSetupView>>();
    expectTypeOf<DocumentTotals>().toEqualTypeOf<Out<typeof documentTotalsView>>();
    expectTypeOf<SalesLine>().toEqualTypeOf<Out<typeof salesLineView>>();
    expectTypeOf<SalesDocumentHeader>().toEqualTypeOf<Out<typeof salesHeaderView>>();
    expectTypeOf<SalesDocumentListItem>().toEqualTypeOf<Out<typeof salesDocumentListItemView>>();
    expectTypeOf<SalesDocument>().toEqualTypeOf<Out<typeof salesDocumentView>>();
    expectTypeOf<DocumentStatistics>().toEqualTypeOf<Out<typeof documentStatisticsView>>();
    expectTypeOf<BlanketLineLinks>().toEqualTypeOf<Out<typeof blanketLineLinksView>>();
  });

  it('posting-types.ts', () => {
    expectTypeOf<PostRequest>().toEqualTypeOf<z.input<typeof postRequest>>();
    expectTypeOf<PostedNumbers>().toEqualTypeOf<Out<typeof postedNumbersView>>();
    expectTypeOf<PostingResult>().toEqualTypeOf<Out<typeof postingResultView>>();
    expectTypeOf<PostingPreview>().toEqualTypeOf<Out<typeof postingPreviewView>>();
    expectTypeOf<NavigateResult>().toEqualTypeOf<Out<typeof navigateResultView>>();
    expectTypeOf<PostedDocumentReference>().toEqualTypeOf<Out<typeof postedDocumentReferenceView>>();
    expectTypeOf<PostedSalesHeader>().toEqualTypeOf<Out<typeof postedSalesHeaderView>>();
    expectTypeOf<PostedSalesLine>().toEqualTypeOf<Out<typeof postedSalesLineView>>();
    expectTypeOf<PostedSalesDocument>().toEqualTypeOf<Out<typeof postedSalesDocumentView>>();
    expectTypeOf<ShipmentLineCandidate>().toEqualTypeOf<Out<typeof postedSalesLineView>>();
    expectTypeOf<ReversibleLineCandidate>().toEqualTypeOf<Out<typeof reversibleLineView>>();
    expectTypeOf<ItemInventory>().toEqualTypeOf<Out<typeof itemInventoryView>>();
    expectTypeOf<JobStatus>().toEqualTypeOf<(typeof jobStatuses)[number]>();
    expectTypeOf<Omit<Job, 'result'>>().toEqualTypeOf<Omit<Out<typeof jobView>, 'result'>>();
    expectTypeOf<Job<CombineShipmentsResult>['result']>().toEqualTypeOf<CombineShipmentsResult | null>();
    expectTypeOf<CombineShipmentsResult>().toEqualTypeOf<Out<typeof combineShipmentsResultView>>();
    expectTypeOf<CorrectionResult>().toEqualTypeOf<Out<typeof correctionResultView>>();
    expectTypeOf<UndoShipmentResult>().toEqualTypeOf<Out<typeof undoShipmentResultView>>();
    expectTypeOf<WebLedgerName>().toEqualTypeOf<LedgerName>();
    expectTypeOf<PostedDocumentType>().toEqualTypeOf<PostedSalesDocumentType>();
  });

  it('every ledger row is a LedgerEntry the ledger pages read by column name', () => {
    expectTypeOf<Out<(typeof ledgerEntryViews)[LedgerName]>>().toExtend<LedgerEntry>();
    expectTypeOf<PostingPreview['itemLedgerEntries'][number]>().toExtend<LedgerEntry>();
  });
});

describe('the views agree with what the server builds', () => {
  it('documents, statistics and lists', () => {
    expectTypeOf<Awaited<ReturnType<typeof documentView>>>().toExtend<Stored<SalesDocument>>();
    expectTypeOf<Awaited<ReturnType<typeof documentStatistics>>>().toExtend<Stored<DocumentStatistics>>();
    expectTypeOf<Awaited<ReturnType<typeof blanketLineLinks>>>().toExtend<Stored<BlanketLineLinks>>();
    expectTypeOf<Warning>().toEqualTypeOf<Out<typeof warningView>>();
    expectTypeOf<VatCalculationType>().toEqualTypeOf<(typeof vatCalculationTypes)[number]>();
    expectTypeOf<ServerProblem>().toEqualTypeOf<Problem>();
  });

  it('posted documents and their candidate lines', () => {
    expectTypeOf<typeof postedSalesHeader.$inferSelect>().toEqualTypeOf<Stored<Out<typeof postedSalesHeaderRowView>>>();
    expectTypeOf<Required<Out<typeof postedDocumentStatusView>>>().toEqualTypeOf<{
      cancelled: boolean; cancelledBy: string | null; corrective: boolean; correctsInvoiceNo: string | null; remainingAmount: string | null; closed: boolean;
    }>();
    expectTypeOf<typeof postedSalesLine.$inferSelect>().toEqualTypeOf<Stored<PostedSalesLine>>();
    expectTypeOf<Awaited<ReturnType<typeof shipmentLinesToInvoice>>[number]>().toEqualTypeOf<Stored<ShipmentLineCandidate>>();
    expectTypeOf<ReversibleLine>().toEqualTypeOf<Stored<ReversibleLineCandidate>>();
  });

  it('posting, preview, Navigate, corrections, undo, jobs and inventory', () => {
    expectTypeOf<z.input<typeof postRequestSchema>>().toEqualTypeOf<PostRequest | null | undefined>();
    expectTypeOf<ServerPostingResult>().toEqualTypeOf<Omit<PostingResult, 'document'>>();
    expectTypeOf<Awaited<ReturnType<typeof previewSalesPosting>>>().toExtend<Record<keyof PostingPreview, unknown>>();
    expectTypeOf<Awaited<ReturnType<typeof previewSalesPosting>>['postedDocuments'][number]>().toExtend<Stored<PostingPreview['postedDocuments'][number]>>();
    expectTypeOf<Omit<ServerNavigateResult, 'entries'>>().toEqualTypeOf<Omit<NavigateResult, 'entries'>>();
    expectTypeOf<keyof ServerNavigateResult['entries']>().toEqualTypeOf<(typeof navigatedLedgerNames)[number]>();
    expectTypeOf<ServerPostedDocumentReference>().toEqualTypeOf<PostedDocumentReference>();
    expectTypeOf<ServerCorrectionResult>().toEqualTypeOf<CorrectionResult>();
    expectTypeOf<Awaited<ReturnType<typeof undoShipmentLines>>>().toEqualTypeOf<UndoShipmentResult>();
    expectTypeOf<ServerCombineShipmentsResult>().toEqualTypeOf<CombineShipmentsResult>();
    expectTypeOf<(typeof serverJobStatuses)[number]>().toEqualTypeOf<JobStatus>();
    expectTypeOf<ServerItemInventory>().toEqualTypeOf<ItemInventory>();
  });
});
