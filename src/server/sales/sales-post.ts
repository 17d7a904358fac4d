/**
 * Posting a sales document (spec §7.3–7.8, §13.1, §17.3, §23): orders (Ship / Invoice / both),
 * invoices, credit memos and return orders (Receive / Invoice / both). One transaction: the checks
 * of §7.4, then the posted documents, the item, value, G/L, VAT and customer entries, the order's
 * new quantities, and the end of the document's life. Any failure leaves nothing written.
 *
 * The number of SQL statements does not depend on the number of lines: lines are loaded, written
 * and updated in sets (DESIGN §4, issue 4's benchmark).
 */
import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import { DomainError } from '../../core/errors.ts';
import { type Decimal, ZERO, dec, sum } from '../../core/money/decimal.ts';
import { roundAmount } from '../../core/money/rounding.ts';
import { assertPostingDateAllowed } from '../../core/posting/posting-date.ts';
import { buildCostPosting, type CostPostingLine } from '../../core/posting/cost-posting.ts';
import { combinePostingBatches, type PostingBatch } from '../../core/posting/entries.ts';
import { buildSalesInvoicePosting, type SalesPostingLine } from '../../core/posting/sales-invoice-posting.ts';
import { assertCustomerNotBlocked, type CustomerBlocked } from '../../core/sales/customer-checks.ts';
import { amountsToInvoice, NOTHING_INVOICED, type InvoiceableAmounts } from '../../core/sales/partial-invoicing.ts';
import {
  completelyHandled, decidePostingScope, type LineToPost, postsInFull, type PostingScope, quantitiesAfterPosting,
} from '../../core/sales/posting-scope.ts';
import { quantityBase } from '../../core/sales/quantities.ts';
import { isReturnDocument, type QuantityFields, salesDocumentTypeCaptions } from '../../core/sales/types.ts';
import type { Executor } from '../db/connection.ts';
import { currency, customer, glAccount, item, postedSalesHeader, postedSalesLine, salesHeader, salesLine } from '../db/schema/index.ts';
import { drawNumber } from '../number-series/no-series.commands.ts';
import { applyCustomerEntries, findOpenCustomerEntry } from '../ledger/customer-application.ts';
import { writePostingBatch } from '../ledger/gl-writer.ts';
import { postItemMovements } from '../ledger/item-ledger.ts';
import type { ItemInvoicing, ItemMovement, PostedItemValue } from '../ledger/item-ledger.types.ts';
import { openRegister, type Register } from '../ledger/register.ts';
import { loadPostingAccounts } from './posting-accounts.ts';
import { insertPostedDocument, postedHeaderFrom, postedLineFrom, type PostedHeaderRow, type PostedLineRow } from './posted-document.writer.ts';
import { archiveDocument } from './sales-document.archive.ts';
import { releaseDocument } from './sales-document.commands.ts';
import { findDocument } from './sales-document.queries.ts';
import type { SalesContext } from './sales-context.ts';
import { documentKinds, type EditableDocumentType, type SalesDocument, type SalesHeaderRow, type SalesLineRow } from './sales-document.types.ts';

export type PostableDocumentType = Exclude<EditableDocumentType, 'quote'>;

export interface PostRequest {
  /** Orders: Ship. Return orders: Receive. Ignored by invoices and credit memos, which post everything. */
  ship?: boolean;
  receive?: boolean;
  invoice?: boolean;
}

export interface PostingResult {
  documentType: PostableDocumentType;
  no: string;
  transactionNo: number;
  shipmentNo: string | null;
  invoiceNo: string | null;
  creditMemoNo: string | null;
  returnReceiptNo: string | null;
  /** Invoices and credit memos always, orders and return orders when completely handled (spec §7.8). */
  documentDeleted: boolean;
}

/** What one line contributes to this posting, after the scope was decided. */
interface LinePosting {
  line: SalesLineRow;
  posting: LineToPost;
  /** The invoiced amounts of this posting (document currency), when the line is invoiced. */
  amounts: InvoiceableAmounts & { vatAmount: Decimal } | null;
  inventoryItem: boolean;
}

const sign = (returns: boolean) => (returns ? 1 : -1);

export async function postSalesDocument(
  tx: Executor, documentType: PostableDocumentType, no: string, request: PostRequest, context: SalesContext,
  options: { expectedVersion?: number } = {},
): Promise<PostingResult> {
  const returns = isReturnDocument(documentType);
  let document = await loadDocumentForPosting(tx, documentType, no);
  if (options.expectedVersion !== undefined && document.header.version !== options.expectedVersion) {
    throw new DomainError('VERSION_CONFLICT', { entity: documentKinds[documentType].entity, key: no, currentVersion: document.header.version, sentVersion: options.expectedVersion });
  }
  // Spec §7.4 step 3: an open document is released first, with the release checks.
  if (document.header.status === 'open') document = await releaseDocument(tx, documentType, no, undefined, context);
  if (document.header.status !== 'released') throw new DomainError('STATUS_MUST_BE_OPEN', { where: 'the document', status: document.header.status, remedy: 'complete the approval', field: 'status' });
  const header = { ...document.header, postingDate: document.header.postingDate ?? context.workDate };
  checkHeader(header, documentType, context);

  const itemRows = await loadItems(tx, document.lines);
  const scope = decidePostingScope(documentType, document.lines.map((line) => ({
    lineNo: line.lineNo,
    type: line.type as never,
    inventoryItem: itemRows.get(line.no)?.type === 'inventory' && line.type === 'item',
    fromShipment: (returns ? line.returnReceiptNo : line.shipmentNo) !== null,
    ...quantityFields(line, returns),
  })), { ship: (returns ? request.receive : request.ship) ?? false, invoice: request.invoice ?? false }, header.shippingAdvice as never);
  await checkCustomers(tx, header, documentType, scope);
  if (scope.invoice && context.salesSetup.externalDocumentNoMandatory && header.externalDocumentNo.trim() === '') {
    throw new DomainError('EXTERNAL_DOC_NO_REQUIRED', { no, documentTypeCaption: salesDocumentTypeCaptions[documentType] }, 'externalDocumentNo');
  }
  await checkLines(tx, document.lines, scope, itemRows);

  const linePostings = await linePostingsOf(tx, header, document.lines, scope, itemRows, returns);
  if (scope.invoice) checkInvoiceTotal(linePostings, documentType);
  const numbers = await drawPostingNumbers(tx, header, documentType, scope, context);
  const register = await openRegister(tx, {
    postingDate: header.postingDate, sourceCode: 'SALES', userId: context.username,
    documentNo: numbers.invoiceNo ?? numbers.creditMemoNo ?? numbers.shipmentNo ?? numbers.returnReceiptNo ?? no,
  });

  // 1. The goods: the shipment (return receipt) document and its item entries.
  const handlingNo = returns ? numbers.returnReceiptNo : numbers.shipmentNo;
  const shipped = linePostings.filter((entry) => !entry.posting.ship.isZero());
  const movements = shipped.filter((entry) => entry.inventoryItem)
    .map((entry) => itemMovement(header, entry, returns, handlingNo, numbers));
  // 2. Earlier shipments (receipts) this posting bills: of the order's own lines, or picked with Get Shipment Lines.
  const billing = scope.invoice ? await earlierShipmentsBilled(tx, header, documentType, linePostings, returns) : [];
  const invoicings = billing.filter((bill) => bill.itemLedgerEntryNo !== null)
    .map((bill) => itemInvoicing(header, bill, returns, numbers));
  const items = await postItemMovements(tx, register, movements, invoicings, {
    preventNegativeInventory: context.inventorySetup.preventNegativeInventory,
    automaticCostPosting: context.inventorySetup.automaticCostPosting,
    expectedCostPostingToGl: context.inventorySetup.expectedCostPostingToGl,
  });
  const entryNoOfLine = new Map(items.movements.map((value) => [value.key, value.itemLedgerEntryNo]));
  if (handlingNo) {
    const postedHeader = postedHeaderFrom(header, returns ? 'returnReceipt' : 'shipment', handlingNo, {
      postingDate: header.postingDate, noSeries: returns ? numbers.returnReceiptSeries : numbers.shipmentSeries,
      postingDescription: postingDescription(header, documentType), userId: context.username, transactionNo: register.transactionNo,
    });
    await insertPostedDocument(tx, postedHeader, [
      ...shipped.map((entry) => postedLineFrom(postedHeader, entry.line, {
        quantity: entry.posting.ship.toString(),
        quantityBase: quantityBase(entry.posting.ship, dec(entry.line.quantityPerUnitOfMeasure)).toString(),
        quantityInvoiced: entry.posting.invoiceOfThisShipment.toString(),
        quantityNotInvoiced: entry.posting.ship.minus(entry.posting.invoiceOfThisShipment).toString(),
        ...noAmounts,
        itemLedgerEntryNo: entryNoOfLine.get(String(entry.line.lineNo)) ?? null,
      })),
      ...commentLines(postedHeader, document.lines),
    ]);
  }

  // 3. The money: the posted invoice (credit memo) with its customer, VAT and G/L entries.
  const invoiceNo = returns ? numbers.creditMemoNo : numbers.invoiceNo;
  let customerLedgerEntryNo: number | null = null;
  const costBatch = buildCostPosting({
    automaticCostPosting: context.inventorySetup.automaticCostPosting,
    expectedCostPostingToGl: context.inventorySetup.expectedCostPostingToGl,
    description: postingDescription(header, documentType),
    customerNo: header.billToCustomerNo,
    lines: costLines([...items.movements, ...items.invoicings]),
    accounts: await accountsFor(tx, header),
  });
  let batch: PostingBatch = costBatch;
  const invoiced = linePostings.filter((entry) => entry.amounts !== null);
  if (invoiceNo) {
    const accounts = await accountsFor(tx, header);
    const costByLine = costOfLines([...items.movements, ...items.invoicings]);
    const invoiceBatch = buildSalesInvoicePosting({
      documentType: returns ? 'creditMemo' : 'invoice',
      header: {
        billToCustomerNo: header.billToCustomerNo,
        genBusPostingGroup: header.genBusPostingGroup ?? '',
        vatBusPostingGroup: header.vatBusPostingGroup ?? '',
        postingDescription: postingDescription(header, documentType),
        postingDate: header.postingDate,
        dueDate: header.dueDate ?? header.postingDate,
        paymentDiscountPercent: dec(header.paymentDiscountPercent),
        paymentDiscountDate: header.paymentDiscountDate,
        currencyCode: header.currencyCode ?? '',
        currencyFactor: dec(header.currencyFactor),
        pricesIncludingVat: header.pricesIncludingVat,
      },
      lines: invoiced.map((entry): SalesPostingLine => ({
        lineNo: entry.line.lineNo,
        type: entry.line.type as never,
        no: entry.line.no,
        genProdPostingGroup: entry.line.genProdPostingGroup ?? '',
        vatProdPostingGroup: entry.line.vatProdPostingGroup ?? '',
        amount: entry.amounts!.amount,
        amountIncludingVat: entry.amounts!.amountIncludingVat,
        vatBaseAmount: entry.amounts!.amount,
        lineDiscountAmount: entry.amounts!.lineDiscountAmount,
        invoiceDiscountAmount: entry.amounts!.invoiceDiscountAmount,
        costAmountLcy: costByLine.get(String(entry.line.lineNo))?.abs() ?? ZERO,
      })),
      setup: await invoicePostingSetup(tx, header, context),
      accounts,
    });
    batch = combinePostingBatches(invoiceBatch, costBatch);
    const postedHeader = postedHeaderFrom(header, returns ? 'creditMemo' : 'invoice', invoiceNo, {
      postingDate: header.postingDate, noSeries: returns ? numbers.creditMemoSeries : numbers.invoiceSeries,
      postingDescription: postingDescription(header, documentType), userId: context.username, transactionNo: register.transactionNo,
      amount: sum(invoiced.map((entry) => entry.amounts!.amount)).toFixed(2),
      amountIncludingVat: sum(invoiced.map((entry) => entry.amounts!.amountIncludingVat)).toFixed(2),
      invoiceDiscountAmount: sum(invoiced.map((entry) => entry.amounts!.invoiceDiscountAmount)).toFixed(2),
    });
    const written = await writePostingBatch(tx, register, batch, {
      documentType: returns ? 'creditMemo' : 'invoice', documentNo: invoiceNo, externalDocumentNo: header.externalDocumentNo,
      description: postingDescription(header, documentType),
    }, {
      sellToCustomerNo: header.sellToCustomerNo, documentDate: header.documentDate, currencyFactor: header.currencyFactor,
      salespersonCode: header.salespersonCode ?? '', paymentMethodCode: header.paymentMethodCode ?? '', customerPostingGroup: header.customerPostingGroup ?? '',
    });
    customerLedgerEntryNo = written.customerLedgerEntryNos[0] ?? null;
    const billOf = new Map(billing.map((bill) => [bill.lineNo, bill]));
    await insertPostedDocument(tx, { ...postedHeader, customerLedgerEntryNo }, [
      ...invoiced.map((entry) => postedLineFrom(postedHeader, entry.line, {
        quantity: entry.posting.invoice.toString(),
        quantityBase: quantityBase(entry.posting.invoice, dec(entry.line.quantityPerUnitOfMeasure)).toString(),
        lineAmount: entry.amounts!.lineAmount.toFixed(2),
        lineDiscountAmount: entry.amounts!.lineDiscountAmount.toFixed(2),
        invoiceDiscountAmount: entry.amounts!.invoiceDiscountAmount.toFixed(2),
        amount: entry.amounts!.amount.toFixed(2),
        amountIncludingVat: entry.amounts!.amountIncludingVat.toFixed(2),
        vatBaseAmount: entry.amounts!.amount.toFixed(2),
        itemLedgerEntryNo: entryNoOfLine.get(String(entry.line.lineNo)) ?? billOf.get(entry.line.lineNo)?.itemLedgerEntryNo ?? null,
        ...sourceOfBilledLine(billOf.get(entry.line.lineNo), returns),
      })),
      ...commentLines(postedHeader, document.lines),
    ]);
    if (customerLedgerEntryNo !== null && header.appliesToDocumentNo) {
      await applyToDocument(tx, register, customerLedgerEntryNo, header, invoiceNo);
    }
  } else if (batch.glEntries.length > 0) {
    await writePostingBatch(tx, register, batch, { documentType: '', documentNo: handlingNo ?? no, description: postingDescription(header, documentType) }, {
      sellToCustomerNo: header.sellToCustomerNo, documentDate: header.documentDate, currencyFactor: header.currencyFactor,
      salespersonCode: '', paymentMethodCode: '', customerPostingGroup: '',
    });
  }

  // 4. The documents left behind: shipment lines billed, order lines advanced, the document's end of life.
  await updateBilledShipmentLines(tx, billing);
  await updateSourceOrderLines(tx, billing, documentType, context);
  const documentDeleted = await finishDocument(tx, document, linePostings, numbers, documentType, context);
  return {
    documentType, no, transactionNo: register.transactionNo,
    shipmentNo: numbers.shipmentNo, invoiceNo: numbers.invoiceNo, creditMemoNo: numbers.creditMemoNo, returnReceiptNo: numbers.returnReceiptNo,
    documentDeleted,
  };
}

const noAmounts = { lineAmount: '0', lineDiscountAmount: '0', invoiceDiscountAmount: '0', amount: '0', amountIncludingVat: '0', vatBaseAmount: '0' };

function quantityFields(line: SalesLineRow, returns: boolean): QuantityFields {
  return {
    quantity: dec(line.quantity),
    quantityShipped: dec(returns ? line.returnQuantityReceived : line.quantityShipped),
    quantityToShip: dec(returns ? line.returnQuantityToReceive : line.quantityToShip),
    quantityInvoiced: dec(line.quantityInvoiced),
    quantityToInvoice: dec(line.quantityToInvoice),
  };
}

/**
 * The document, locked for the posting. NOWAIT: a second post of the same document while the first
 * runs (another process on a PostgreSQL server) is refused at once with 409 instead of posting twice.
 */
async function loadDocumentForPosting(tx: Executor, documentType: PostableDocumentType, no: string): Promise<SalesDocument> {
  try {
    await tx.execute(sql`select 1 from ${salesHeader} where ${salesHeader.documentType} = ${documentType} and ${salesHeader.no} = ${no} for update nowait`);
  } catch (error) {
    if (isLockNotAvailable(error)) throw new DomainError('DOCUMENT_BEING_POSTED', { entity: documentKinds[documentType].entity, no });
    throw error;
  }
  const document = await findDocument(tx, documentType, no, { lock: true });
  if (document) return document;
  // Posted in full (and so deleted) by a request that came first: a conflict, not an unknown document.
  const [posted] = await tx.select({ no: postedSalesHeader.no }).from(postedSalesHeader)
    .where(and(eq(postedSalesHeader.sourceDocumentType, documentType), eq(postedSalesHeader.sourceDocumentNo, no))).limit(1);
  if (posted) throw new DomainError('DOCUMENT_ALREADY_POSTED', { entity: documentKinds[documentType].entity, no, postedNo: posted.no });
  throw new DomainError('NOT_FOUND', { entity: documentKinds[documentType].entity, key: no });
}

// drizzle wraps the driver's error; the SQLSTATE sits on it or on its cause.
function isLockNotAvailable(error: unknown): boolean {
  const codeOf = (value: unknown) => (value && typeof value === 'object' ? (value as { code?: string }).code : undefined);
  return codeOf(error) === '55P03' || codeOf((error as { cause?: unknown } | null)?.cause) === '55P03';
}

function checkHeader(header: SalesHeaderRow & { postingDate: string }, documentType: PostableDocumentType, context: SalesContext): void {
  const caption = salesDocumentTypeCaptions[documentType];
  const required = (field: keyof SalesHeaderRow, fieldCaption: string) => {
    if (header[field] === null || header[field] === '') {
      throw new DomainError('FIELD_REQUIRED', { fieldCaption, documentTypeCaption: caption, action: 'posted', qualifier: field }, field);
    }
  };
  required('sellToCustomerNo', 'Sell-to Customer No.');
  required('billToCustomerNo', 'Bill-to Customer No.');
  required('documentDate', 'Document Date');
  assertPostingDateAllowed(header.postingDate, context.glSetup);
}


async function checkCustomers(tx: Executor, header: SalesHeaderRow, documentType: PostableDocumentType, scope: PostingScope): Promise<void> {
  const rows = await tx.select({ no: customer.no, blocked: customer.blocked }).from(customer)
    .where(inArray(customer.no, [header.sellToCustomerNo, header.billToCustomerNo]));
  const action = isReturnDocument(documentType) ? 'postReturn' : scope.ship ? 'postShipment' : 'postInvoiceOfShipped';
  for (const row of rows) assertCustomerNotBlocked({ no: row.no, blocked: row.blocked as CustomerBlocked }, documentType, action);
}

type ItemRow = { no: string; type: string; blocked: boolean; salesBlocked: boolean };

async function loadItems(tx: Executor, lines: readonly SalesLineRow[]): Promise<Map<string, ItemRow>> {
  const numbers = [...new Set(lines.filter((line) => line.type === 'item').map((line) => line.no))];
  if (numbers.length === 0) return new Map();
  const rows = await tx.select({ no: item.no, type: item.type, blocked: item.blocked, salesBlocked: item.salesBlocked }).from(item).where(inArray(item.no, numbers));
  return new Map(rows.map((row) => [row.no, row]));
}

/** Spec §7.4 step 7 for the lines this posting touches: items and accounts exist, are not blocked, allow posting. */
async function checkLines(tx: Executor, lines: readonly SalesLineRow[], scope: PostingScope, items: Map<string, ItemRow>): Promise<void> {
  const posted = new Set(scope.lines.map((line) => line.lineNo));
  const touched = lines.filter((line) => posted.has(line.lineNo));
  for (const line of touched.filter((candidate) => candidate.type === 'item')) {
    const row = items.get(line.no);
    if (!row) throw new DomainError('RELATED_RECORD_NOT_FOUND', { entity: 'Item', value: line.no, field: `lines.${line.lineNo}.no` });
    if (row.blocked) throw new DomainError('ITEM_BLOCKED', { itemNo: line.no }, `lines.${line.lineNo}.no`);
  }
  const accountNos = [...new Set(touched.filter((line) => line.type === 'glAccount').map((line) => line.no))];
  if (accountNos.length === 0) return;
  const accounts = await tx.select().from(glAccount).where(inArray(glAccount.no, accountNos));
  for (const line of touched.filter((candidate) => candidate.type === 'glAccount')) {
    const account = accounts.find((row) => row.no === line.no);
    if (!account) throw new DomainError('RELATED_RECORD_NOT_FOUND', { entity: 'G/L Account', value: line.no, field: `lines.${line.lineNo}.no` });
    if (account.blocked) throw new DomainError('ACCOUNT_BLOCKED', { accountNo: line.no }, `lines.${line.lineNo}.no`);
    if (!account.directPosting) throw new DomainError('DIRECT_POSTING_NOT_ALLOWED', { accountNo: line.no }, `lines.${line.lineNo}.no`);
  }
}

/**
 * The amounts each invoiced line posts (spec §4.5): prorated from the line, the posting that
 * invoices the rest taking what earlier invoices of the line left.
 */
async function linePostingsOf(
  tx: Executor, header: SalesHeaderRow, lines: readonly SalesLineRow[], scope: PostingScope, items: Map<string, ItemRow>, returns: boolean,
): Promise<LinePosting[]> {
  const invoicedBefore = scope.invoice && !postsInFull(header.documentType as never) ? await amountsInvoicedBefore(tx, header, returns) : new Map();
  const precision = await amountPrecision(tx, header);
  return scope.lines.map((posting) => {
    const line = lines.find((candidate) => candidate.lineNo === posting.lineNo)!;
    const amounts = posting.invoice.isZero() ? null : amountsToInvoice({
      quantity: dec(line.quantity),
      quantityInvoiced: dec(line.quantityInvoiced),
      quantityToInvoice: posting.invoice,
      lineAmount: dec(line.lineAmount),
      lineDiscountAmount: dec(line.lineDiscountAmount),
      invoiceDiscountAmount: dec(line.invoiceDiscountAmount),
      amount: dec(line.amount),
      amountIncludingVat: dec(line.amountIncludingVat),
      invoiced: invoicedBefore.get(line.lineNo) ?? NOTHING_INVOICED,
    }, precision);
    return { line, posting, amounts, inventoryItem: line.type === 'item' && items.get(line.no)?.type === 'inventory' };
  });
}

async function amountPrecision(tx: Executor, header: SalesHeaderRow): Promise<string> {
  if (!header.currencyCode) return '0.01';
  const [row] = await tx.select({ precision: currency.amountRoundingPrecision }).from(currency).where(eq(currency.code, header.currencyCode));
  return row?.precision ?? '0.01';
}

/** Σ of what earlier invoices (credit memos) of this order posted per line: one grouped query. */
async function amountsInvoicedBefore(tx: Executor, header: SalesHeaderRow, returns: boolean): Promise<Map<number, InvoiceableAmounts>> {
  const rows = await tx.select({
    lineNo: postedSalesLine.sourceLineNo,
    lineAmount: sql<string>`sum(${postedSalesLine.lineAmount})`,
    lineDiscountAmount: sql<string>`sum(${postedSalesLine.lineDiscountAmount})`,
    invoiceDiscountAmount: sql<string>`sum(${postedSalesLine.invoiceDiscountAmount})`,
    amount: sql<string>`sum(${postedSalesLine.amount})`,
    amountIncludingVat: sql<string>`sum(${postedSalesLine.amountIncludingVat})`,
  }).from(postedSalesLine).where(and(
    eq(postedSalesLine.documentType, returns ? 'creditMemo' : 'invoice'),
    eq(postedSalesLine.sourceDocumentType, header.documentType), eq(postedSalesLine.sourceDocumentNo, header.no),
  )).groupBy(postedSalesLine.sourceLineNo);
  return new Map(rows.map((row) => [row.lineNo, {
    lineAmount: dec(row.lineAmount), lineDiscountAmount: dec(row.lineDiscountAmount), invoiceDiscountAmount: dec(row.invoiceDiscountAmount),
    amount: dec(row.amount), amountIncludingVat: dec(row.amountIncludingVat),
  }]));
}

// Spec §4.8: an invoice (credit memo) may not total below zero.
function checkInvoiceTotal(linePostings: readonly LinePosting[], documentType: PostableDocumentType): void {
  const total = sum(linePostings.flatMap((entry) => (entry.amounts ? [entry.amounts.amountIncludingVat] : [])));
  if (total.isNegative()) throw new DomainError('NEGATIVE_INVOICE_TOTAL', { documentTypeCaption: salesDocumentTypeCaptions[documentType], total: total.toFixed(2) });
}

interface PostingNumbers {
  shipmentNo: string | null; shipmentSeries: string | null;
  invoiceNo: string | null; invoiceSeries: string | null;
  creditMemoNo: string | null; creditMemoSeries: string | null;
  returnReceiptNo: string | null; returnReceiptSeries: string | null;
}

/**
 * Posted numbers (spec §5.4), drawn inside the posting transaction under the series row's lock, so
 * a failed posting gives its number back and the posted series has no gaps.
 */
async function drawPostingNumbers(
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

const postedEntity = { shipment: 'Posted Sales Shipment', invoice: 'Posted Sales Invoice', creditMemo: 'Posted Sales Credit Memo', returnReceipt: 'Posted Return Receipt' } as const;

async function drawPostedNumber(
  tx: Executor, series: string | null, header: SalesHeaderRow & { postingDate: string }, type: keyof typeof postedEntity, setupField: string,
): Promise<string> {
  if (!series) throw new DomainError('NO_SERIES_NOT_SET_UP', { what: postedEntity[type].toLowerCase(), setup: `Sales & Receivables Setup (${setupField})` });
  // A number that is taken already is refused when the posted header is inserted (posted-document.writer.ts).
  return (await drawNumber(tx, series, header.postingDate)).number;
}

async function assertPostedNumberFree(tx: Executor, type: keyof typeof postedEntity, no: string, series: string): Promise<void> {
  const [existing] = await tx.select({ no: postedSalesHeader.no }).from(postedSalesHeader)
    .where(and(eq(postedSalesHeader.documentType, type), eq(postedSalesHeader.no, no)));
  if (existing) throw new DomainError('NO_SERIES_POSTED_NUMBER_EXISTS', { entity: postedEntity[type], no, series });
}

const postingDescriptionPrefix: Record<PostableDocumentType, string> = { order: 'Order', invoice: 'Invoice', creditMemo: 'Credit Memo', returnOrder: 'Return Order' };

/** BC's Posting Description, e.g. "Order SO000001": the description of the entries. */
function postingDescription(header: SalesHeaderRow, documentType: PostableDocumentType): string {
  return `${postingDescriptionPrefix[documentType]} ${header.no}`;
}

function lcy(amount: Decimal, header: SalesHeaderRow): Decimal {
  return header.currencyCode ? roundAmount(amount.div(dec(header.currencyFactor))) : amount;
}

/** The LCY sales amount of a quantity of the line: its share of the line's Amount. */
function salesAmountOf(line: SalesLineRow, quantity: Decimal, header: SalesHeaderRow): Decimal {
  const total = dec(line.quantity);
  if (total.isZero()) return ZERO;
  return lcy(roundAmount(dec(line.amount).times(quantity).div(total)), header);
}

function discountAmountOf(line: SalesLineRow, quantity: Decimal, header: SalesHeaderRow): Decimal {
  const total = dec(line.quantity);
  if (total.isZero()) return ZERO;
  return lcy(roundAmount(dec(line.lineDiscountAmount).plus(dec(line.invoiceDiscountAmount)).times(quantity).div(total)), header);
}

function itemMovement(
  header: SalesHeaderRow, entry: LinePosting, returns: boolean, handlingNo: string | null, numbers: PostingNumbers,
): ItemMovement {
  const { line, posting } = entry;
  const perUnit = dec(line.quantityPerUnitOfMeasure);
  const direction = sign(returns);
  // Without a shipment (receipt) document the entry belongs to the invoice (credit memo).
  const documentNo = handlingNo ?? (returns ? numbers.creditMemoNo : numbers.invoiceNo)!;
  const documentType = handlingNo ? (returns ? 'salesReturnReceipt' : 'salesShipment') : (returns ? 'salesCreditMemo' : 'salesInvoice');
  return {
    key: String(line.lineNo),
    documentType, documentNo, documentLineNo: line.lineNo,
    description: line.description,
    sourceType: 'customer', sourceNo: header.sellToCustomerNo,
    genBusPostingGroup: line.genBusPostingGroup ?? '', genProdPostingGroup: line.genProdPostingGroup ?? '', inventoryPostingGroup: line.inventoryPostingGroup ?? '',
    salesAmount: salesAmountOf(line, posting.ship, header).times(-direction),
    discountAmount: discountAmountOf(line, posting.ship, header).times(-direction),
    itemNo: line.no,
    locationCode: line.locationCode ?? '',
    entryType: 'sale',
    quantity: quantityBase(posting.ship, perUnit).times(direction),
    invoicedQuantity: quantityBase(posting.invoiceOfThisShipment, perUnit).times(direction),
    unitOfMeasureCode: line.unitOfMeasureCode ?? '',
    quantityPerUnitOfMeasure: perUnit,
    unitCost: null,
    appliesToEntry: returns ? null : line.applToItemEntry,
    appliesFromEntry: returns ? line.applFromItemEntry : null,
    correction: false,
    ...(handlingNo && !posting.invoiceOfThisShipment.isZero()
      ? { invoiceDocument: { documentType: returns ? 'salesCreditMemo' : 'salesInvoice', documentNo: (returns ? numbers.creditMemoNo : numbers.invoiceNo)! } }
      : {}),
  };
}

/** A posted shipment (receipt) line this posting bills, and how much of it. */
interface ShipmentBilling {
  /** The line of the document being posted. */
  lineNo: number;
  shipmentNo: string;
  shipmentLineNo: number;
  itemLedgerEntryNo: number | null;
  quantity: Decimal;
  quantityBase: Decimal;
  /** The order (return order) line the shipment came from. */
  orderNo: string;
  orderLineNo: number;
  line: SalesLineRow;
}

/**
 * What this posting invoices of shipments made earlier (spec §7.6, §13.1): on an order, the part of
 * Qty. to Invoice beyond what it ships now, from the line's open shipment lines oldest first; on an
 * invoice, the shipment line each Get Shipment Lines line names.
 */
async function earlierShipmentsBilled(
  tx: Executor, header: SalesHeaderRow, documentType: PostableDocumentType, linePostings: readonly LinePosting[], returns: boolean,
): Promise<ShipmentBilling[]> {
  const handlingType = returns ? 'returnReceipt' : 'shipment';
  const linked = linePostings.filter((entry) => (returns ? entry.line.returnReceiptNo : entry.line.shipmentNo) !== null && !entry.posting.invoice.isZero());
  const fromOrder = postsInFull(documentType) ? [] : linePostings.filter((entry) => !entry.posting.invoice.minus(entry.posting.invoiceOfThisShipment).isZero());
  if (linked.length === 0 && fromOrder.length === 0) return [];
  const open = await tx.select().from(postedSalesLine).where(and(
    eq(postedSalesLine.documentType, handlingType),
    ne(postedSalesLine.quantityNotInvoiced, '0'),
    eq(postedSalesLine.correction, false),
    linked.length > 0
      ? inArray(postedSalesLine.documentNo, [...new Set(linked.map((entry) => (returns ? entry.line.returnReceiptNo : entry.line.shipmentNo)!))])
      : and(eq(postedSalesLine.sourceDocumentType, header.documentType), eq(postedSalesLine.sourceDocumentNo, header.no)),
  )).orderBy(postedSalesLine.documentNo, postedSalesLine.lineNo).for('update');
  const billing: ShipmentBilling[] = [];
  for (const entry of linked) {
    const shipmentNo = (returns ? entry.line.returnReceiptNo : entry.line.shipmentNo)!;
    const shipmentLineNo = (returns ? entry.line.returnReceiptLineNo : entry.line.shipmentLineNo)!;
    const shipmentLine = open.find((row) => row.documentNo === shipmentNo && row.lineNo === shipmentLineNo);
    if (!shipmentLine || dec(shipmentLine.quantityNotInvoiced).abs().lessThan(entry.posting.invoice.abs())) {
      throw new DomainError('SHIPMENT_ALREADY_INVOICED', { lineNo: shipmentLineNo, shipmentNo, quantity: entry.posting.invoice.toString() }, `lines.${entry.line.lineNo}.quantity`);
    }
    billing.push(billingOf(entry, shipmentLine, entry.posting.invoice));
  }
  for (const entry of fromOrder) {
    let rest = entry.posting.invoice.minus(entry.posting.invoiceOfThisShipment);
    for (const shipmentLine of open.filter((row) => row.sourceLineNo === entry.line.lineNo)) {
      if (rest.isZero()) break;
      const take = dec(shipmentLine.quantityNotInvoiced).abs().lessThan(rest.abs()) ? dec(shipmentLine.quantityNotInvoiced) : rest;
      billing.push(billingOf(entry, shipmentLine, take));
      rest = rest.minus(take);
    }
    if (!rest.isZero()) throw new DomainError('INVOICE_MORE_THAN_SHIPPED', { maximum: entry.posting.invoice.minus(rest).toString(), value: entry.posting.invoice.toString() }, `lines.${entry.line.lineNo}.quantityToInvoice`);
  }
  return billing;
}

function billingOf(entry: LinePosting, shipmentLine: typeof postedSalesLine.$inferSelect, quantity: Decimal): ShipmentBilling {
  return {
    lineNo: entry.line.lineNo,
    shipmentNo: shipmentLine.documentNo,
    shipmentLineNo: shipmentLine.lineNo,
    itemLedgerEntryNo: shipmentLine.itemLedgerEntryNo,
    quantity,
    quantityBase: quantityBase(quantity, dec(shipmentLine.quantityPerUnitOfMeasure)),
    orderNo: shipmentLine.sourceDocumentNo,
    orderLineNo: shipmentLine.sourceLineNo,
    line: entry.line,
  };
}

function itemInvoicing(header: SalesHeaderRow, bill: ShipmentBilling, returns: boolean, numbers: PostingNumbers): ItemInvoicing {
  const direction = sign(returns);
  return {
    key: `${bill.lineNo}:${bill.shipmentNo}:${bill.shipmentLineNo}`,
    documentType: returns ? 'salesCreditMemo' : 'salesInvoice',
    documentNo: (returns ? numbers.creditMemoNo : numbers.invoiceNo)!,
    documentLineNo: bill.lineNo,
    description: bill.line.description,
    sourceType: 'customer', sourceNo: header.sellToCustomerNo,
    genBusPostingGroup: bill.line.genBusPostingGroup ?? '', genProdPostingGroup: bill.line.genProdPostingGroup ?? '', inventoryPostingGroup: bill.line.inventoryPostingGroup ?? '',
    salesAmount: salesAmountOf(bill.line, bill.quantity, header).times(-direction),
    discountAmount: discountAmountOf(bill.line, bill.quantity, header).times(-direction),
    itemLedgerEntryNo: bill.itemLedgerEntryNo!,
    invoicedQuantity: bill.quantityBase.times(direction),
  };
}

/** Invoice lines billing a shipment name the order line as their source, as BC's Order No./Order Line No. do. */
function sourceOfBilledLine(bill: ShipmentBilling | undefined, returns: boolean): Partial<PostedLineRow> {
  if (!bill || (returns ? bill.line.returnReceiptNo : bill.line.shipmentNo) === null) return {};
  return {
    sourceDocumentType: returns ? 'returnOrder' : 'order', sourceDocumentNo: bill.orderNo, sourceLineNo: bill.orderLineNo,
    ...(returns ? { returnReceiptNo: bill.shipmentNo, returnReceiptLineNo: bill.shipmentLineNo } : { shipmentNo: bill.shipmentNo, shipmentLineNo: bill.shipmentLineNo }),
  };
}

function costLines(values: readonly PostedItemValue[]): CostPostingLine[] {
  return values.map((value, index) => ({
    lineNo: index,
    genBusPostingGroup: value.genBusPostingGroup,
    genProdPostingGroup: value.genProdPostingGroup,
    locationCode: value.locationCode,
    inventoryPostingGroup: value.inventoryPostingGroup,
    costAmountActual: value.costAmountActual,
    costAmountExpected: value.costAmountExpected,
  }));
}

/** Actual cost per document line (movement keys are the line no., invoicing keys start with it). */
function costOfLines(values: readonly PostedItemValue[]): Map<string, Decimal> {
  const result = new Map<string, Decimal>();
  for (const value of values) {
    const lineKey = value.key.split(':')[0]!;
    result.set(lineKey, (result.get(lineKey) ?? ZERO).plus(value.costAmountActual));
  }
  return result;
}

const accountsCache = new WeakMap<object, Awaited<ReturnType<typeof loadPostingAccounts>>>();

async function accountsFor(tx: Executor, header: SalesHeaderRow) {
  const cached = accountsCache.get(header);
  if (cached) return cached;
  const accounts = await loadPostingAccounts(tx, header.customerPostingGroup);
  accountsCache.set(header, accounts);
  return accounts;
}

async function invoicePostingSetup(tx: Executor, header: SalesHeaderRow, context: SalesContext) {
  const { glSetup, salesSetup } = context;
  const precision = await amountPrecision(tx, header);
  let invoiceRounding = null;
  if (salesSetup.invoiceRounding) {
    const accounts = await accountsFor(tx, header);
    const [account] = accounts.customerPostingGroup.invoiceRoundingAccount
      ? await tx.select().from(glAccount).where(eq(glAccount.no, accounts.customerPostingGroup.invoiceRoundingAccount))
      : [];
    invoiceRounding = {
      precision: glSetup.invoiceRoundingPrecisionLcy,
      direction: glSetup.invoiceRoundingType as never,
      genProdPostingGroup: account?.genProdPostingGroup ?? '',
      vatProdPostingGroup: account?.vatProdPostingGroup ?? '',
    };
  }
  return {
    discountPosting: salesSetup.discountPosting as never,
    paymentDiscountExcludingVat: glSetup.paymentDiscountExcludingVat,
    paymentDiscountGracePeriod: glSetup.paymentDiscountGracePeriod,
    amountRoundingPrecision: precision,
    lcyAmountRoundingPrecision: glSetup.amountRoundingPrecision,
    invoiceRounding,
  };
}

/** Spec §17.3, §18.3: the new credit memo (or invoice) entry applied to the entry its header names. */
async function applyToDocument(tx: Executor, register: Register, entryNo: number, header: SalesHeaderRow, documentNo: string): Promise<void> {
  const target = await findOpenCustomerEntry(tx, header.billToCustomerNo, header.appliesToDocumentType ?? 'invoice', header.appliesToDocumentNo!);
  if (!target) {
    throw new DomainError('APPLICATION_INVALID', { reason: `customer ${header.billToCustomerNo} has no open ${header.appliesToDocumentType ?? 'invoice'} ${header.appliesToDocumentNo} to apply to` }, 'appliesToDocumentNo');
  }
  await applyCustomerEntries(tx, register, entryNo, target.entryNo, documentNo);
}

function commentLines(header: PostedHeaderRow, lines: readonly SalesLineRow[]): PostedLineRow[] {
  return lines.filter((line) => line.type === 'comment').map((line) => postedLineFrom(header, line, { ...noAmounts, quantity: '0', quantityBase: '0' }));
}

/** Shipment (receipt) lines billed by this posting: Quantity Invoiced up, Qty. Shipped Not Invoiced down, in one statement. */
async function updateBilledShipmentLines(tx: Executor, billing: readonly ShipmentBilling[]): Promise<void> {
  // The current shipment's own lines are written already invoiced; only earlier ones change.
  if (billing.length === 0) return;
  const values = sql.join(billing.map((bill) => sql`(${bill.shipmentNo}::text, ${bill.shipmentLineNo}::integer, ${bill.quantity.toString()}::numeric)`), sql`, `);
  await tx.execute(sql`
    update posted_sales_line as l set quantity_invoiced = l.quantity_invoiced + v.quantity, quantity_not_invoiced = l.quantity_not_invoiced - v.quantity
    from (select document_no, line_no, sum(quantity) as quantity from (values ${values}) as raw(document_no, line_no, quantity) group by document_no, line_no) as v
    where l.document_type in ('shipment', 'returnReceipt') and l.document_no = v.document_no and l.line_no = v.line_no`);
}

/** Invoices built with Get Shipment Lines advance the order lines they bill (spec §13.1); the orders stay. */
async function updateSourceOrderLines(tx: Executor, billing: readonly ShipmentBilling[], documentType: PostableDocumentType, context: SalesContext): Promise<void> {
  if (!postsInFull(documentType) || billing.length === 0) return;
  const orderType = documentType === 'creditMemo' ? 'returnOrder' : 'order';
  const rows = billing.map((bill) => ({ no: bill.orderNo, lineNo: bill.orderLineNo, quantity: bill.quantity }));
  const lines = await tx.select().from(salesLine).where(and(eq(salesLine.documentType, orderType), inArray(salesLine.documentNo, [...new Set(rows.map((row) => row.no))])));
  const updates = rows.flatMap((row) => {
    const line = lines.find((candidate) => candidate.documentNo === row.no && candidate.lineNo === row.lineNo);
    if (!line) return [];
    const after = quantitiesAfterPosting(orderType, context.salesSetup.defaultQuantityToShip as never, quantityFields(line, orderType === 'returnOrder'), { ship: ZERO, invoice: row.quantity });
    return [{ documentType: orderType, documentNo: row.no, lineNo: row.lineNo, after, returns: orderType === 'returnOrder' }];
  });
  await updateLineQuantities(tx, updates);
}

interface LineQuantityUpdate { documentType: string; documentNo: string; lineNo: number; after: QuantityFields; returns: boolean }

/** New quantities of many sales lines in one UPDATE … FROM (VALUES …). */
export async function updateLineQuantities(tx: Executor, updates: readonly LineQuantityUpdate[]): Promise<void> {
  if (updates.length === 0) return;
  const values = sql.join(updates.map((update) => sql`(${update.documentType}::text, ${update.documentNo}::text, ${update.lineNo}::integer, ${update.returns}::boolean,
    ${update.after.quantityShipped.toString()}::numeric, ${update.after.quantityToShip.toString()}::numeric,
    ${update.after.quantityInvoiced.toString()}::numeric, ${update.after.quantityToInvoice.toString()}::numeric)`), sql`, `);
  await tx.execute(sql`
    update sales_line as l set
      quantity_shipped = case when v.returns then l.quantity_shipped else v.shipped end,
      quantity_to_ship = case when v.returns then l.quantity_to_ship else v.to_ship end,
      return_quantity_received = case when v.returns then v.shipped else l.return_quantity_received end,
      return_quantity_to_receive = case when v.returns then v.to_ship else l.return_quantity_to_receive end,
      quantity_invoiced = v.invoiced, quantity_to_invoice = v.to_invoice
    from (values ${values}) as v(document_type, document_no, line_no, returns, shipped, to_ship, invoiced, to_invoice)
    where l.document_type = v.document_type and l.document_no = v.document_no and l.line_no = v.line_no`);
}

/**
 * Spec §7.5–7.8: orders and return orders advance their lines and are deleted when everything is
 * shipped and invoiced (archived first if Archive Orders); invoices and credit memos are deleted.
 */
async function finishDocument(
  tx: Executor, document: SalesDocument, linePostings: readonly LinePosting[], numbers: PostingNumbers, documentType: PostableDocumentType, context: SalesContext,
): Promise<boolean> {
  const { header } = document;
  const key = and(eq(salesHeader.documentType, header.documentType), eq(salesHeader.no, header.no));
  if (postsInFull(documentType)) {
    await tx.delete(salesHeader).where(key);
    return true;
  }
  const returns = isReturnDocument(documentType);
  const posted = new Map(linePostings.map((entry) => [entry.line.lineNo, entry.posting]));
  const after = document.lines.filter((line) => line.type !== 'comment').map((line) => {
    const posting = posted.get(line.lineNo);
    const fields = quantityFields(line, returns);
    return { line, after: posting ? quantitiesAfterPosting(documentType, context.salesSetup.defaultQuantityToShip as never, fields, posting) : fields, changed: posting !== undefined };
  });
  if (completelyHandled(after.map((entry) => entry.after))) {
    if (context.salesSetup.archiveOrders) await archiveDocument(tx, document, 'posted', context.username);
    await tx.delete(salesHeader).where(key);
    return true;
  }
  await updateLineQuantities(tx, after.filter((entry) => entry.changed).map((entry) => ({
    documentType: header.documentType, documentNo: header.no, lineNo: entry.line.lineNo, after: entry.after, returns,
  })));
  await tx.update(salesHeader).set({
    ...(numbers.shipmentNo ? { lastShippingNo: numbers.shipmentNo } : {}),
    ...(numbers.returnReceiptNo ? { lastReturnReceiptNo: numbers.returnReceiptNo } : {}),
    ...((numbers.invoiceNo ?? numbers.creditMemoNo) ? { lastPostingNo: numbers.invoiceNo ?? numbers.creditMemoNo } : {}),
    version: sql`${salesHeader.version} + 1`, updatedAt: sql`now()`,
  }).where(key);
  return false;
}
