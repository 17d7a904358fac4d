import { z } from 'zod';
import { dateText, decimalText, timestampText } from '../api/wire.schemas.ts';
import { postedSalesDocumentTypes } from '../documents/document-types.ts';
import { vatCalculationTypes } from '../master-data/posting.schemas.ts';
import { salesLineTypes } from './types.ts';

/**
 * Posted sales documents as the API answers them: every column of the immutable posted header and
 * line (server/db/schema/posted-documents.ts), so the server answers through these views and
 * test/web/api/api-types.test.ts checks them column for column against the tables.
 */

const partyColumns = ['Name', 'Name2', 'Address', 'Address2', 'City', 'PostCode', 'CountryRegionCode', 'PhoneNo', 'Email', 'County', 'Contact'] as const;

/** The sell-to, bill-to or ship-to block copied from the customer at posting. */
function partyFields<Prefix extends string>(prefix: Prefix) {
  return Object.fromEntries(partyColumns.map((column) => [`${prefix}${column}`, z.string()])) as
    { [Column in (typeof partyColumns)[number] as `${Prefix}${Column}`]: z.ZodString };
}

const nullableText = () => z.string().nullable();
const nullableDate = () => dateText().nullable();
const nullableInteger = () => z.number().int().nullable();

/** The stored header; invoices and credit memos add the status fields below. */
export const postedSalesHeaderRowView = z.object({
  documentType: z.enum(postedSalesDocumentTypes),
  no: z.string(),
  noSeries: nullableText(),
  /** The unposted document it came from: order, invoice, credit memo or return order. */
  sourceDocumentType: z.string(),
  sourceDocumentNo: z.string(),
  sellToCustomerNo: z.string(),
  ...partyFields('sellTo'),
  billToCustomerNo: z.string(),
  ...partyFields('billTo'),
  shipToCode: nullableText(),
  ...partyFields('shipTo'),
  orderDate: nullableDate(),
  postingDate: dateText(),
  documentDate: nullableDate(),
  shipmentDate: nullableDate(),
  dueDate: nullableDate(),
  paymentDiscountDate: nullableDate(),
  paymentDiscountPercent: decimalText(),
  paymentTermsCode: nullableText(),
  paymentMethodCode: nullableText(),
  shipmentMethodCode: nullableText(),
  shippingAgentCode: nullableText(),
  packageTrackingNo: z.string(),
  currencyCode: nullableText(),
  currencyFactor: decimalText(),
  pricesIncludingVat: z.boolean(),
  locationCode: nullableText(),
  salespersonCode: nullableText(),
  externalDocumentNo: z.string(),
  yourReference: z.string(),
  customerPostingGroup: nullableText(),
  genBusPostingGroup: nullableText(),
  vatBusPostingGroup: nullableText(),
  vatRegistrationNo: z.string(),
  languageCode: z.string(),
  quoteNo: nullableText(),
  appliesToDocumentType: nullableText(),
  appliesToDocumentNo: nullableText(),
  correctedInvoiceNo: nullableText(),
  /** A prepayment invoice or credit memo of order prepaymentOrderNo (spec §26.4). */
  prepayment: z.boolean(),
  prepaymentOrderNo: nullableText(),
  postingDescription: z.string(),
  /** Payment Service Set (spec §21.1): the payment services whose link a posted invoice shows. */
  paymentServiceSet: z.array(z.string()),
  /** Totals of invoices and credit memos (0 on shipments and receipts), in the document currency. */
  amount: decimalText(),
  amountIncludingVat: decimalText(),
  invoiceDiscountAmount: decimalText(),
  customerLedgerEntryNo: nullableInteger(),
  transactionNo: nullableInteger(),
  userId: z.string(),
  postedAt: timestampText(),
});

/**
 * What BC computes for a posted invoice or credit memo (server/sales/posted-sales-document.queries.ts):
 * Cancelled and Corrective from the cancelled-document register, Remaining Amount and Closed from
 * its customer ledger entry. Absent on shipments and return receipts; correctsInvoiceNo on credit memos only.
 */
export const postedDocumentStatusView = z.object({
  cancelled: z.boolean(),
  cancelledBy: nullableText(),
  corrective: z.boolean(),
  correctsInvoiceNo: nullableText(),
  remainingAmount: decimalText().nullable(),
  closed: z.boolean(),
}).partial();

export const postedSalesHeaderView = postedSalesHeaderRowView.extend(postedDocumentStatusView.shape);

export const postedSalesLineView = z.object({
  documentType: z.enum(postedSalesDocumentTypes),
  documentNo: z.string(),
  lineNo: z.number().int(),
  type: z.enum(salesLineTypes),
  no: z.string(),
  description: z.string(),
  description2: z.string(),
  sellToCustomerNo: z.string(),
  billToCustomerNo: z.string(),
  postingDate: dateText(),
  locationCode: nullableText(),
  unitOfMeasureCode: nullableText(),
  quantityPerUnitOfMeasure: decimalText(),
  quantity: decimalText(),
  quantityBase: decimalText(),
  /** Shipment and receipt lines: how much a later invoice or credit memo has billed, and what is left. */
  quantityInvoiced: decimalText(),
  quantityNotInvoiced: decimalText(),
  unitPrice: decimalText(),
  unitCostLcy: decimalText(),
  lineDiscountPercent: decimalText(),
  lineDiscountAmount: decimalText(),
  lineAmount: decimalText(),
  allowInvoiceDiscount: z.boolean(),
  invoiceDiscountAmount: decimalText(),
  amount: decimalText(),
  amountIncludingVat: decimalText(),
  vatBaseAmount: decimalText(),
  vatPercent: decimalText(),
  vatIdentifier: z.string(),
  vatCalculationType: z.enum(vatCalculationTypes),
  genBusPostingGroup: nullableText(),
  genProdPostingGroup: nullableText(),
  vatBusPostingGroup: nullableText(),
  vatProdPostingGroup: nullableText(),
  inventoryPostingGroup: nullableText(),
  shipmentDate: nullableDate(),
  sourceDocumentType: z.string(),
  sourceDocumentNo: z.string(),
  sourceLineNo: z.number().int(),
  shipmentNo: nullableText(),
  shipmentLineNo: nullableInteger(),
  returnReceiptNo: nullableText(),
  returnReceiptLineNo: nullableInteger(),
  itemLedgerEntryNo: nullableInteger(),
  applFromItemEntry: nullableInteger(),
  applToItemEntry: nullableInteger(),
  /** Undone by Undo Shipment, or the line that undid it. */
  correction: z.boolean(),
  /** The blanket order line the posted line delivered part of (spec §2.4). */
  blanketOrderNo: nullableText(),
  blanketOrderLineNo: nullableInteger(),
  /** A final invoice's deduction of the order's prepayment (spec §26.7.2). */
  prepaymentLine: z.boolean(),
  /** On an order's invoiced line: the prepayment this invoice deducted for it, and its VAT. */
  prepmtAmtDeducted: decimalText(),
  prepmtVatAmtDeducted: decimalText(),
});

export const postedSalesDocumentView = postedSalesHeaderView.extend({ lines: z.array(postedSalesLineView) });

/** A posted line a credit memo or return order may reverse (spec §17.4), with what may still come back. */
export const reversibleLineView = z.object({
  documentType: z.enum(postedSalesDocumentTypes),
  documentNo: z.string(),
  lineNo: z.number().int(),
  postingDate: dateText(),
  type: z.enum(salesLineTypes),
  no: z.string(),
  description: z.string(),
  quantity: decimalText(),
  /** The quantity less what was already returned (item lines of shipments and invoices). */
  reversibleQuantity: decimalText(),
  unitPrice: decimalText(),
  lineDiscountPercent: decimalText(),
  itemLedgerEntryNo: nullableInteger(),
  /** The sale entries the quantity comes back to, with what each can still take (in the line's unit). */
  itemEntries: z.array(z.object({ entryNo: z.number().int(), reversibleQuantity: decimalText() })),
});
