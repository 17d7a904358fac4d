import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import { insertRowsReturningAll } from '../db/bulk-insert.ts';
import type { z } from 'zod';
import { DomainError } from '../../core/errors.ts';
import { dec } from '../../core/money/decimal.ts';
import { roundUnitAmount } from '../../core/money/rounding.ts';
import {
  assertEditable, headerFieldsEditableWhenReleased, lineFieldsEditableWhenReleased, releaseProblems,
} from '../../core/sales/status.ts';
import { salesDescriptor } from '../../core/documents/document-descriptors.ts';
import type { SalesDocumentType } from '../../core/sales/types.ts';
import type { salesDocumentCreate, salesDocumentUpdate, salesLineCreate, salesLineUpdate } from '../../core/sales/sales-document.schemas.ts';
import type { Executor } from '../db/connection.ts';
import { checkVersion as checkHeaderVersion, guarded, newDocumentNumber, nextLineNo, prefixField } from '../documents/document-commands.shared.ts';
import { item, salesHeader, salesLine } from '../db/schema/index.ts';
import { assertNoPurchaseLinks } from './sales-line.purchasing.ts';
import { assertBlanketLinesUnlinked } from './sales-line.blanket.ts';
import { currencyPrecisions, type SalesContext } from './sales-context.ts';
import { loadDocument, findDocument } from './sales-document.queries.ts';
import { assemblesToOrder, followSalesStatus } from '../assembly/assemble-to-order.sync.ts';
import { amountsBeforeInsert, recalculateDocument, type RecalculationTrigger } from './sales-document.recalculate.ts';
import { checkPrepaymentBeforeRelease, pendingPrepaymentOrderNos, prepaymentSettled } from './prepayment.gate.ts';
import { spreadPrepaymentTotal } from '../../core/sales/prepayment.ts';
import { assertNoInvoicedPrepayment, checkHeaderChangeWithPrepayment, prepaymentLineOf, checkPrepaymentHeader, setLinesPrepaymentPercent } from './prepayment.lines.ts';
import { type EditableDocumentType, type SalesDocument, type SalesHeaderRow, type SalesLineRow } from './sales-document.types.ts';
import { currencyFactor, customerFields, newDocumentDates, paymentTermsFields, prepaymentTermsFields, quoteValidityFields, shipToFields } from './sales-header.derive.ts';
import { deriveLine, type SalesLineInput } from './sales-line.derive.ts';
import { SalesLineSources } from './sales-line.sources.ts';
import { insertLineRows, updateLineRows, withDerived } from '../documents/line-rows.ts';
import { archiveDocument, shouldArchive } from './sales-document.archive.ts';
import { itemFromCatalog } from '../purchases/catalog-items.ts';
import { checkPaymentServiceSet, paymentServiceSetForNewDocument } from '../payment-services/payment-service-setup.commands.ts';
import { assertApprovalAllows, type GuardedAction } from '../approvals/approval-guard.ts';

const lineKey = (line: Pick<SalesLineRow, 'documentType' | 'documentNo' | 'lineNo'>) =>
  and(eq(salesLine.documentType, line.documentType), eq(salesLine.documentNo, line.documentNo), eq(salesLine.lineNo, line.lineNo));
const headerKey = (header: Pick<SalesHeaderRow, 'documentType' | 'no'>) =>
  and(eq(salesHeader.documentType, header.documentType), eq(salesHeader.no, header.no));

function checkVersion(document: SalesDocument, expectedVersion: number | undefined) {
  checkHeaderVersion(document.header, salesDescriptor(document.header.documentType as EditableDocumentType).caption, expectedVersion);
}

function documentNumber(tx: Executor, documentType: EditableDocumentType, typed: string | undefined, context: SalesContext) {
  const { seriesField, caption, setupCaption } = salesDescriptor(documentType);
  return newDocumentNumber(tx, {
    seriesCode: context.salesSetup[seriesField], seriesField, caption, setupCaption,
    exists: async (no) => (await findDocument(tx, documentType, no)) !== undefined,
  }, typed, context.workDate);
}

/** A new line: as the API takes it, or as a command copies it from another line (with links to posted lines). */
export type NewSalesLine = SalesLineInput & Pick<SalesLineRow, 'type'>;

/**
 * A new document: as the API takes it (salesDocumentCreate); commands that make one from another
 * (Copy, Make Order, Correct) pass lines copied from that one and the invoice it corrects.
 */
export type NewSalesDocument = Omit<z.infer<typeof salesDocumentCreate>, 'lines'> & {
  lines?: readonly NewSalesLine[] | undefined;
  correctedInvoiceNo?: string | undefined;
};

/** A new document: number, customer data, dates and terms filled as Business Central does, then its lines. */
export async function createDocument(tx: Executor, documentType: EditableDocumentType, input: NewSalesDocument, context: SalesContext): Promise<SalesDocument> {
  const { lines = [], no: typedNo, sellToCustomerNo, billToCustomerNo, shipToCode, ...explicit } = input;
  const { no, noSeries } = await documentNumber(tx, documentType, typedNo, context);
  let values: Partial<SalesHeaderRow> & Pick<SalesHeaderRow, 'documentType'> = {
    documentType, no, noSeries, status: 'open',
    ...newDocumentDates(documentType, context),
    ...(await customerFields(tx, documentType, sellToCustomerNo, billToCustomerNo, context)),
  };
  if (shipToCode) values = { ...values, ...(await shipToFields(tx, values.sellToCustomerNo!, shipToCode, context)) };
  values = { ...values, ...explicit, paymentServiceSet: await paymentServiceSetForNewDocument(tx, documentType, explicit.paymentServiceSet) };
  if (explicit.paymentTermsCode !== undefined && explicit.prepmtPaymentTermsCode === undefined && documentType === 'order') values.prepmtPaymentTermsCode = explicit.paymentTermsCode;
  values = { ...values, ...(await paymentTermsFields(tx, values)), ...quoteValidityFields(values, context), ...(await prepaymentTermsFields(tx, values)) };
  for (const typed of ['prepaymentDueDate', 'prepmtPmtDiscountDate', 'prepmtPaymentDiscountPercent'] as const) {
    if (explicit[typed] !== undefined) Object.assign(values, { [typed]: explicit[typed] });
  }
  checkPrepaymentHeader(values);
  if (explicit.dueDate !== undefined) values.dueDate = explicit.dueDate;
  if (explicit.quoteValidUntilDate !== undefined) values.quoteValidUntilDate = explicit.quoteValidUntilDate;
  values.currencyFactor = await currencyFactor(tx, values.currencyCode ?? null, values.postingDate ?? null, context);
  const entity = salesDescriptor(documentType).caption;
  const [header] = await guarded(entity, no, () => insertRowsReturningAll<SalesHeaderRow>(tx, salesHeader, [values]));
  return recalculateDocument(tx, await insertLines(tx, { header: header!, lines: [] }, lines, context), context, 'lineChanged', {}, 'ifChanged');
}


/** What the API takes to change a header (salesDocumentUpdate). */
export type SalesHeaderChanges = z.infer<typeof salesDocumentUpdate>;

/** Header fields whose change re-derives the customer data and re-prices the lines. */
const customerFieldsChanged = (input: SalesHeaderChanges) => input.sellToCustomerNo !== undefined || input.billToCustomerNo !== undefined;

export async function updateDocumentHeader(
  tx: Executor, documentType: EditableDocumentType, no: string, input: SalesHeaderChanges, expectedVersion: number | undefined, context: SalesContext,
): Promise<SalesDocument> {
  const document = await loadDocument(tx, documentType, no, { lock: true });
  checkVersion(document, expectedVersion);
  const { invoiceDiscountPercent, invoiceDiscountAmount, ...fields } = input;
  assertEditable(document.header.status as never, Object.keys(input), headerFieldsEditableWhenReleased, 'header');
  let values: Partial<SalesHeaderRow> & Pick<SalesHeaderRow, 'documentType'> = { ...document.header };
  checkLinesFromShipments(document, fields);
  if (customerFieldsChanged(fields)) {
    // BC CheckShipmentInfo: lines shipped, received or billing a posted shipment tie the customer.
    if (document.lines.some((line) => !dec(line.quantityShipped).isZero() || !dec(line.returnQuantityReceived).isZero() || billsPostedLine(line))) {
      throw new DomainError('CUSTOMER_CHANGE_NOT_ALLOWED', { no }, fields.sellToCustomerNo !== undefined ? 'sellToCustomerNo' : 'billToCustomerNo');
    }
    const sellTo = fields.sellToCustomerNo ?? document.header.sellToCustomerNo;
    const billTo = fields.sellToCustomerNo !== undefined && fields.billToCustomerNo === undefined ? undefined : fields.billToCustomerNo ?? document.header.billToCustomerNo;
    values = { ...values, ...(await customerFields(tx, documentType, sellTo, billTo, context)) };
  }
  if (fields.shipToCode !== undefined) values = { ...values, ...(await shipToFields(tx, values.sellToCustomerNo!, fields.shipToCode, context)) };
  const { sellToCustomerNo: _s, billToCustomerNo: _b, shipToCode: _c, ...plain } = fields;
  values = { ...values, ...plain };
  if (fields.paymentServiceSet !== undefined) values.paymentServiceSet = await checkPaymentServiceSet(tx, documentType, fields.paymentServiceSet);
  if (fields.documentDate !== undefined || fields.paymentTermsCode !== undefined || customerFieldsChanged(fields)) {
    values = { ...values, ...(await paymentTermsFields(tx, values)) };
    if (fields.documentDate !== undefined) values = { ...values, ...quoteValidityFields(values, context) };
    for (const explicit of ['dueDate', 'paymentDiscountDate', 'paymentDiscountPercent', 'quoteValidUntilDate'] as const) {
      if (fields[explicit] !== undefined) Object.assign(values, { [explicit]: fields[explicit] });
    }
  }
  // Spec §26.1: the prepayment terms follow the payment terms they were equal to, and give the prepayment dates.
  if (fields.paymentTermsCode !== undefined && fields.prepmtPaymentTermsCode === undefined && documentType === 'order'
    && document.header.prepmtPaymentTermsCode === document.header.paymentTermsCode) values.prepmtPaymentTermsCode = values.paymentTermsCode ?? null;
  if (fields.documentDate !== undefined || values.prepmtPaymentTermsCode !== document.header.prepmtPaymentTermsCode) {
    values = { ...values, ...(await prepaymentTermsFields(tx, values)) };
    for (const typed of ['prepaymentDueDate', 'prepmtPmtDiscountDate', 'prepmtPaymentDiscountPercent'] as const) {
      if (fields[typed] !== undefined) Object.assign(values, { [typed]: fields[typed] });
    }
  }
  checkPrepaymentHeader(values);
  checkHeaderChangeWithPrepayment(document, fields);
  if (invoiceDiscountPercent !== undefined) Object.assign(values, { invoiceDiscountCalculation: 'percent', invoiceDiscountValue: invoiceDiscountPercent });
  if (invoiceDiscountAmount !== undefined) Object.assign(values, { invoiceDiscountCalculation: 'amount', invoiceDiscountValue: invoiceDiscountAmount });
  values.currencyFactor = await currencyFactor(tx, values.currencyCode ?? null, values.postingDate ?? null, context);
  const [header] = await guarded(salesDescriptor(documentType).caption, no, () =>
    tx.update(salesHeader).set({ ...values, version: document.header.version, updatedAt: sql`now()` }).where(headerKey(document.header)).returning());
  let lines = document.lines;
  if (needsRepricing(document.header, header!, fields)) lines = await rederiveLines(tx, header!, lines, context);
  else if (header!.pricesIncludingVat !== document.header.pricesIncludingVat) lines = await convertPricesForVat(tx, header!, lines, context);
  // Typed or defaulted from a new ship-to address: lines that shipped from the old location follow.
  if (header!.locationCode !== document.header.locationCode) lines = await moveLinesToLocation(tx, header!, lines, document.header.locationCode, context);
  lines = await copyDeliveryDatesToLines(tx, document.header, header!, lines, context);
  if (fields.prepaymentPercent !== undefined) lines = await setLinesPrepaymentPercent(tx, header!, lines, (await currencyPrecisions(tx, context, header!.currencyCode)).amount);
  return recalculateDocument(tx, { header: header!, lines }, context, 'lineChanged');
}

/** Lines from Get Shipment Lines (spec §13.1): they bill a posted shipment (return receipt) line on the order's terms. */
const billsPostedLine = (line: SalesLineRow) => line.shipmentNo !== null || line.returnReceiptNo !== null;

/** The currency of lines billing a posted shipment is the shipment's (BC TestSalesLineFieldsBeforeRecreate). */
function checkLinesFromShipments(document: SalesDocument, fields: SalesHeaderChanges) {
  if (fields.currencyCode === undefined || (fields.currencyCode ?? null) === document.header.currencyCode) return;
  const index = document.lines.findIndex(billsPostedLine);
  if (index < 0) return;
  const line = document.lines[index]!;
  const what = line.shipmentNo !== null ? 'shipment' : 'return receipt';
  throw new DomainError('LINE_FROM_SHIPMENT_FIXED', {
    fieldCaption: 'Currency Code', line: `line ${index + 1} (${line.no})`, source: `${what} ${line.shipmentNo ?? line.returnReceiptNo}`, what,
  }, 'currencyCode');
}

/** Prices follow the customer, currency and price date, but only while the document is open: released amounts stay put. */
function needsRepricing(before: SalesHeaderRow, after: SalesHeaderRow, input: SalesHeaderChanges): boolean {
  if (before.status !== 'open') return false;
  return customerFieldsChanged(input) || before.currencyCode !== after.currencyCode
    || before.orderDate !== after.orderDate && !salesDescriptor(after.documentType as SalesDocumentType).postsInFull
    || before.postingDate !== after.postingDate && salesDescriptor(after.documentType as SalesDocumentType).postsInFull;
}

/** Every line derived again for the changed header, as if entered anew with the same item, unit and quantity. */
async function rederiveLines(tx: Executor, header: SalesHeaderRow, lines: SalesLineRow[], context: SalesContext): Promise<SalesLineRow[]> {
  // A new posting date does not re-price what a posted shipment bills on the order's terms, nor what delivers a blanket line on its terms.
  return changeLines(tx, header, lines, context, (line) => {
    if (billsPostedLine(line) || line.blanketOrderNo) return null;
    const input = line.type === 'comment' ? { type: line.type, description: line.description }
      : { type: line.type, no: line.no, quantity: line.quantity, description: line.description, ...(line.type === 'item' ? { unitOfMeasureCode: line.unitOfMeasureCode } : { unitPrice: line.unitPrice }) };
    return { input, previous: undefined };
  });
}

/** Prices Including VAT switched: unit prices are converted so the amounts keep their meaning. */
function convertPricesForVat(tx: Executor, header: SalesHeaderRow, lines: SalesLineRow[], context: SalesContext): Promise<SalesLineRow[]> {
  return changeLines(tx, header, lines, context, (line) => {
    if (line.type === 'comment') return null;
    const factor = dec(line.vatCalculationType === 'reverseCharge' ? '0' : line.vatPercent).div(100).plus(1);
    const unitPrice = roundUnitAmount(header.pricesIncludingVat ? dec(line.unitPrice).times(factor) : dec(line.unitPrice).div(factor));
    return { input: { unitPrice: unitPrice.toFixed(5) }, previous: line };
  });
}

function moveLinesToLocation(tx: Executor, header: SalesHeaderRow, lines: SalesLineRow[], oldLocation: string | null, context: SalesContext) {
  return changeLines(tx, header, lines, context, (line) =>
    (line.type !== 'item' || line.locationCode !== oldLocation ? null : { input: { locationCode: header.locationCode }, previous: line }));
}

const headerDeliveryFields = ['shipmentDate', 'requestedDeliveryDate', 'promisedDeliveryDate', 'shippingTime'] as const;

/** Spec §16.1: the header's shipment and delivery dates and shipping time are copied to the lines still to ship. */
function copyDeliveryDatesToLines(tx: Executor, before: SalesHeaderRow, after: SalesHeaderRow, lines: SalesLineRow[], context: SalesContext) {
  const changed = headerDeliveryFields.filter((field) => before[field] !== after[field]);
  if (changed.length === 0) return lines;
  const input = Object.fromEntries(changed.map((field) => [field, after[field]])) as SalesLineInput;
  return changeLines(tx, after, lines, context, (line) => {
    if (line.type === 'comment' || dec(line.quantityShipped).gte(dec(line.quantity)) && !dec(line.quantity).isZero()) return null;
    // From the header a line takes the requested date even while its own promised date rules (BC: no error when CurrFieldNo = 0).
    return { input: line.promisedDeliveryDate && input.promisedDeliveryDate === undefined ? { ...input, promisedDeliveryDate: line.promisedDeliveryDate } : input, previous: line };
  });
}

/**
 * Lines derived again after a header change, `change` saying how (null: the line stays): their items
 * and prices read at once, the changed lines written in one statement.
 */
async function changeLines(
  tx: Executor, header: SalesHeaderRow, lines: SalesLineRow[], context: SalesContext,
  change: (line: SalesLineRow) => { input: SalesLineInput; previous: SalesLineRow | undefined } | null,
): Promise<SalesLineRow[]> {
  const sources = new SalesLineSources(tx, header.documentType);
  const changes = lines.map((line) => ({ line, change: change(line) }));
  await sources.prefetch(changes.filter((entry) => entry.change !== null).map((entry) => entry.line));
  const derived = new Map<number, SalesLineRow>();
  for (const { line, change: changed } of changes) {
    if (!changed) continue;
    const values = await deriveLine(tx, header, changed.input, changed.previous, context, sources);
    derived.set(line.lineNo, withDerived(line, values));
  }
  const written = new Map((await updateLineRows(tx, salesLine, [...derived.values()])).map((row) => [row.lineNo, row]));
  return lines.map((line) => written.get(line.lineNo) ?? line);
}

/** Shipped (or, on returns, received) but not yet invoiced: deleting it would lose what is owed. */
function hasUninvoicedShipment(documentType: EditableDocumentType, line: SalesLineRow): boolean {
  const handled = line[salesDescriptor(documentType).lineHandling.quantityHandledField];
  return !dec(handled).eq(dec(line.quantityInvoiced));
}

export async function deleteDocument(
  tx: Executor, documentType: EditableDocumentType, no: string, expectedVersion: number | undefined, context: SalesContext, options: { archive?: boolean } = {},
) {
  const document = await loadDocument(tx, documentType, no, { lock: true });
  checkVersion(document, expectedVersion);
  if (documentType === 'blanketOrder') await assertBlanketLinesUnlinked(tx, no, undefined, `Blanket order ${no}`);
  const unfinished = document.lines.find((line) => hasUninvoicedShipment(documentType, line));
  if (unfinished) throw new DomainError('LINE_HAS_UNINVOICED_SHIPMENT', { lineNo: unfinished.lineNo, no });
  assertNoInvoicedPrepayment(document.header, document.lines, `Order ${no}`);
  assertNoPurchaseLinks(document.lines);
  if (shouldArchive(document, context, options.archive)) await archiveDocument(tx, document, 'delete', context.username);
  await tx.delete(salesHeader).where(headerKey(document.header));
}

/**
 * Delete Invoiced Sales (Return) Orders (spec §7.8): orders billed through separate invoices stay
 * until this removes those whose every line is completely shipped (received) and invoiced.
 */
export async function deleteInvoicedOrders(tx: Executor, documentType: 'order' | 'returnOrder', context: SalesContext): Promise<string[]> {
  const handled = salesLine[salesDescriptor(documentType).lineHandling.quantityHandledField];
  const rows = await tx.select({ no: salesHeader.no }).from(salesHeader).where(and(
    eq(salesHeader.documentType, documentType),
    sql`exists (select 1 from ${salesLine} where ${salesLine.documentType} = ${salesHeader.documentType} and ${salesLine.documentNo} = ${salesHeader.no} and ${salesLine.type} <> 'comment')`,
    sql`not exists (select 1 from ${salesLine} where ${salesLine.documentType} = ${salesHeader.documentType} and ${salesLine.documentNo} = ${salesHeader.no}
      and ${salesLine.type} <> 'comment' and (${handled} <> ${salesLine.quantity} or ${salesLine.quantityInvoiced} <> ${salesLine.quantity}))`,
  )).orderBy(salesHeader.no);
  for (const { no } of rows) {
    const document = await loadDocument(tx, documentType, no, { lock: true });
    if (documentType === 'order' && context.salesSetup.archiveOrders) await archiveDocument(tx, document, 'delete', context.username);
    await tx.delete(salesHeader).where(headerKey(document.header));
  }
  return rows.map((row) => row.no);
}

/** Delete Expired Sales Quotes (spec §7.1): quotes valid until a date before `before`; archived as the setup says. */
export async function deleteExpiredQuotes(tx: Executor, before: string, context: SalesContext): Promise<string[]> {
  const expired = await tx.select({ no: salesHeader.no }).from(salesHeader)
    .where(and(eq(salesHeader.documentType, 'quote'), lt(salesHeader.quoteValidUntilDate, before))).orderBy(salesHeader.no);
  for (const { no } of expired) {
    const quote = await loadDocument(tx, 'quote', no, { lock: true });
    if (shouldArchive(quote, context, undefined)) await archiveDocument(tx, quote, 'deleteExpired', context.username);
    await tx.delete(salesHeader).where(headerKey(quote.header));
  }
  return expired.map((row) => row.no);
}

type NewLine = NewSalesLine & { catalogItemEntryNo?: string };

/**
 * New lines of a document: their items, units, prices and setups read for all of them at once, then
 * written in one statement, so N lines cost as many statements as one (issue 21). Lines linked to a
 * blanket order line are checked against the order lines already written, so they go one by one.
 * `fieldsOfRequestLines`: a refusal names the field as lines.<index>.<field> of the request.
 */
async function insertLines(tx: Executor, document: SalesDocument, inputs: readonly NewLine[], context: SalesContext, fieldsOfRequestLines = true): Promise<SalesDocument> {
  const sources = new SalesLineSources(tx, document.header.documentType);
  if (inputs.length > 1) await sources.prefetch(inputs);
  const oneByOne = inputs.some((input) => input.blanketOrderNo || input.blanketOrderLineNo);
  const rows: SalesLineRow[] = [];
  const written = [...document.lines];
  for (const [index, given] of inputs.entries()) {
    const row = await newLineRow(tx, { header: document.header, lines: written }, given, context, sources)
      .catch((error: unknown) => { throw fieldsOfRequestLines ? prefixField(error, `lines.${index}`) : error; });
    written.push(row);
    if (oneByOne) rows.push(...(await insertRows(tx, document.header, [row])));
  }
  if (!oneByOne) rows.push(...(await insertRows(tx, document.header, (await amountsBeforeInsert(tx, document.header, written, context)).slice(document.lines.length))));
  return { header: document.header, lines: [...document.lines, ...rows].sort((a, b) => a.lineNo - b.lineNo) };
}

function insertRows(tx: Executor, header: SalesHeaderRow, rows: readonly SalesLineRow[]): Promise<SalesLineRow[]> {
  const what = rows.length === 1 ? `${header.no} ${rows[0]!.lineNo}` : header.no;
  return guarded('Sales Line', what, () => insertLineRows(tx, salesLine, rows));
}

async function newLineRow(tx: Executor, document: SalesDocument, given: NewLine, context: SalesContext, sources: SalesLineSources): Promise<SalesLineRow> {
  const { catalogItemEntryNo, ...input } = given;
  const lineNo = nextLineNo(document.lines, input.lineNo, 'Sales Line', document.header.no);
  if (catalogItemEntryNo) Object.assign(input, { type: 'item', no: await itemFromCatalog(tx, catalogItemEntryNo, 'catalogItemEntryNo') });
  const values = await deriveLine(tx, document.header, input, undefined, context, sources);
  return { ...values, documentType: document.header.documentType, documentNo: document.header.no, lineNo } as SalesLineRow;
}

export async function addLine(
  tx: Executor, documentType: EditableDocumentType, no: string, input: z.infer<typeof salesLineCreate>, expectedVersion: number | undefined, context: SalesContext,
): Promise<SalesDocument> {
  const document = await loadDocument(tx, documentType, no, { lock: true });
  checkVersion(document, expectedVersion);
  if (document.header.status !== 'open') assertEditable(document.header.status as never, ['lines'], [], 'line');
  return recalculateDocument(tx, await insertLines(tx, document, [input], context, false), context, 'lineChanged');
}

/** Several lines at once (Get Shipment Lines, lines to reverse): the document is totalled once, not per line. */
export async function addLines(tx: Executor, documentType: EditableDocumentType, no: string, inputs: readonly NewSalesLine[], context: SalesContext): Promise<SalesDocument> {
  const document = await loadDocument(tx, documentType, no, { lock: true });
  if (document.header.status !== 'open') assertEditable(document.header.status as never, ['lines'], [], 'line');
  return recalculateDocument(tx, await insertLines(tx, document, inputs, context), context, 'lineChanged');
}

function findLine(document: SalesDocument, lineNo: number): SalesLineRow {
  const line = document.lines.find((candidate) => candidate.lineNo === lineNo);
  if (!line) throw new DomainError('NOT_FOUND', { entity: 'Sales Line', key: `${document.header.no} ${lineNo}` });
  return line;
}

export async function updateLine(
  tx: Executor, documentType: EditableDocumentType, no: string, lineNo: number, input: z.infer<typeof salesLineUpdate>, expectedVersion: number | undefined, context: SalesContext,
): Promise<SalesDocument> {
  const document = await loadDocument(tx, documentType, no, { lock: true });
  checkVersion(document, expectedVersion);
  const previous = findLine(document, lineNo);
  assertEditable(document.header.status as never, Object.keys(input), lineFieldsEditableWhenReleased, 'line');
  const values = await deriveLine(tx, document.header, input, previous, context);
  const [line] = await guarded('Sales Line', `${no} ${lineNo}`, () => tx.update(salesLine).set(values).where(lineKey(previous)).returning());
  const lines = document.lines.map((candidate) => (candidate.lineNo === lineNo ? line! : candidate));
  return recalculateDocument(tx, { header: document.header, lines }, context, 'lineChanged');
}

export async function deleteLine(
  tx: Executor, documentType: EditableDocumentType, no: string, lineNo: number, expectedVersion: number | undefined, context: SalesContext,
): Promise<SalesDocument> {
  const document = await loadDocument(tx, documentType, no, { lock: true });
  checkVersion(document, expectedVersion);
  const line = findLine(document, lineNo);
  if (document.header.status !== 'open') assertEditable(document.header.status as never, ['lines'], [], 'line');
  if (documentType === 'blanketOrder') await assertBlanketLinesUnlinked(tx, no, [lineNo], `Line ${lineNo} of blanket order ${no}`);
  if (hasUninvoicedShipment(documentType, line)) throw new DomainError('LINE_HAS_UNINVOICED_SHIPMENT', { lineNo, no });
  assertNoInvoicedPrepayment(document.header, [line], `Line ${lineNo}`);
  assertNoPurchaseLinks([line]);
  await tx.delete(salesLine).where(lineKey(line));
  return recalculateDocument(tx, { header: document.header, lines: document.lines.filter((candidate) => candidate !== line) }, context, 'lineChanged');
}

/** Release (spec §3.2): checks, invoice discount if the setup calculates it, then Released. */
export async function releaseDocument(tx: Executor, documentType: EditableDocumentType, no: string, expectedVersion: number | undefined, context: SalesContext) {
  const document = await loadDocument(tx, documentType, no, { lock: true });
  checkVersion(document, expectedVersion);
  await checkPrepaymentBeforeRelease(tx, document, context);
  return releaseLoadedDocument(tx, document, context);
}

/**
 * Update Pending Prepayment Orders (spec §26.6): every order in Pending Prepayment whose prepayment
 * is invoiced and (with the check) paid is released; the others stay. Returns the released orders.
 */
export async function updatePendingPrepaymentOrders(tx: Executor, context: SalesContext): Promise<string[]> {
  const released: string[] = [];
  for (const no of await pendingPrepaymentOrderNos(tx)) {
    const document = await loadDocument(tx, 'order', no, { lock: true });
    if (!(await prepaymentSettled(tx, document, context))) continue;
    await releaseLoadedDocument(tx, document, context);
    released.push(no);
  }
  return released;
}

/**
 * Release of a document the caller has loaded and locked already (posting releases implicitly,
 * spec §7.4, and names itself as the action the approval guard refuses).
 */
/**
 * How Release runs: `action` is what the approval guard is asked about (Post releases too);
 * `deletedAfter` for a document its posting deletes (its release stays in memory); `itemTypes` the
 * lines' item types when the caller read them already.
 */
export interface ReleaseOptions { action?: GuardedAction; deletedAfter?: boolean; itemTypes?: ReadonlyMap<string, string> }

export async function releaseLoadedDocument(
  tx: Executor, document: SalesDocument, context: SalesContext, options: ReleaseOptions = {},
): Promise<SalesDocument> {
  const { action = 'release', deletedAfter = false } = options;
  const documentType = document.header.documentType as EditableDocumentType;
  if (document.header.status === 'released') return document;
  // Spec §19.6: pending approval, or an enabled workflow without an approval of this content, refuses.
  await assertApprovalAllows(tx, document, action);
  // Pending Prepayment releases like Open once the prepayment is settled (the callers check it, spec §26.6).
  if (document.header.status !== 'open' && document.header.status !== 'pendingPrepayment') throw new DomainError('STATUS_MUST_BE_OPEN', { status: document.header.status, fields: 'status' });
  // Location Mandatory concerns inventory items only (BC's IsInventoriableItem): service items may ship from nowhere.
  const itemNos = [...new Set(document.lines.filter((line) => line.type === 'item').map((line) => line.no))];
  const itemTypes = options.itemTypes ?? new Map(itemNos.length === 0 ? []
    : (await tx.select({ no: item.no, type: item.type }).from(item).where(inArray(item.no, itemNos))).map((row) => [row.no, row.type]));
  const stockless = new Set(itemNos.filter((no) => itemTypes.has(no) && itemTypes.get(no) !== 'inventory'));
  releaseProblems({
    documentType: documentType as SalesDocumentType,
    sellToCustomerNo: document.header.sellToCustomerNo,
    lines: document.lines.map((line) => ({
      lineNo: line.lineNo, type: line.type as never, no: line.no, quantity: dec(line.quantity), unitOfMeasureCode: line.unitOfMeasureCode,
      locationCode: line.locationCode, inventoryItem: !stockless.has(line.no),
    })),
  }, { locationMandatory: context.inventorySetup.locationMandatory });
  if (assemblesToOrder(document.lines)) await followSalesStatus(tx, document.header.documentType, document.header.no, 'released');
  return recalculateDocument(tx, document, context, 'release', { status: 'released' }, deletedAfter ? 'inMemory' : 'update');
}

export async function reopenDocument(tx: Executor, documentType: EditableDocumentType, no: string, expectedVersion: number | undefined) {
  const document = await loadDocument(tx, documentType, no, { lock: true });
  checkVersion(document, expectedVersion);
  if (document.header.status === 'pendingApproval') throw new DomainError('APPROVAL_PENDING_CANNOT_REOPEN', { no });
  if (document.header.status === 'open') return document;
  const [header] = await tx.update(salesHeader).set({ status: 'open', version: sql`${salesHeader.version} + 1` }).where(headerKey(document.header)).returning();
  if (assemblesToOrder(document.lines)) await followSalesStatus(tx, documentType, no, 'open');
  return { header: header!, lines: document.lines };
}

export async function calculateInvoiceDiscountOn(
  tx: Executor, documentType: EditableDocumentType, no: string, expectedVersion: number | undefined, context: SalesContext, trigger: RecalculationTrigger = 'calculateInvoiceDiscount',
) {
  const document = await loadDocument(tx, documentType, no, { lock: true });
  checkVersion(document, expectedVersion);
  if (document.header.status !== 'open') assertEditable(document.header.status as never, ['invoiceDiscount'], [], 'header');
  const [header] = await tx.update(salesHeader).set({ invoiceDiscountCalculation: 'none' }).where(headerKey(document.header)).returning();
  return recalculateDocument(tx, { header: header!, lines: document.lines }, context, trigger);
}

/**
 * A total prepayment typed on the order statistics (spec §26.3.2): spread over the lines with a
 * Prepayment % in proportion to Line Amount; each line's percentage follows from its share.
 */
export async function setPrepaymentTotal(
  tx: Executor, no: string, amount: string, expectedVersion: number | undefined, context: SalesContext,
): Promise<SalesDocument> {
  const document = await loadDocument(tx, 'order', no, { lock: true });
  checkVersion(document, expectedVersion);
  assertEditable(document.header.status as never, ['prepmtLineAmount'], lineFieldsEditableWhenReleased, 'line');
  const precision = (await currencyPrecisions(tx, context, document.header.currencyCode)).amount;
  const shares = spreadPrepaymentTotal(document.lines.filter((line) => line.type !== 'comment').map(prepaymentLineOf), dec(amount), precision);
  const lines = await changeLines(tx, document.header, document.lines, context, (line) => {
    const share = shares.get(line.lineNo);
    return share ? { input: { prepmtLineAmount: share.toFixed(2) }, previous: line } : null;
  });
  return recalculateDocument(tx, { header: document.header, lines }, context, 'lineChanged');
}
