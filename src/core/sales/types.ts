import type { Decimal } from '../money/decimal.ts';
import type { IsoDate } from '../dates/calendar-date.ts';
import { salesDescriptor, salesDescriptors } from '../documents/document-descriptors.ts';
import type { SalesDocumentType } from '../documents/document-types.ts';

/** The shared vocabulary of sales documents (spec §2), used by core functions and the server alike. */
export { salesDocumentTypes, type SalesDocumentType } from '../documents/document-types.ts';

/** `comment` is Business Central's blank line type: text only, no amounts. */
export const salesLineTypes = ['comment', 'item', 'glAccount'] as const;
export type SalesLineType = (typeof salesLineTypes)[number];

export const salesDocumentStatuses = ['open', 'released', 'pendingApproval', 'pendingPrepayment'] as const;
export type SalesDocumentStatus = (typeof salesDocumentStatuses)[number];

export type VatCalculationType = 'normal' | 'reverseCharge' | 'fullVat' | 'salesTax';

/**
 * Credit memos and return orders move goods back in: their "ship" quantities are return receipts.
 * Kept for callers not yet reading the descriptor (core/documents).
 */
export function isReturnDocument(documentType: SalesDocumentType): boolean {
  return salesDescriptor(documentType).direction === 'inbound';
}

/** What a line contributes to the document's amounts (spec §4.2–4.4). Money in document currency. */
export interface AmountLine {
  lineNo: number;
  type: SalesLineType;
  /** After line discount; includes VAT when the document has Prices Including VAT. */
  lineAmount: Decimal;
  invoiceDiscountAmount: Decimal;
  allowInvoiceDiscount: boolean;
  vatPercent: Decimal;
  vatIdentifier: string;
  vatCalculationType: VatCalculationType;
}

export interface LineVat {
  lineNo: number;
  /** Excluding VAT, after line and invoice discount. */
  amount: Decimal;
  amountIncludingVat: Decimal;
  vatBaseAmount: Decimal;
  vatAmount: Decimal;
}

/** One VAT identifier group (same identifier, VAT % and calculation type): the unit VAT is rounded on. */
export interface VatGroup {
  vatIdentifier: string;
  vatPercent: Decimal;
  vatCalculationType: VatCalculationType;
  lineAmount: Decimal;
  invoiceDiscountAmount: Decimal;
  vatBaseAmount: Decimal;
  vatAmount: Decimal;
  amountIncludingVat: Decimal;
}

export interface DocumentAmountOptions {
  pricesIncludingVat: boolean;
  /** The document currency's Amount Rounding Precision, e.g. 0.01. */
  amountRoundingPrecision: Decimal;
}

export interface CustomerInvoiceDiscountTerms {
  /** '' = local currency. */
  currencyCode: string;
  minimumAmount: Decimal;
  discountPercent: Decimal;
  serviceCharge: Decimal;
}

export interface QuantityFields {
  quantity: Decimal;
  /** Quantity Shipped; on return documents Return Qty. Received. */
  quantityShipped: Decimal;
  quantityInvoiced: Decimal;
  /** Qty. to Ship; on return documents Return Qty. to Receive. */
  quantityToShip: Decimal;
  quantityToInvoice: Decimal;
}

export type { Decimal, IsoDate };

/** Captions for messages: "sales order", "blanket sales order" … */
export const salesDocumentTypeCaptions: Readonly<Record<SalesDocumentType, string>> = Object.fromEntries(
  Object.values(salesDescriptors).map((descriptor) => [descriptor.type, descriptor.caption.toLowerCase()]),
) as Record<SalesDocumentType, string>;

/** A non-blocking notice returned with a document (spec §12.4–12.5): the user is told and may continue. */
export interface Warning {
  code: 'CREDIT_LIMIT_EXCEEDED' | 'OVERDUE_BALANCE' | 'STOCKOUT' | 'LINE_NOT_COPIED' | 'ASSEMBLY_COMPONENT_SHORTAGE';
  message: string;
  /** Machine-readable figures behind the message (amounts and quantities as decimal strings). */
  details: Record<string, string>;
}
