import { z } from 'zod';
import {
  amount, code, codeReference, countryRegionCode, dateFormula, email, integerField, isoDate, optionalIsoDate, percent, prepaymentPercent, quantity, text, unitAmount,
} from '../master-data/fields.ts';
import { editableSalesDocumentTypes } from '../documents/document-types.ts';
import { salesLineTypes } from './types.ts';
import { paymentServiceSetField } from '../master-data/payment-service.schemas.ts';

/** Fields of a line a user sets; everything else (posting groups, VAT, amounts) is derived. */
const lineFields = {
  type: z.enum(salesLineTypes),
  no: code(),
  description: text(100),
  description2: text(50),
  locationCode: codeReference(10),
  unitOfMeasureCode: code(10),
  quantity: quantity(),
  quantityToShip: quantity(),
  returnQuantityToReceive: quantity(),
  quantityToInvoice: quantity(),
  unitPrice: unitAmount(),
  lineDiscountPercent: percent(),
  lineDiscountAmount: amount(),
  lineAmount: amount(),
  allowInvoiceDiscount: z.boolean(),
  shipmentDate: optionalIsoDate(),
  requestedDeliveryDate: optionalIsoDate(),
  promisedDeliveryDate: optionalIsoDate(),
  /** Spec §16.1: typing it calculates Planned Shipment Date and Shipment Date backward. */
  plannedDeliveryDate: optionalIsoDate(),
  shippingTime: dateFormula().describe('Date formula, e.g. 2D; defaults from the header (customer or shipping agent service)'),
  outboundWhseHandlingTime: dateFormula().describe("Date formula; defaults from the line's location, else the inventory setup"),
  /** Exact cost reversal (spec §17.5): the outbound item ledger entry a return comes back from. */
  applFromItemEntry: integerField({ min: 1 }).nullable(),
  /** The inbound item ledger entry a sale must take its stock from. */
  applToItemEntry: integerField({ min: 1 }).nullable(),
  /** Quotes, orders, blanket orders (spec §15.3): the part of Quantity a linked assembly order makes; 0 removes the link. */
  qtyToAssembleToOrder: quantity().describe('Assemble to order: defaults to Quantity for an Assemble-to-Order item, 0 otherwise'),
  /** Orders: buy the item for the customer, as a drop shipment or special order (spec §15.1–15.2). */
  purchasingCode: codeReference(10),
  /**
   * Orders and invoices: the blanket order line this line delivers part of (spec §14.1). Linking
   * takes the blanket line's location, unit of measure, price and line discount; null unlinks.
   */
  blanketOrderNo: codeReference().nullable()
    .describe('Orders, invoices (and return orders, credit memos): the blanket order this line delivers part of; sent with blanketOrderLineNo, null unlinks'),
  blanketOrderLineNo: integerField({ min: 1 }).nullable().describe('The line of that blanket order'),
  /** Orders and quotes (spec §26.2–26.3): the line's Prepayment %, or the Prepmt. Line Amount that sets it. */
  prepaymentPercent: prepaymentPercent(),
  prepmtLineAmount: amount(),
  /** Orders (spec §26.7.5): what the next invoice of the line deducts from its prepayment. */
  prepmtAmtToDeduct: amount(),
};

/** Only `required` must be sent; the rest is optional. The field types are kept, so `z.infer` names every field. */
export function withRequired<Shape extends z.ZodRawShape, Required extends keyof Shape & string>(fields: Shape, required: readonly Required[]) {
  return Object.fromEntries(Object.entries(fields).map(([name, schema]) => [name, required.includes(name as Required) ? schema : (schema as z.ZodType).optional()])) as
    { [Name in keyof Shape]: Name extends Required ? Shape[Name] : z.ZodOptional<Shape[Name]> };
}

export const salesLineCreate = z.strictObject({
  lineNo: integerField({ min: 1 }).optional(), ...withRequired(lineFields, ['type']),
  /** Sell a catalog item (spec §15.2): it becomes an item the first time, and the line takes that item. */
  catalogItemEntryNo: code().optional(),
});

export const salesLineUpdate = z.strictObject(lineFields).partial();

/** The ship-to block of a header: typed after the Ship-to Code (or without one), it is the document's own address. */
function shipToAddressFields() {
  return {
    shipToName: text(100), shipToName2: text(50), shipToAddress: text(100), shipToAddress2: text(50), shipToCity: text(30),
    shipToPostCode: text(20), shipToCounty: text(30), shipToCountryRegionCode: countryRegionCode(), shipToContact: text(100),
    shipToPhoneNo: text(30), shipToEmail: email(),
  };
}

const headerFields = {
  sellToCustomerNo: code(),
  billToCustomerNo: code(),
  /** The person at the sell-to customer the document is for (BC Sell-to Contact). */
  sellToContact: text(100),
  /** Chosen after the customer: a ship-to address (its name and address come with it) … */
  shipToCode: codeReference(10),
  /** … or a custom address typed on the document (BC Ship-to: Custom Address). */
  ...shipToAddressFields(),
  orderDate: optionalIsoDate(),
  postingDate: optionalIsoDate(),
  documentDate: optionalIsoDate(),
  dueDate: optionalIsoDate(),
  paymentDiscountDate: optionalIsoDate(),
  paymentDiscountPercent: percent(),
  paymentTermsCode: codeReference(10),
  paymentMethodCode: codeReference(10),
  /** BC Direct Debit Mandate ID: the mandate the customer's invoice is collected by (set from a recurring sales code, spec §9.4). */
  directDebitMandateId: text(35).transform((value) => value.toUpperCase()),
  shipmentMethodCode: codeReference(10),
  shippingAgentCode: codeReference(10),
  shippingAgentServiceCode: text(10),
  packageTrackingNo: text(30),
  shipmentDate: optionalIsoDate(),
  requestedDeliveryDate: optionalIsoDate(),
  promisedDeliveryDate: optionalIsoDate(),
  shippingTime: dateFormula(),
  currencyCode: codeReference(10),
  pricesIncludingVat: z.boolean(),
  locationCode: codeReference(10),
  salespersonCode: codeReference(),
  externalDocumentNo: text(35),
  yourReference: text(35),
  quoteValidUntilDate: optionalIsoDate(),
  shippingAdvice: z.enum(['partial', 'complete']),
  combineShipments: z.boolean(),
  /** Credit memos and return orders: the posted document the credit is applied to at posting (spec §17.2). */
  appliesToDocumentType: z.enum(['invoice', 'creditMemo']).nullable(),
  appliesToDocumentNo: codeReference().nullable(),
  /** Orders (quotes: the percentage only), spec §26.1: a new percentage is set on every line. */
  prepaymentPercent: prepaymentPercent(),
  compressPrepayment: z.boolean(),
  prepmtPaymentTermsCode: codeReference(10),
  prepaymentDueDate: optionalIsoDate(),
  prepmtPmtDiscountDate: optionalIsoDate(),
  prepmtPaymentDiscountPercent: percent(),
  /** Quotes, orders and invoices (spec §21.1): the payment services whose link the document shows; left out on a new document, those set to Always Include. */
  paymentServiceSet: paymentServiceSetField(),
};

export const salesDocumentCreate = z.strictObject({
  no: code().optional(),
  ...withRequired(headerFields, ['sellToCustomerNo']),
  lines: z.array(salesLineCreate).max(10_000).optional(),
});

export const salesDocumentUpdate = z.strictObject({
  ...headerFields,
  /** Setting either fixes the invoice discount by hand (BC's Invoice Discount Calculation %, Amount). */
  invoiceDiscountPercent: percent(),
  invoiceDiscountAmount: amount(),
}).partial();

/** Copy Document (spec §8). */
export const copyDocumentInput = z.strictObject({
  sourceDocumentType: z.enum([
    ...editableSalesDocumentTypes,
    'postedShipment', 'postedInvoice', 'postedCreditMemo', 'postedReturnReceipt',
  ]),
  sourceNo: code(),
  includeHeader: z.boolean().default(true),
  recalculateLines: z.boolean().default(false),
});

export const workDateInput = z.strictObject({ workDate: isoDate().optional() });
