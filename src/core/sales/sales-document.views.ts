import { z } from 'zod';
import { dateText, decimalText } from '../api/wire.schemas.ts';
import { vatCalculationTypes } from '../master-data/posting.schemas.ts';
import { salesDocumentStatuses, salesDocumentTypes, salesLineTypes } from './types.ts';

/**
 * A sales document as the API answers it (server/sales/sales-document.view.ts builds it): the header,
 * its lines, totals and warnings. Header and lines carry every column of their tables; the fields
 * here are those the web app reads, and test/web/api/api-types.test.ts checks each against the
 * table. Decimals are strings, dates YYYY-MM-DD.
 */

export const warningCodes = ['CREDIT_LIMIT_EXCEEDED', 'OVERDUE_BALANCE', 'STOCKOUT', 'LINE_NOT_COPIED', 'ASSEMBLY_COMPONENT_SHORTAGE'] as const;

/** A non-blocking notice (spec §12.4–12.5); the same shape as core/sales/types.ts `Warning`. */
export const warningView = z.object({
  code: z.enum(warningCodes),
  message: z.string(),
  details: z.record(z.string(), z.string()),
});

/** Σ of the lines other than comments, in the document currency. */
export const documentTotalsView = z.object({
  lineAmount: decimalText(),
  lineDiscountAmount: decimalText(),
  invoiceDiscountAmount: decimalText(),
  amount: decimalText(),
  vatAmount: decimalText(),
  amountIncludingVat: decimalText(),
});

export const salesLineView = z.object({
  documentNo: z.string(),
  lineNo: z.number().int(),
  type: z.enum(salesLineTypes),
  no: z.string(),
  description: z.string(),
  locationCode: z.string().nullable(),
  unitOfMeasureCode: z.string().nullable(),
  quantity: decimalText(),
  quantityToShip: decimalText(),
  quantityShipped: decimalText(),
  returnQuantityToReceive: decimalText(),
  returnQuantityReceived: decimalText(),
  quantityToInvoice: decimalText(),
  quantityInvoiced: decimalText(),
  unitPrice: decimalText(),
  lineDiscountPercent: decimalText(),
  lineDiscountAmount: decimalText(),
  lineAmount: decimalText(),
  invoiceDiscountAmount: decimalText(),
  allowInvoiceDiscount: z.boolean(),
  amount: decimalText(),
  amountIncludingVat: decimalText(),
  vatPercent: decimalText(),
  vatIdentifier: z.string(),
  vatCalculationType: z.enum(vatCalculationTypes),
  purchasingCode: z.string().nullable(),
  /** Spec §15.3: assembled to order by the linked assembly document (assemblyOrderNo). */
  qtyToAssembleToOrder: decimalText(),
  dropShipment: z.boolean(),
  specialOrder: z.boolean(),
  /** The purchase order line a drop shipment (special order) is bought with, once linked. */
  purchaseOrderNo: z.string().nullable(),
  purchaseOrderLineNo: z.number().int().nullable(),
  specialOrderPurchaseNo: z.string().nullable(),
  specialOrderPurchaseLineNo: z.number().int().nullable(),
  /** Orders and invoices (spec §14.1): the blanket order line this line delivers part of. */
  blanketOrderNo: z.string().nullable(),
  blanketOrderLineNo: z.number().int().nullable(),
  /** Orders (quotes: the percentage), spec §26.3: what the line requires as prepayment, what is invoiced, to deduct and deducted. */
  prepaymentPercent: decimalText(),
  prepmtLineAmount: decimalText(),
  prepmtAmtInv: decimalText(),
  prepmtAmountInvInclVat: decimalText(),
  prepmtAmtToDeduct: decimalText(),
  prepmtAmtDeducted: decimalText(),
});

export const salesHeaderView = z.object({
  documentType: z.enum(salesDocumentTypes),
  no: z.string(),
  status: z.enum(salesDocumentStatuses),
  sellToCustomerNo: z.string(),
  sellToName: z.string(),
  billToCustomerNo: z.string(),
  billToName: z.string(),
  orderDate: dateText().nullable(),
  postingDate: dateText().nullable(),
  documentDate: dateText().nullable(),
  dueDate: dateText().nullable(),
  shipmentDate: dateText().nullable(),
  quoteValidUntilDate: dateText().nullable(),
  externalDocumentNo: z.string(),
  yourReference: z.string(),
  currencyCode: z.string().nullable(),
  pricesIncludingVat: z.boolean(),
  /** Where the lines ship from by default (a line may name its own). */
  locationCode: z.string().nullable(),
  /** Orders (quotes: the percentage only), spec §26.1. */
  prepaymentPercent: decimalText(),
  compressPrepayment: z.boolean(),
  prepmtPaymentTermsCode: z.string().nullable(),
  prepaymentDueDate: dateText().nullable(),
  prepmtPmtDiscountDate: dateText().nullable(),
  prepmtPaymentDiscountPercent: decimalText(),
  lastPrepaymentNo: z.string().nullable(),
  lastPrepmtCrMemoNo: z.string().nullable(),
  /** Quotes, orders and invoices (spec §21.1): the payment services whose link the document shows. */
  paymentServiceSet: z.array(z.string()),
  version: z.number().int(),
});

/**
 * One row of a document list: the header with its amounts, and how far it has come (BC's header
 * FlowFields, from the lines in the list query): Shipped, Invoiced, Completely Shipped, and what is
 * shipped and not invoiced (incl. VAT, in the document's currency).
 */
export const salesDocumentListItemView = salesHeaderView.extend({
  amount: decimalText(), amountIncludingVat: decimalText(),
  shipped: z.boolean(), invoiced: z.boolean(), completelyShipped: z.boolean(), amountShippedNotInvoiced: decimalText(),
});

export const salesDocumentView = salesHeaderView.extend({
  lines: z.array(salesLineView),
  totals: documentTotalsView,
  warnings: z.array(warningView),
});

export const vatBreakdownRowView = z.object({
  vatIdentifier: z.string(),
  vatPercent: decimalText(),
  vatCalculationType: z.enum(vatCalculationTypes),
  lineAmount: decimalText(),
  invoiceDiscountAmount: decimalText(),
  vatBaseAmount: decimalText(),
  vatAmount: decimalText(),
  amountIncludingVat: decimalText(),
});

/** BC's Sales Statistics: totals, VAT per identifier, cost and profit in LCY (GET …/{no}/statistics). */
export const documentStatisticsView = z.object({
  documentType: z.enum(salesDocumentTypes),
  no: z.string(),
  currencyCode: z.string().nullable(),
  totals: documentTotalsView,
  amountLcy: decimalText(),
  costLcy: decimalText(),
  profitLcy: decimalText(),
  profitPercent: decimalText(),
  quantity: decimalText(),
  vatBreakdown: z.array(vatBreakdownRowView),
});
