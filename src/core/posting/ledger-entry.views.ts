import { z } from 'zod';
import { dateText, decimalText, timestampText } from '../api/wire.schemas.ts';
import { vatCalculationTypes } from '../master-data/posting.schemas.ts';
import { navigatedDocumentTypes } from '../documents/navigated-documents.ts';

/**
 * Ledger entries as the API answers them (`/api/v1/glEntries` …, Preview Posting, Navigate): every
 * column of the append-only ledger tables (server/db/schema/ledgers.ts), which
 * test/web/api/api-types.test.ts checks column for column. Type columns travel as stored text.
 */

const integer = () => z.number().int();

/** The columns every G/L, VAT, customer, vendor and bank account ledger entry starts with. */
const entryHeader = {
  transactionNo: integer(),
  postingDate: dateText(),
  documentType: z.string(),
  documentNo: z.string(),
  description: z.string(),
  sourceCode: z.string(),
  userId: z.string(),
};

export const glEntryView = z.object({
  entryNo: integer(),
  ...entryHeader,
  glAccountNo: z.string(),
  externalDocumentNo: z.string(),
  /** LCY, debit positive. */
  amount: decimalText(),
  debitAmount: decimalText(),
  creditAmount: decimalText(),
  vatAmount: decimalText(),
  genPostingType: z.string(),
  genBusPostingGroup: z.string(),
  genProdPostingGroup: z.string(),
  vatBusPostingGroup: z.string(),
  vatProdPostingGroup: z.string(),
  sourceType: z.string(),
  sourceNo: z.string(),
});

export const vatEntryView = z.object({
  entryNo: integer(),
  ...entryHeader,
  type: z.string(),
  base: decimalText(),
  amount: decimalText(),
  vatCalculationType: z.enum(vatCalculationTypes),
  vatIdentifier: z.string(),
  vatPercent: decimalText(),
  vatBusPostingGroup: z.string(),
  vatProdPostingGroup: z.string(),
  billToPayToNo: z.string(),
  externalDocumentNo: z.string(),
  closed: z.boolean(),
});

export const customerLedgerEntryView = z.object({
  entryNo: integer(),
  ...entryHeader,
  customerNo: z.string(),
  sellToCustomerNo: z.string(),
  documentDate: dateText().nullable(),
  externalDocumentNo: z.string(),
  currencyCode: z.string(),
  currencyFactor: decimalText(),
  amount: decimalText(),
  amountLcy: decimalText(),
  remainingAmount: decimalText(),
  remainingAmountLcy: decimalText(),
  salesLcy: decimalText(),
  profitLcy: decimalText(),
  invoiceDiscountLcy: decimalText(),
  dueDate: dateText().nullable(),
  paymentDiscountDate: dateText().nullable(),
  paymentDiscountToleranceDate: dateText().nullable(),
  originalPaymentDiscountPossible: decimalText(),
  remainingPaymentDiscountPossible: decimalText(),
  pmtDiscGivenLcy: decimalText().describe('Payment discount granted on the entry (LCY).'),
  maxPaymentTolerance: decimalText().describe('Set at posting from the payment tolerance setup (spec §20.5).'),
  acceptedPaymentTolerance: decimalText(),
  acceptedPmtDiscTolerance: z.boolean(),
  open: z.boolean(),
  positive: z.boolean(),
  closedByEntryNo: integer().nullable(),
  closedAtDate: dateText().nullable(),
  closedByAmount: decimalText(),
  salespersonCode: z.string(),
  paymentMethodCode: z.string(),
  customerPostingGroup: z.string(),
  /** Written by a prepayment invoice or credit memo (spec §26.4). */
  prepayment: z.boolean(),
});

export const detailedCustomerLedgerEntryView = z.object({
  entryNo: integer(),
  customerLedgerEntryNo: integer(),
  entryType: z.string(),
  transactionNo: integer(),
  postingDate: dateText(),
  documentType: z.string(),
  documentNo: z.string(),
  customerNo: z.string(),
  currencyCode: z.string(),
  amount: decimalText(),
  amountLcy: decimalText(),
  appliedCustomerLedgerEntryNo: integer().nullable(),
  maxPaymentTolerance: decimalText().nullable().describe('On an Application entry: the Max. Payment Tolerance before it, which unapply restores.'),
  unapplied: z.boolean().describe('An application undone by Unapply, or the entry that undid it.'),
  unappliedByEntryNo: integer().nullable(),
  userId: z.string(),
});

/**
 * BC's FlowFields of an item ledger entry, the sums of its value entries: the ledger list and Navigate
 * add them; a posting preview, which shows the rows as written, does not.
 */
export const itemLedgerEntryAmountsView = z.object({
  costAmountActual: decimalText(),
  costAmountExpected: decimalText(),
  salesAmountActual: decimalText(),
  salesAmountExpected: decimalText(),
});

export const itemLedgerEntryRowView = z.object({
  entryNo: integer(),
  itemNo: z.string(),
  transactionNo: integer(),
  postingDate: dateText(),
  entryType: z.string(),
  documentType: z.string(),
  documentNo: z.string(),
  documentLineNo: integer(),
  description: z.string(),
  locationCode: z.string(),
  sourceType: z.string(),
  sourceNo: z.string(),
  quantity: decimalText(),
  remainingQuantity: decimalText(),
  invoicedQuantity: decimalText(),
  shippedQuantityNotReturned: decimalText(),
  positive: z.boolean(),
  open: z.boolean(),
  completelyInvoiced: z.boolean(),
  appliesToEntry: integer().nullable(),
  correction: z.boolean(),
  dropShipment: z.boolean(),
  unitOfMeasureCode: z.string(),
  quantityPerUnitOfMeasure: decimalText(),
  userId: z.string(),
  createdAt: timestampText(),
});

export const itemLedgerEntryView = itemLedgerEntryRowView.extend(itemLedgerEntryAmountsView.partial().shape);

export const valueEntryView = z.object({
  entryNo: integer(),
  itemLedgerEntryNo: integer(),
  itemNo: z.string(),
  postingDate: dateText(),
  itemLedgerEntryType: z.string(),
  entryType: z.string(),
  documentType: z.string(),
  documentNo: z.string(),
  documentLineNo: integer(),
  description: z.string(),
  sourceType: z.string(),
  sourceNo: z.string(),
  locationCode: z.string(),
  inventoryPostingGroup: z.string(),
  genBusPostingGroup: z.string(),
  genProdPostingGroup: z.string(),
  itemLedgerEntryQuantity: decimalText(),
  invoicedQuantity: decimalText(),
  valuedQuantity: decimalText(),
  costPerUnit: decimalText(),
  costAmountExpected: decimalText(),
  costAmountActual: decimalText(),
  salesAmountExpected: decimalText(),
  salesAmountActual: decimalText(),
  discountAmount: decimalText(),
  costPostedToGl: decimalText(),
  expectedCostPostedToGl: decimalText(),
  /** BC's Adjustment: a cost adjustment of an entry posted before (Adjust Cost – Item Entries). */
  adjustment: z.boolean(),
  transactionNo: integer(),
  userId: z.string(),
});

export const itemApplicationEntryView = z.object({
  entryNo: integer(),
  itemLedgerEntryNo: integer(),
  inboundItemEntryNo: integer(),
  outboundItemEntryNo: integer().nullable(),
  /** Positive for the inbound entry's own row, negative where an outbound entry takes from it. */
  quantity: decimalText(),
  postingDate: dateText(),
  transactionNo: integer(),
});

export const vendorLedgerEntryView = z.object({
  entryNo: integer(),
  ...entryHeader,
  vendorNo: z.string(),
  buyFromVendorNo: z.string(),
  documentDate: dateText().nullable(),
  externalDocumentNo: z.string(),
  currencyCode: z.string(),
  currencyFactor: decimalText(),
  amount: decimalText(),
  amountLcy: decimalText(),
  remainingAmount: decimalText(),
  remainingAmountLcy: decimalText(),
  purchaseLcy: decimalText(),
  invoiceDiscountLcy: decimalText(),
  dueDate: dateText().nullable(),
  paymentDiscountDate: dateText().nullable(),
  paymentDiscountToleranceDate: dateText().nullable(),
  originalPaymentDiscountPossible: decimalText(),
  remainingPaymentDiscountPossible: decimalText(),
  pmtDiscReceivedLcy: decimalText().describe('Payment discount received on the entry (LCY).'),
  maxPaymentTolerance: decimalText(),
  acceptedPaymentTolerance: decimalText(),
  acceptedPmtDiscTolerance: z.boolean(),
  open: z.boolean(),
  positive: z.boolean(),
  closedByEntryNo: integer().nullable(),
  closedAtDate: dateText().nullable(),
  closedByAmount: decimalText(),
  purchaserCode: z.string(),
  paymentMethodCode: z.string(),
  vendorPostingGroup: z.string(),
});

export const detailedVendorLedgerEntryView = z.object({
  entryNo: integer(),
  vendorLedgerEntryNo: integer(),
  entryType: z.string(),
  transactionNo: integer(),
  postingDate: dateText(),
  documentType: z.string(),
  documentNo: z.string(),
  vendorNo: z.string(),
  currencyCode: z.string(),
  amount: decimalText(),
  amountLcy: decimalText(),
  appliedVendorLedgerEntryNo: integer().nullable(),
  maxPaymentTolerance: decimalText().nullable(),
  unapplied: z.boolean().describe('An application undone by Unapply, or the entry that undid it.'),
  unappliedByEntryNo: integer().nullable(),
  userId: z.string(),
});

export const bankAccountLedgerEntryView = z.object({
  entryNo: integer(),
  ...entryHeader,
  bankAccountNo: z.string(),
  externalDocumentNo: z.string(),
  currencyCode: z.string(),
  /** In the bank account's currency: positive = money in. */
  amount: decimalText(),
  amountLcy: decimalText(),
  remainingAmount: decimalText(),
  open: z.boolean(),
  positive: z.boolean(),
  closedByEntryNo: integer().nullable(),
  closedAtDate: dateText().nullable(),
  balAccountType: z.string(),
  balAccountNo: z.string(),
  statementStatus: z.string(),
  statementNo: z.string(),
  statementLineNo: integer(),
});

/** The ledgers by their API resource names, in BC's order. */
export const ledgerEntryViews = {
  glEntries: glEntryView,
  vatEntries: vatEntryView,
  customerLedgerEntries: customerLedgerEntryView,
  detailedCustomerLedgerEntries: detailedCustomerLedgerEntryView,
  vendorLedgerEntries: vendorLedgerEntryView,
  detailedVendorLedgerEntries: detailedVendorLedgerEntryView,
  bankAccountLedgerEntries: bankAccountLedgerEntryView,
  itemLedgerEntries: itemLedgerEntryView,
  valueEntries: valueEntryView,
  itemApplicationEntries: itemApplicationEntryView,
};
export type LedgerName = keyof typeof ledgerEntryViews;

/** The ledgers Navigate looks in, in BC's order (item application entries carry no document number). */
export const navigatedLedgerNames = [
  'glEntries', 'vatEntries', 'customerLedgerEntries', 'detailedCustomerLedgerEntries', 'vendorLedgerEntries', 'detailedVendorLedgerEntries',
  'bankAccountLedgerEntries', 'itemLedgerEntries', 'valueEntries',
] as const;

/** A posted document Navigate found under the number, sales or purchase (core/documents/navigated-documents.ts names them). */
export const postedDocumentReferenceView = z.object({
  documentType: z.enum(navigatedDocumentTypes),
  /** The API resource that serves it: postedSalesInvoices, postedPurchaseInvoices … */
  resource: z.string(),
  no: z.string(),
  postingDate: dateText(),
});

/**
 * BC's Navigate (GET /api/v1/navigate): the posted documents and every ledger's entries of one
 * document number; each ledger lists its first entries, `counts` are exact.
 */
export const navigateResultView = z.object({
  documentNo: z.string(),
  postingDate: dateText().nullable(),
  postedDocuments: z.array(postedDocumentReferenceView),
  counts: z.object(Object.fromEntries(navigatedLedgerNames.map((name) => [name, integer()])) as Record<(typeof navigatedLedgerNames)[number], z.ZodNumber>),
  entries: z.object({
    glEntries: z.array(glEntryView),
    vatEntries: z.array(vatEntryView),
    customerLedgerEntries: z.array(customerLedgerEntryView),
    detailedCustomerLedgerEntries: z.array(detailedCustomerLedgerEntryView),
    vendorLedgerEntries: z.array(vendorLedgerEntryView),
    detailedVendorLedgerEntries: z.array(detailedVendorLedgerEntryView),
    bankAccountLedgerEntries: z.array(bankAccountLedgerEntryView),
    itemLedgerEntries: z.array(itemLedgerEntryView),
    valueEntries: z.array(valueEntryView),
  }),
});
