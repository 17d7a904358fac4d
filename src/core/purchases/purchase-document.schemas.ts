/** What the API takes to create and change purchase documents (BC's Purchase Header and Line fields a user sets). */
import { z } from 'zod';
import { editablePurchaseDocumentTypes } from '../documents/document-types.ts';
import { amount, code, codeReference, integerField, optionalIsoDate, percent, quantity, text, unitAmount } from '../master-data/fields.ts';
import { withRequired } from '../sales/sales-document.schemas.ts';
import { salesLineTypes } from '../sales/types.ts';

const lineFields = {
  type: z.enum(salesLineTypes),
  no: code(),
  description: text(100),
  description2: text(50),
  vendorItemNo: text(50),
  locationCode: codeReference(10),
  unitOfMeasureCode: code(10),
  quantity: quantity(),
  quantityToReceive: quantity(),
  returnQuantityToShip: quantity(),
  quantityToInvoice: quantity(),
  directUnitCost: unitAmount(),
  lineDiscountPercent: percent(),
  lineDiscountAmount: amount(),
  lineAmount: amount(),
  allowInvoiceDiscount: z.boolean(),
  expectedReceiptDate: optionalIsoDate(),
  /** Exact cost reversal: the inbound item ledger entry a return ships back. */
  applToItemEntry: integerField({ min: 1 }).nullable(),
};

export const purchaseLineCreate = z.strictObject({ lineNo: integerField({ min: 1 }).optional(), ...withRequired(lineFields, ['type']) });

export const purchaseLineUpdate = z.strictObject(lineFields).partial();

const headerFields = {
  buyFromVendorNo: code(),
  payToVendorNo: code(),
  orderDate: optionalIsoDate(),
  postingDate: optionalIsoDate(),
  documentDate: optionalIsoDate(),
  dueDate: optionalIsoDate(),
  expectedReceiptDate: optionalIsoDate(),
  paymentDiscountDate: optionalIsoDate(),
  paymentDiscountPercent: percent(),
  paymentTermsCode: codeReference(10),
  paymentMethodCode: codeReference(10),
  shipmentMethodCode: codeReference(10),
  currencyCode: codeReference(10),
  pricesIncludingVat: z.boolean(),
  locationCode: codeReference(10),
  purchaserCode: codeReference(),
  vendorInvoiceNo: text(35),
  vendorCreditMemoNo: text(35),
  vendorOrderNo: text(35),
  vendorShipmentNo: text(35),
  yourReference: text(35),
  /** Credit memos and return orders: the posted invoice (credit memo) the credit is applied to at posting. */
  appliesToDocumentType: z.enum(['invoice', 'creditMemo']).nullable(),
  appliesToDocumentNo: codeReference().nullable(),
};

export const purchaseDocumentCreate = z.strictObject({
  no: code().optional(),
  ...withRequired(headerFields, ['buyFromVendorNo']),
  lines: z.array(purchaseLineCreate).max(10_000).optional(),
});

export const purchaseDocumentUpdate = z.strictObject({
  ...headerFields,
  invoiceDiscountPercent: percent(),
  invoiceDiscountAmount: amount(),
}).partial();

/** Copy Document (BC Copy Purchase Document): an unposted purchase document or a posted receipt, invoice, credit memo or return shipment. */
export const purchaseCopyDocumentInput = z.strictObject({
  sourceDocumentType: z.enum([...editablePurchaseDocumentTypes, 'postedReceipt', 'postedInvoice', 'postedCreditMemo', 'postedReturnShipment']),
  sourceNo: code(),
  includeHeader: z.boolean().default(true),
  recalculateLines: z.boolean().default(false),
});
export type PurchaseCopyDocumentInput = z.output<typeof purchaseCopyDocumentInput>;

/** Get Receipt Lines: the posted receipt lines a purchase invoice is to bill. */
export const getReceiptLinesInput = z.strictObject({
  lines: z.array(z.strictObject({ receiptNo: code(), lineNo: integerField({ min: 1 }) })).min(1).max(10_000),
});
