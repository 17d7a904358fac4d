/**
 * Purchase document commands (BC Purchase Header / Line, codeunits 415 Release and Reopen): create,
 * change, lines, delete, release and reopen. The steps shared with sales documents live in
 * server/documents; what is purchase-specific is the vendor, the cost and the receiving fields.
 */
import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import { insertRowsReturningAll } from '../db/bulk-insert.ts';
import type { z } from 'zod';
import { purchaseDescriptor } from '../../core/documents/document-descriptors.ts';
import { DomainError } from '../../core/errors.ts';
import { dec } from '../../core/money/decimal.ts';
import type { purchaseDocumentCreate, purchaseDocumentUpdate, purchaseLineCreate, purchaseLineUpdate } from '../../core/purchases/purchase-document.schemas.ts';
import { assertEditable, releaseProblems } from '../../core/sales/status.ts';
import type { Executor } from '../db/connection.ts';
import { item, purchaseHeader, purchaseLine } from '../db/schema/index.ts';
import { checkVersion as checkHeaderVersion, guarded, newDocumentNumber, nextLineNo, prefixField } from '../documents/document-commands.shared.ts';
import { currencyFactor, paymentTermsFields } from '../sales/sales-header.derive.ts';
import type { PurchaseContext } from './purchase-context.ts';
import { findPurchaseDocument, loadPurchaseDocument } from './purchase-document.queries.ts';
import { recalculatePurchaseDocument } from './purchase-document.recalculate.ts';
import type { PurchaseDocument, PurchaseHeaderRow, PurchaseLineRow } from './purchase-document.types.ts';
import type { EditablePurchaseDocumentType } from '../../core/documents/document-types.ts';
import { newPurchaseDates, vendorFields } from './purchase-header.derive.ts';
import { insertLineRows, updateLineRows, withDerived } from '../documents/line-rows.ts';
import { PurchaseLineSources } from './purchase-line.sources.ts';
import { derivePurchaseLine, type PurchaseLineInput } from './purchase-line.derive.ts';

/** Fields a user may change while the document is Released (BC: no TestStatusOpen on them). */
const headerFieldsEditableWhenReleased = [
  'postingDate', 'documentDate', 'vendorInvoiceNo', 'vendorCreditMemoNo', 'vendorOrderNo', 'vendorShipmentNo', 'yourReference',
  'expectedReceiptDate', 'dueDate', 'paymentDiscountDate',
];
const lineFieldsEditableWhenReleased = ['quantityToReceive', 'returnQuantityToShip', 'quantityToInvoice', 'expectedReceiptDate', 'description', 'description2'];

const caption = (documentType: string) => purchaseDescriptor(documentType as EditablePurchaseDocumentType).caption;
const headerKey = (header: Pick<PurchaseHeaderRow, 'documentType' | 'no'>) => and(eq(purchaseHeader.documentType, header.documentType), eq(purchaseHeader.no, header.no));
const lineKey = (line: Pick<PurchaseLineRow, 'documentType' | 'documentNo' | 'lineNo'>) =>
  and(eq(purchaseLine.documentType, line.documentType), eq(purchaseLine.documentNo, line.documentNo), eq(purchaseLine.lineNo, line.lineNo));
const checkVersion = (document: PurchaseDocument, expected: number | undefined) => checkHeaderVersion(document.header, caption(document.header.documentType), expected);
const assertOpen = (document: PurchaseDocument, fields: readonly string[], editable: readonly string[], where: 'header' | 'line') =>
  assertEditable(document.header.status as never, fields, editable, where, 'purchase');

export type NewPurchaseLine = PurchaseLineInput & Pick<PurchaseLineRow, 'type'> & { lineNo?: number | undefined };
export type NewPurchaseDocument = Omit<z.infer<typeof purchaseDocumentCreate>, 'lines'> & { lines?: readonly NewPurchaseLine[] | undefined };
export type PurchaseHeaderChanges = z.infer<typeof purchaseDocumentUpdate>;

/** A new document: number, vendor data, dates and terms filled as BC does, then its lines. */
export async function createPurchaseDocument(
  tx: Executor, documentType: EditablePurchaseDocumentType, input: NewPurchaseDocument, context: PurchaseContext, extra: Partial<PurchaseHeaderRow> = {},
): Promise<PurchaseDocument> {
  const { lines = [], no: typedNo, buyFromVendorNo, payToVendorNo, ...explicit } = input;
  const { seriesField, setupCaption } = purchaseDescriptor(documentType);
  const { no, noSeries } = await newDocumentNumber(tx, {
    seriesCode: context.purchasesSetup[seriesField as keyof typeof context.purchasesSetup] as string | null, seriesField, caption: caption(documentType), setupCaption,
    exists: async (candidate) => (await findPurchaseDocument(tx, documentType, candidate)) !== undefined,
  }, typedNo, context.workDate);
  let values: Partial<PurchaseHeaderRow> & Pick<PurchaseHeaderRow, 'documentType'> = {
    documentType, no, noSeries, status: 'open', ...newPurchaseDates(documentType, context),
    ...(await vendorFields(tx, documentType, buyFromVendorNo, payToVendorNo, context)), ...extra, ...explicit,
  };
  values = { ...values, ...(await paymentTermsFields(tx, values)) };
  if (explicit.dueDate !== undefined) values.dueDate = explicit.dueDate;
  values.currencyFactor = await currencyFactor(tx, values.currencyCode ?? null, values.postingDate ?? null, context);
  const [header] = await guarded(caption(documentType), no, () => insertRowsReturningAll<PurchaseHeaderRow>(tx, purchaseHeader, [values]));
  return recalculatePurchaseDocument(tx, await insertLines(tx, { header: header!, lines: [] }, lines, context, true), context);
}

const vendorChanged = (input: PurchaseHeaderChanges) => input.buyFromVendorNo !== undefined || input.payToVendorNo !== undefined;

export async function updatePurchaseHeader(
  tx: Executor, documentType: EditablePurchaseDocumentType, no: string, input: PurchaseHeaderChanges, expectedVersion: number | undefined, context: PurchaseContext,
): Promise<PurchaseDocument> {
  const document = await loadPurchaseDocument(tx, documentType, no, { lock: true });
  checkVersion(document, expectedVersion);
  assertOpen(document, Object.keys(input), headerFieldsEditableWhenReleased, 'header');
  const { invoiceDiscountPercent, invoiceDiscountAmount, buyFromVendorNo, payToVendorNo, ...plain } = input;
  let values: Partial<PurchaseHeaderRow> = { ...document.header };
  if (vendorChanged(input)) {
    // BC: a vendor cannot change once lines were received (shipped back) or are linked to a sales order.
    const handled = document.lines.find((line) => !dec(line.quantityReceived).isZero() || !dec(line.returnQuantityShipped).isZero() || line.salesOrderNo || line.specialOrderSalesNo);
    if (handled) throw new DomainError('VENDOR_CHANGE_NOT_ALLOWED', { no, lineNo: handled.lineNo }, buyFromVendorNo !== undefined ? 'buyFromVendorNo' : 'payToVendorNo');
    const buyFrom = buyFromVendorNo ?? document.header.buyFromVendorNo;
    const payTo = buyFromVendorNo !== undefined && payToVendorNo === undefined ? undefined : payToVendorNo ?? document.header.payToVendorNo;
    const { shipToCode: _c, sellToCustomerNo: _s, ...fromVendor } = await vendorFields(tx, documentType, buyFrom, payTo, context);
    values = { ...values, ...(document.header.sellToCustomerNo ? fromVendor : { ...fromVendor, shipToCode: null, sellToCustomerNo: null }) };
  }
  values = { ...values, ...plain };
  if (plain.documentDate !== undefined || plain.paymentTermsCode !== undefined || vendorChanged(input)) {
    values = { ...values, ...(await paymentTermsFields(tx, { ...values, documentType })) };
    for (const typed of ['dueDate', 'paymentDiscountDate', 'paymentDiscountPercent'] as const) {
      if (plain[typed] !== undefined) Object.assign(values, { [typed]: plain[typed] });
    }
  }
  if (invoiceDiscountPercent !== undefined) Object.assign(values, { invoiceDiscountCalculation: 'percent', invoiceDiscountValue: invoiceDiscountPercent });
  if (invoiceDiscountAmount !== undefined) Object.assign(values, { invoiceDiscountCalculation: 'amount', invoiceDiscountValue: invoiceDiscountAmount });
  values.currencyFactor = await currencyFactor(tx, values.currencyCode ?? null, values.postingDate ?? null, context);
  const [header] = await guarded(caption(documentType), no, () => tx.update(purchaseHeader).set({ ...values, updatedAt: sql`now()` }).where(headerKey(document.header)).returning());
  let lines = document.lines;
  if (needsRecosting(document.header, header!, input)) lines = await rederiveLines(tx, header!, lines, context);
  return recalculatePurchaseDocument(tx, { header: header!, lines }, context);
}

/** A new vendor, currency or VAT basis re-derives every open line, as if entered anew with the same item, unit and quantity. */
function needsRecosting(before: PurchaseHeaderRow, after: PurchaseHeaderRow, input: PurchaseHeaderChanges): boolean {
  if (before.status !== 'open') return false;
  return vendorChanged(input) || before.currencyCode !== after.currencyCode || before.pricesIncludingVat !== after.pricesIncludingVat
    || before.locationCode !== after.locationCode;
}

/** Every open line derived anew, their items and agreements read at once, the changed lines written in one statement. */
async function rederiveLines(tx: Executor, header: PurchaseHeaderRow, lines: PurchaseLineRow[], context: PurchaseContext): Promise<PurchaseLineRow[]> {
  const sources = new PurchaseLineSources(tx, header.buyFromVendorNo);
  const open = lines.filter((line) => !(line.type === 'comment' || line.receiptNo || line.returnShipmentNo));
  await sources.prefetch(open);
  const derived: PurchaseLineRow[] = [];
  for (const line of open) {
    const input: PurchaseLineInput = {
      type: line.type, no: line.no, quantity: line.quantity, description: line.description, locationCode: header.locationCode,
      ...(line.type === 'item' ? { unitOfMeasureCode: line.unitOfMeasureCode } : { directUnitCost: line.directUnitCost }),
    };
    const values = await derivePurchaseLine(tx, header, input, undefined, context, sources);
    derived.push(withDerived(line, values));
  }
  const written = new Map((await updateLineRows(tx, purchaseLine, derived)).map((row) => [row.lineNo, row]));
  return lines.map((line) => written.get(line.lineNo) ?? line);
}

/**
 * New lines: their items, units and agreements read at once, then written in one statement, so N
 * lines cost as many statements as one (issue 21). `fieldsOfRequestLines`: a refusal names the field
 * as lines.<index>.<field> of the request.
 */
async function insertLines(tx: Executor, document: PurchaseDocument, inputs: readonly NewPurchaseLine[], context: PurchaseContext, fieldsOfRequestLines: boolean): Promise<PurchaseDocument> {
  const sources = new PurchaseLineSources(tx, document.header.buyFromVendorNo);
  if (inputs.length > 1) await sources.prefetch(inputs);
  const rows: PurchaseLineRow[] = [];
  for (const [index, input] of inputs.entries()) {
    const { lineNo: typed, ...fields } = input;
    const lineNo = nextLineNo([...document.lines, ...rows], typed, 'Purchase Line', document.header.no);
    const values = await derivePurchaseLine(tx, document.header, fields, undefined, context, sources)
      .catch((error: unknown) => { throw fieldsOfRequestLines ? prefixField(error, `lines.${index}`) : error; });
    rows.push({ ...values, documentType: document.header.documentType, documentNo: document.header.no, lineNo } as PurchaseLineRow);
  }
  const what = rows.length === 1 ? `${document.header.no} ${rows[0]!.lineNo}` : document.header.no;
  const written = await guarded('Purchase Line', what, () => insertLineRows(tx, purchaseLine, rows));
  return { header: document.header, lines: [...document.lines, ...written].sort((a, b) => a.lineNo - b.lineNo) };
}

export async function addPurchaseLines(
  tx: Executor, documentType: EditablePurchaseDocumentType, no: string, inputs: readonly NewPurchaseLine[], expectedVersion: number | undefined, context: PurchaseContext,
): Promise<PurchaseDocument> {
  const document = await loadPurchaseDocument(tx, documentType, no, { lock: true });
  checkVersion(document, expectedVersion);
  assertOpen(document, ['lines'], [], 'line');
  return recalculatePurchaseDocument(tx, await insertLines(tx, document, inputs, context, inputs.length > 1), context);
}

export function addPurchaseLine(
  tx: Executor, documentType: EditablePurchaseDocumentType, no: string, input: z.infer<typeof purchaseLineCreate>, expectedVersion: number | undefined, context: PurchaseContext,
): Promise<PurchaseDocument> {
  return addPurchaseLines(tx, documentType, no, [input], expectedVersion, context);
}

function findLine(document: PurchaseDocument, lineNo: number): PurchaseLineRow {
  const line = document.lines.find((candidate) => candidate.lineNo === lineNo);
  if (!line) throw new DomainError('NOT_FOUND', { entity: 'Purchase Line', key: `${document.header.no} ${lineNo}` });
  return line;
}

export async function updatePurchaseLine(
  tx: Executor, documentType: EditablePurchaseDocumentType, no: string, lineNo: number, input: z.infer<typeof purchaseLineUpdate>,
  expectedVersion: number | undefined, context: PurchaseContext,
): Promise<PurchaseDocument> {
  const document = await loadPurchaseDocument(tx, documentType, no, { lock: true });
  checkVersion(document, expectedVersion);
  const previous = findLine(document, lineNo);
  assertOpen(document, Object.keys(input), lineFieldsEditableWhenReleased, 'line');
  const values = await derivePurchaseLine(tx, document.header, input, previous, context);
  const [line] = await guarded('Purchase Line', `${no} ${lineNo}`, () => tx.update(purchaseLine).set(values).where(lineKey(previous)).returning());
  return recalculatePurchaseDocument(tx, { header: document.header, lines: document.lines.map((candidate) => (candidate.lineNo === lineNo ? line! : candidate)) }, context);
}

/** Received (or, on returns, shipped back) but not yet invoiced: deleting it would lose what is owed. */
function hasUninvoicedReceipt(documentType: EditablePurchaseDocumentType, line: PurchaseLineRow): boolean {
  const handled = line[purchaseDescriptor(documentType).lineHandling.quantityHandledField as 'quantityReceived' | 'returnQuantityShipped'];
  return !dec(handled).eq(dec(line.quantityInvoiced));
}

/** A line buying for a sales order line that is not yet shipped cannot go (BC: the sales line would lose its purchase). */
function assertNoSalesLink(line: PurchaseLineRow) {
  const salesOrderNo = line.salesOrderNo ?? line.specialOrderSalesNo;
  if (!salesOrderNo || dec(line.quantityReceived).eq(dec(line.quantity)) && dec(line.quantityInvoiced).eq(dec(line.quantity))) return;
  throw new DomainError('PURCHASE_LINE_LINKED_TO_SALES_DELETE', {
    lineNo: line.lineNo, salesOrderNo, salesLineNo: line.salesOrderLineNo ?? line.specialOrderSalesLineNo ?? '', kind: line.dropShipment ? 'drop shipment' : 'special order',
  });
}

export async function deletePurchaseLine(
  tx: Executor, documentType: EditablePurchaseDocumentType, no: string, lineNo: number, expectedVersion: number | undefined, context: PurchaseContext,
): Promise<PurchaseDocument> {
  const document = await loadPurchaseDocument(tx, documentType, no, { lock: true });
  checkVersion(document, expectedVersion);
  const line = findLine(document, lineNo);
  assertOpen(document, ['lines'], [], 'line');
  if (hasUninvoicedReceipt(documentType, line)) throw new DomainError('LINE_HAS_UNINVOICED_RECEIPT', { lineNo, no });
  assertNoSalesLink(line);
  await tx.delete(purchaseLine).where(lineKey(line));
  return recalculatePurchaseDocument(tx, { header: document.header, lines: document.lines.filter((candidate) => candidate !== line) }, context);
}

export async function deletePurchaseDocument(tx: Executor, documentType: EditablePurchaseDocumentType, no: string, expectedVersion: number | undefined): Promise<void> {
  const document = await loadPurchaseDocument(tx, documentType, no, { lock: true });
  checkVersion(document, expectedVersion);
  const unfinished = document.lines.find((line) => hasUninvoicedReceipt(documentType, line));
  if (unfinished) throw new DomainError('LINE_HAS_UNINVOICED_RECEIPT', { lineNo: unfinished.lineNo, no });
  for (const line of document.lines) assertNoSalesLink(line);
  await tx.delete(purchaseHeader).where(headerKey(document.header));
}

export async function releasePurchaseDocument(
  tx: Executor, documentType: EditablePurchaseDocumentType, no: string, expectedVersion: number | undefined, context: PurchaseContext,
): Promise<PurchaseDocument> {
  const document = await loadPurchaseDocument(tx, documentType, no, { lock: true });
  checkVersion(document, expectedVersion);
  return releaseLoadedPurchaseDocument(tx, document, context);
}

/** Release (BC codeunit 415): the buy-from vendor, something to release, location and unit per item line; then Released. */
export async function releaseLoadedPurchaseDocument(tx: Executor, document: PurchaseDocument, context: PurchaseContext): Promise<PurchaseDocument> {
  if (document.header.status === 'released') return document;
  if (document.header.status !== 'open') throw new DomainError('STATUS_MUST_BE_OPEN', { status: document.header.status, fields: 'status' });
  const itemNos = [...new Set(document.lines.filter((line) => line.type === 'item').map((line) => line.no))];
  const stockless = new Set(itemNos.length === 0 ? [] : (await tx.select({ no: item.no }).from(item)
    .where(and(inArray(item.no, itemNos), ne(item.type, 'inventory')))).map((row) => row.no));
  releaseProblems({
    documentType: document.header.documentType as EditablePurchaseDocumentType,
    sellToCustomerNo: null,
    purchase: { caption: caption(document.header.documentType), buyFromVendorNo: document.header.buyFromVendorNo },
    lines: document.lines.map((line) => ({
      lineNo: line.lineNo, type: line.type as never, no: line.no, quantity: dec(line.quantity), unitOfMeasureCode: line.unitOfMeasureCode,
      locationCode: line.locationCode, inventoryItem: !stockless.has(line.no),
    })),
  }, { locationMandatory: context.inventorySetup.locationMandatory });
  return recalculatePurchaseDocument(tx, document, context, { status: 'released' });
}

export async function reopenPurchaseDocument(tx: Executor, documentType: EditablePurchaseDocumentType, no: string, expectedVersion: number | undefined): Promise<PurchaseDocument> {
  const document = await loadPurchaseDocument(tx, documentType, no, { lock: true });
  checkVersion(document, expectedVersion);
  if (document.header.status === 'pendingApproval') throw new DomainError('APPROVAL_PENDING_CANNOT_REOPEN', { no });
  if (document.header.status === 'open') return document;
  const [header] = await tx.update(purchaseHeader).set({ status: 'open', version: sql`${purchaseHeader.version} + 1` }).where(headerKey(document.header)).returning();
  return { header: header!, lines: document.lines };
}
