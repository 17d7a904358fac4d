/**
 * Step 2 of posting a purchase document: its whole effect as data, on the same core as sales — the
 * item plan (purchase entries valued at the line's amount, expected until invoiced), the cost
 * posting (inventory against Direct Cost Applied / Invt. Accrual (Interim)), the invoice entries
 * (purchases, VAT, payables, vendor entry) and the posted receipt and invoice. Writes nothing.
 */
import type { ItemInvoicing, ItemMovement, ItemPostingPlan } from '../../core/inventory/item-posting.types.ts';
import { type Decimal, ZERO, dec } from '../../core/money/decimal.ts';
import { roundUnitAmount } from '../../core/money/rounding.ts';
import { buildCostPosting } from '../../core/posting/cost-posting.ts';
import { combinePostingBatches, type EntryDocument } from '../../core/posting/entries.ts';
import type { Posting } from '../../core/posting/posting.ts';
import { buildPurchaseInvoicePosting } from '../../core/posting/purchase-invoice-posting.ts';
import { quantityBase } from '../../core/sales/quantities.ts';
import type { Executor } from '../db/connection.ts';
import { DomainError } from '../../core/errors.ts';
import { planDocumentItems } from '../ledger/item-posting-state.ts';
import { type NumberRequest, numberToken } from '../posting/posting-numbers.ts';
import { type InvoicedValue, type LinePosting, discountAmountOf, invoicedAmountsLcy, invoicedValuesOf, salesAmountOf } from '../sales/sales-post.amounts.ts';
import { costLines, entryOfLines } from '../sales/sales-post.items.ts';
import type { PostingNumbers } from '../sales/sales-post.types.ts';
import type { PurchaseContext } from './purchase-context.ts';
import type { PurchaseLineRow } from './purchase-document.types.ts';
import type { LoadedPurchasePosting } from './purchase-post.load.ts';
import { earlierReceiptsBilled, type ReceiptBilling } from './purchase-post.receipts.ts';
import { type DropShipmentShipments, planDropShipmentShipments } from './drop-shipment-shipment.ts';
import { purchaseApplication } from './purchase-post.application.ts';
import { withMaxPaymentTolerance } from '../../core/receivables/payment-tolerance.ts';
import { paymentToleranceSetup } from '../receivables/apply-entries.queries.ts';
import { vendor } from '../db/schema/index.ts';
import { eq } from 'drizzle-orm';

export interface PlannedPurchasePosting {
  numbers: PostingNumbers;
  billing: ReceiptBilling[];
  posting: Posting;
  description: string;
  entryOfLine: ReadonlyMap<string, number>;
  invoiced: LinePosting<PurchaseLineRow>[];
  /** Item No. → the Last Direct Cost this posting's invoice gives it (per base unit, LCY, after discounts). */
  lastDirectCosts: Map<string, Decimal>;
}

export async function planPurchasePosting(
  tx: Executor, loaded: LoadedPurchasePosting, context: PurchaseContext,
): Promise<{ plan: PlannedPurchasePosting; requests: NumberRequest[]; dropShipments: DropShipmentShipments | null }> {
  const { header, descriptor } = loaded;
  const { numbers, requests } = postingNumbers(loaded, context);
  // Drop shipments received now ship their sales order lines in this same posting (spec §15.1).
  const dropShipments = loaded.scope.ship ? await planDropShipmentShipments(tx, loaded.linePostings) : null;
  if (dropShipments) requests.push(...dropShipments.requests);
  const description = `${descriptor.postingDescriptionPrefix} ${header.no}`;
  const invoiced = loaded.linePostings.filter((entry) => entry.amounts !== null);
  const billing = loaded.scope.invoice ? await earlierReceiptsBilled(tx, loaded, invoiced) : [];
  const lcyPrecision = context.glSetup.amountRoundingPrecision;
  const bills = billing.map((bill) => ({ lineNo: bill.lineNo, shipmentNo: bill.receiptNo, shipmentLineNo: bill.receiptLineNo, quantity: bill.quantity, itemLedgerEntryNo: bill.itemLedgerEntryNo }));
  const inventoryInvoiced = invoiced.filter((entry) => entry.inventoryItem);
  const values = invoicedValuesOf(inventoryInvoiced, invoicedAmountsLcy(inventoryInvoiced, header, lcyPrecision), bills, lcyPrecision);
  const items = await planItems(tx, loaded, numbers, billing, values, context, dropShipments);
  const costBatch = buildCostPosting({
    automaticCostPosting: context.inventorySetup.automaticCostPosting, expectedCostPostingToGl: context.inventorySetup.expectedCostPostingToGl,
    description, customerNo: '', vendorNo: header.buyFromVendorNo, lines: costLines(items, (key) => !key.startsWith('dropShipmentSale:')), accounts: loaded.accounts,
  });
  const invoiceNo = numbers.invoicingNo;
  const invoiceBatch = invoiceNo ? await invoiceEntries(tx, loaded, invoiceNo, invoiced, description, context) : null;
  const document: EntryDocument = invoiceNo
    ? { documentType: descriptor.invoicing.partyLedgerDocumentType, documentNo: invoiceNo, externalDocumentNo: loaded.vendorDocumentNo, description }
    : { documentType: '', documentNo: numbers.handlingNo ?? header.no, externalDocumentNo: '', description };
  const applied = invoiceBatch ? await purchaseApplication(tx, loaded, invoiceBatch, document, context) : null;
  const applicationBatch = applied ? [{ glEntries: applied.glEntries, vatEntries: applied.vatEntries, customerLedgerEntries: [] }] : [];
  const posting: Posting = {
    facts: { postingDate: header.postingDate, sourceCode: 'PURCHASES', userId: context.username, document },
    entries: invoiceBatch ? combinePostingBatches(invoiceBatch, ...applicationBatch, costBatch) : costBatch,
    items,
    customerApplications: [],
    ...(applied ? { vendorApplications: applied.applications } : {}),
  };
  return { plan: { numbers, billing, posting, description, entryOfLine: entryOfLines(items), invoiced, lastDirectCosts: lastDirectCosts(loaded, inventoryInvoiced, values) }, requests, dropShipments };
}

/**
 * BC updates an item's Last Direct Cost from the Cost per Unit of an invoiced purchase (not of a
 * receipt's expected cost, not of a return): the line's invoiced LCY amount per base unit.
 */
function lastDirectCosts(loaded: LoadedPurchasePosting, invoiced: readonly LinePosting<PurchaseLineRow>[], values: ReadonlyMap<string, InvoicedValue>): Map<string, Decimal> {
  const costs = new Map<string, Decimal>();
  if (loaded.descriptor.direction !== 'inbound') return costs;
  for (const entry of invoiced) {
    const quantity = quantityBase(entry.posting.invoice, dec(entry.line.quantityPerUnitOfMeasure));
    if (quantity.isZero()) continue;
    const lineNo = String(entry.line.lineNo);
    const amount = [...values].filter(([key]) => key === lineNo || key.startsWith(`${lineNo}:`)).reduce((total, [, value]) => total.plus(value.salesAmount), ZERO);
    costs.set(entry.line.no, roundUnitAmount(amount.div(quantity)));
  }
  return costs;
}

/** The receipt (return shipment) and invoice (credit memo) numbers as placeholders, and the draws they stand for. */
function postingNumbers(loaded: LoadedPurchasePosting, context: PurchaseContext): { numbers: PostingNumbers; requests: NumberRequest[] } {
  const { descriptor, scope } = loaded;
  const setup = context.purchasesSetup;
  const numbers: PostingNumbers = { handlingNo: null, handlingSeries: null, invoicingNo: null, invoicingSeries: null };
  const requests: NumberRequest[] = [];
  const draw = (posted: typeof descriptor.handling | typeof descriptor.invoicing) => {
    const series = setup[posted.seriesField as keyof typeof setup] as string | null;
    if (!series) throw new DomainError('NO_SERIES_NOT_SET_UP', { what: posted.caption.toLowerCase(), setup: `${descriptor.setupCaption} (${posted.seriesFieldCaption})` });
    requests.push({ token: numberToken(posted.postedType), series });
    return { no: numberToken(posted.postedType), series };
  };
  const handlingSwitch = descriptor.handling.setupSwitch;
  if (scope.ship && scope.lines.some((line) => !line.ship.isZero()) && (handlingSwitch === null || setup[handlingSwitch])) {
    const { no, series } = draw(descriptor.handling);
    numbers.handlingNo = no;
    numbers.handlingSeries = series;
  }
  if (scope.invoice) {
    const { no, series } = draw(descriptor.invoicing);
    numbers.invoicingNo = no;
    numbers.invoicingSeries = series;
  }
  return { numbers, requests };
}

/** The item plan: a purchase entry per inventory line received (shipped back), a value entry per earlier receipt billed. */
async function planItems(
  tx: Executor, loaded: LoadedPurchasePosting, numbers: PostingNumbers, billing: readonly ReceiptBilling[], values: ReadonlyMap<string, InvoicedValue>, context: PurchaseContext,
  dropShipments: DropShipmentShipments | null,
): Promise<ItemPostingPlan | null> {
  const purchases = loaded.linePostings.filter((entry) => !entry.posting.ship.isZero() && entry.inventoryItem)
    .map((entry) => ({ ...itemMovement(loaded, entry, numbers, values.get(String(entry.line.lineNo))), ...(entry.line.dropShipment ? { dropShipment: true } : {}) }));
  const movements = [...purchases, ...(dropShipments?.movements ?? [])];
  const invoicings = billing.filter((bill) => bill.itemLedgerEntryNo !== null)
    .map((bill) => itemInvoicing(loaded, bill, numbers, values.get(`${bill.lineNo}:${bill.receiptNo}:${bill.receiptLineNo}`)!));
  return planDocumentItems(tx, movements, invoicings, context.inventorySetup);}

function lineFacts(loaded: LoadedPurchasePosting, line: PurchaseLineRow) {
  return {
    documentLineNo: line.lineNo, description: line.description, sourceType: 'vendor' as const, sourceNo: loaded.header.buyFromVendorNo,
    genBusPostingGroup: line.genBusPostingGroup ?? '', genProdPostingGroup: line.genProdPostingGroup ?? '', inventoryPostingGroup: line.inventoryPostingGroup ?? '',
    salesAmount: ZERO,
  };
}

/**
 * A purchase item ledger entry: valued at the line's amount in LCY — the invoiced part at what the
 * invoice posts for it, the rest at the line's share, expected until invoiced (BC Purch.-Post
 * PostItemJnlLine). Goods shipped back leave stock at the cost of the entry they apply to.
 */
function itemMovement(loaded: LoadedPurchasePosting, entry: LinePosting<PurchaseLineRow>, numbers: PostingNumbers, invoiced: InvoicedValue | undefined): ItemMovement {
  const { header, descriptor } = loaded;
  const { line, posting } = entry;
  const perUnit = dec(line.quantityPerUnitOfMeasure);
  const notInvoiced = posting.ship.minus(posting.invoiceOfThisShipment);
  const costAmount = salesAmountOf(line, notInvoiced, header).plus(invoiced?.salesAmount ?? ZERO);
  const discountAmount = discountAmountOf(line, notInvoiced, header).plus(invoiced?.discountAmount ?? ZERO);
  const inbound = descriptor.direction === 'inbound';
  const invoiceNo = numbers.invoicingNo!;
  return {
    key: String(line.lineNo),
    ...lineFacts(loaded, line),
    documentType: numbers.handlingNo ? descriptor.handling.itemLedgerDocumentType : descriptor.invoicing.itemLedgerDocumentType,
    documentNo: numbers.handlingNo ?? invoiceNo,
    discountAmount: discountAmount.times(descriptor.stockSign),
    ...(invoiced ? {
      invoiced: { salesAmount: ZERO, discountAmount: invoiced.discountAmount.times(descriptor.stockSign), ...(inbound ? { costAmount: invoiced.salesAmount } : {}) },
    } : {}),
    itemNo: line.no,
    locationCode: line.locationCode ?? '',
    entryType: 'purchase',
    quantity: quantityBase(posting.ship, perUnit).times(descriptor.stockSign),
    invoicedQuantity: quantityBase(posting.invoiceOfThisShipment, perUnit).times(descriptor.stockSign),
    unitOfMeasureCode: line.unitOfMeasureCode ?? '',
    quantityPerUnitOfMeasure: perUnit,
    unitCost: null,
    ...(inbound ? { costAmount } : {}),
    appliesToEntry: inbound ? null : line.applToItemEntry,
    appliesFromEntry: null,
    correction: false,
    ...(numbers.handlingNo && !posting.invoiceOfThisShipment.isZero()
      ? { invoiceDocument: { documentType: descriptor.invoicing.itemLedgerDocumentType, documentNo: invoiceNo } } : {}),
  };
}

/** An earlier receipt billed: its entry's expected cost becomes the invoice's actual cost. */
function itemInvoicing(loaded: LoadedPurchasePosting, bill: ReceiptBilling, numbers: PostingNumbers, value: InvoicedValue): ItemInvoicing {
  const { descriptor } = loaded;
  const line = loaded.document.lines.find((candidate) => candidate.lineNo === bill.lineNo)!;
  const sign = descriptor.stockSign;
  return {
    key: `${bill.lineNo}:${bill.receiptNo}:${bill.receiptLineNo}`,
    ...lineFacts(loaded, line),
    documentType: descriptor.invoicing.itemLedgerDocumentType,
    documentNo: numbers.invoicingNo!,
    discountAmount: value.discountAmount.times(sign),
    itemLedgerEntryNo: bill.itemLedgerEntryNo!,
    invoicedQuantity: quantityBase(bill.quantity, dec(line.quantityPerUnitOfMeasure)).times(sign),
    costAmountActual: value.salesAmount.times(sign),
  };
}

async function invoiceEntries(
  tx: Executor, loaded: LoadedPurchasePosting, invoiceNo: string, invoiced: readonly LinePosting<PurchaseLineRow>[], description: string, context: PurchaseContext,
) {
  const { header, descriptor } = loaded;
  const batch = buildPurchaseInvoicePosting({
    documentType: descriptor.invoicing.partyLedgerDocumentType,
    header: {
      payToVendorNo: header.payToVendorNo, buyFromVendorNo: header.buyFromVendorNo,
      genBusPostingGroup: header.genBusPostingGroup ?? '', vatBusPostingGroup: header.vatBusPostingGroup ?? '',
      postingDescription: description, postingDate: header.postingDate, dueDate: header.dueDate ?? header.postingDate,
      paymentDiscountPercent: dec(header.paymentDiscountPercent), paymentDiscountDate: header.paymentDiscountDate,
      currencyCode: header.currencyCode ?? '', currencyFactor: dec(header.currencyFactor), pricesIncludingVat: header.pricesIncludingVat,
      documentNo: invoiceNo, vendorDocumentNo: loaded.vendorDocumentNo, documentDate: header.documentDate,
      purchaserCode: header.purchaserCode ?? '', paymentMethodCode: header.paymentMethodCode ?? '',
    },
    lines: invoiced.map((entry) => ({
      lineNo: entry.line.lineNo, type: entry.line.type as never, no: entry.line.no,
      genProdPostingGroup: entry.line.genProdPostingGroup ?? '', vatProdPostingGroup: entry.line.vatProdPostingGroup ?? '',
      ...pickAmounts(entry.amounts!),
    })),
    setup: {
      discountPosting: context.purchasesSetup.discountPosting as never,
      paymentDiscountExcludingVat: context.glSetup.paymentDiscountExcludingVat, paymentDiscountGracePeriod: context.glSetup.paymentDiscountGracePeriod,
      amountRoundingPrecision: loaded.precision, lcyAmountRoundingPrecision: context.glSetup.amountRoundingPrecision,
    },
    accounts: {
      vendorPostingGroup: { code: loaded.accounts.customerPostingGroup.code, payablesAccount: loaded.accounts.customerPostingGroup.receivablesAccount },
      generalPostingSetups: loaded.accounts.generalPostingSetups, vatPostingSetups: loaded.accounts.vatPostingSetups,
    },
  });
  // Spec §20.5 read for vendors: the new vendor entry's Max. Payment Tolerance, as a sales invoice's customer entry gets it.
  const [payTo] = await tx.select({ blockPaymentTolerance: vendor.blockPaymentTolerance }).from(vendor).where(eq(vendor.no, header.payToVendorNo));
  return withMaxPaymentTolerance(batch, {
    ...await paymentToleranceSetup(tx, context.glSetup, header.currencyCode), amountPrecision: loaded.precision, blockPaymentTolerance: payTo?.blockPaymentTolerance ?? false,
  });
}

const pickAmounts = (amounts: { amount: Decimal; amountIncludingVat: Decimal; vatBaseAmount: Decimal; lineDiscountAmount: Decimal; invoiceDiscountAmount: Decimal }) => ({
  amount: amounts.amount, amountIncludingVat: amounts.amountIncludingVat, vatBaseAmount: amounts.vatBaseAmount,
  lineDiscountAmount: amounts.lineDiscountAmount, invoiceDiscountAmount: amounts.invoiceDiscountAmount,
});
