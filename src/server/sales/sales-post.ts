/**
 * Posting a sales document (spec §7.3–7.8, §13.1, §17.3, §23): orders (Ship / Invoice / both),
 * invoices, credit memos and return orders (Receive / Invoice / both). One transaction: the checks
 * of §7.4, then the posted documents, the item, value, G/L, VAT and customer entries, the order's
 * new quantities, and the end of the document's life. Any failure leaves nothing written.
 *
 * The number of SQL statements does not depend on the number of lines: lines are loaded, written
 * and updated in sets (DESIGN §4, issue 4's benchmark).
 */
import { and, eq, sql } from 'drizzle-orm';
import { DomainError } from '../../core/errors.ts';
import { type Decimal, ZERO, dec, sum } from '../../core/money/decimal.ts';
import { buildCostPosting, type CostPostingLine } from '../../core/posting/cost-posting.ts';
import { combinePostingBatches, type PostingBatch } from '../../core/posting/entries.ts';
import { buildSalesInvoicePosting, type SalesPostingLine } from '../../core/posting/sales-invoice-posting.ts';
import { completelyHandled, decidePostingScope, postsInFull, quantitiesAfterPosting } from '../../core/sales/posting-scope.ts';
import { quantityBase } from '../../core/sales/quantities.ts';
import { isReturnDocument, salesDocumentTypeCaptions } from '../../core/sales/types.ts';
import type { Executor } from '../db/connection.ts';
import { glAccount, salesHeader } from '../db/schema/index.ts';
import { applyCustomerEntries, findOpenCustomerEntry } from '../ledger/customer-application.ts';
import { writePostingBatch } from '../ledger/gl-writer.ts';
import { postItemMovements } from '../ledger/item-ledger.ts';
import type { ItemMovement, PostedItemValue } from '../ledger/item-ledger.types.ts';
import { openRegister, type Register } from '../ledger/register.ts';
import { loadPostingAccounts, type PostingAccounts } from './posting-accounts.ts';
import { insertPostedDocument, postedHeaderFrom, postedLineFrom, type PostedHeaderRow, type PostedLineRow } from './posted-document.writer.ts';
import { archiveDocument } from './sales-document.archive.ts';
import { releaseLoadedDocument } from './sales-document.commands.ts';
import { currencyPrecisions, type SalesContext } from './sales-context.ts';
import { documentKinds, type EditableDocumentType, type SalesDocument, type SalesHeaderRow, type SalesLineRow } from './sales-document.types.ts';
import { quantityFields, updateLineQuantities } from './sales-line.quantities.ts';
import {
  discountAmountOf, type InvoicedValue, invoicedAmountsLcy, invoicedValuesOf, type LinePosting, linePostingsOf, salesAmountOf, sign,
} from './sales-post.amounts.ts';
import {
  earlierShipmentsBilled, itemInvoicing, sourceOfBilledLine, updateBilledShipmentLines, updateSourceOrderLines,
} from './sales-post.billing.ts';
import { checkCustomers, checkHeader, checkInvoiceTotal, checkLines, loadDocumentForPosting, loadItems } from './sales-post.checks.ts';
import { drawPostingNumbers, type PostingNumbers } from './sales-post.numbers.ts';

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
  if (document.header.status === 'open') document = await releaseLoadedDocument(tx, document, context);
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
  await checkLines(tx, document.lines, scope, itemRows, returns, context.inventorySetup);

  const precision = (await currencyPrecisions(tx, context, header.currencyCode)).amount;
  const accounts = await loadPostingAccounts(tx, header.customerPostingGroup);
  const linePostings = linePostingsOf(header, document.lines, scope, itemRows, precision);
  if (scope.invoice) checkInvoiceTotal(linePostings, documentType, no);
  const numbers = await drawPostingNumbers(tx, header, documentType, scope, context);
  const register = await openRegister(tx, {
    postingDate: header.postingDate, sourceCode: 'SALES', userId: context.username,
    documentNo: numbers.invoiceNo ?? numbers.creditMemoNo ?? numbers.shipmentNo ?? numbers.returnReceiptNo ?? no,
  });

  // 1. Earlier shipments (receipts) this posting bills: of the order's own lines, or picked with Get Shipment Lines.
  const billing = scope.invoice ? await earlierShipmentsBilled(tx, header, documentType, linePostings, returns) : [];
  // The invoiced lines and what their value entries take of them (spec §7.6).
  const invoiced = linePostings.filter((entry) => entry.amounts !== null);
  const invoicedLcy = invoicedAmountsLcy(invoiced, header, context.glSetup.amountRoundingPrecision);
  const invoicedValues = invoicedValuesOf(invoiced, invoicedLcy, billing, context.glSetup.amountRoundingPrecision);
  // 2. The goods: the shipment (return receipt) document and its item entries.
  const handlingNo = returns ? numbers.returnReceiptNo : numbers.shipmentNo;
  const shipped = linePostings.filter((entry) => !entry.posting.ship.isZero());
  const movements = shipped.filter((entry) => entry.inventoryItem)
    .map((entry) => itemMovement(header, entry, returns, handlingNo, numbers, invoicedValues.get(String(entry.line.lineNo))));
  const invoicings = billing.filter((bill) => bill.itemLedgerEntryNo !== null)
    .map((bill) => itemInvoicing(header, bill, returns, numbers, invoicedValues.get(`${bill.lineNo}:${bill.shipmentNo}:${bill.shipmentLineNo}`)!));
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
    accounts,
  });
  let batch: PostingBatch = costBatch;
  if (invoiceNo) {
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
        vatBaseAmount: entry.amounts!.vatBaseAmount,
        lineDiscountAmount: entry.amounts!.lineDiscountAmount,
        invoiceDiscountAmount: entry.amounts!.invoiceDiscountAmount,
        costAmountLcy: costByLine.get(String(entry.line.lineNo))?.abs() ?? ZERO,
      })),
      setup: await invoicePostingSetup(tx, accounts, precision, context),
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
        vatBaseAmount: entry.amounts!.vatBaseAmount.toFixed(2),
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

const postingDescriptionPrefix: Record<PostableDocumentType, string> = { order: 'Order', invoice: 'Invoice', creditMemo: 'Credit Memo', returnOrder: 'Return Order' };

/** BC's Posting Description, e.g. "Order SO000001": the description of the entries. */
function postingDescription(header: SalesHeaderRow, documentType: PostableDocumentType): string {
  return `${postingDescriptionPrefix[documentType]} ${header.no}`;
}

function itemMovement(
  header: SalesHeaderRow, entry: LinePosting, returns: boolean, handlingNo: string | null, numbers: PostingNumbers, invoiced: InvoicedValue | undefined,
): ItemMovement {
  const { line, posting } = entry;
  const perUnit = dec(line.quantityPerUnitOfMeasure);
  const direction = sign(returns);
  // What stays expected is the line's share for the part not invoiced; the invoiced part carries the invoice's amounts.
  const notInvoiced = posting.ship.minus(posting.invoiceOfThisShipment);
  // Without a shipment (receipt) document the entry belongs to the invoice (credit memo).
  const documentNo = handlingNo ?? (returns ? numbers.creditMemoNo : numbers.invoiceNo)!;
  const documentType = handlingNo ? (returns ? 'salesReturnReceipt' : 'salesShipment') : (returns ? 'salesCreditMemo' : 'salesInvoice');
  return {
    key: String(line.lineNo),
    documentType, documentNo, documentLineNo: line.lineNo,
    description: line.description,
    sourceType: 'customer', sourceNo: header.sellToCustomerNo,
    genBusPostingGroup: line.genBusPostingGroup ?? '', genProdPostingGroup: line.genProdPostingGroup ?? '', inventoryPostingGroup: line.inventoryPostingGroup ?? '',
    salesAmount: salesAmountOf(line, notInvoiced, header).plus(invoiced?.salesAmount ?? ZERO).times(-direction),
    discountAmount: discountAmountOf(line, notInvoiced, header).plus(invoiced?.discountAmount ?? ZERO).times(-direction),
    ...(invoiced ? { invoiced: { salesAmount: invoiced.salesAmount.times(-direction), discountAmount: invoiced.discountAmount.times(-direction) } } : {}),
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

/** The invoice posting's setup; precision is the document currency's Amount Rounding Precision. */
async function invoicePostingSetup(tx: Executor, accounts: PostingAccounts, precision: Decimal, context: SalesContext) {
  const { glSetup, salesSetup } = context;
  let invoiceRounding = null;
  if (salesSetup.invoiceRounding) {
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
