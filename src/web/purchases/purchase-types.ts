/**
 * The purchase API's JSON as the web app reads it (server/purchases: purchase-document.view.ts and
 * purchase-post.routes.ts). Core has no response views for purchases yet, so these are written out
 * here, with only the fields the pages read. Decimals are strings, dates YYYY-MM-DD.
 */
import type { DocumentDateField } from '../../core/documents/document-types.ts';
import type { SalesDocumentStatus, SalesLineType, VatCalculationType } from '../../core/sales/types.ts';
import type { DocumentTotals } from '../api/types.ts';

export interface PurchaseLine {
  lineNo: number;
  type: SalesLineType;
  no: string;
  description: string;
  locationCode: string | null;
  unitOfMeasureCode: string | null;
  quantity: string;
  quantityToReceive: string;
  quantityReceived: string;
  returnQuantityToShip: string;
  returnQuantityShipped: string;
  quantityToInvoice: string;
  quantityInvoiced: string;
  outstandingQuantity: string;
  directUnitCost: string;
  lineDiscountPercent: string;
  lineDiscountAmount: string;
  lineAmount: string;
  invoiceDiscountAmount: string;
  allowInvoiceDiscount: boolean;
  amount: string;
  amountIncludingVat: string;
  vatPercent: string;
  vatIdentifier: string;
  vatCalculationType: VatCalculationType;
  purchasingCode: string | null;
  dropShipment: boolean;
  specialOrder: boolean;
  /** The sales order line a drop shipment (special order) is bought for (Get Sales Orders, Carry Out Action Message). */
  salesOrderNo: string | null;
  salesOrderLineNo: number | null;
  specialOrderSalesNo: string | null;
  specialOrderSalesLineNo: number | null;
}

/** The header dates a page may show (core/documents `dateFields`); a purchase header has those of its type. */
type HeaderDates = Partial<Record<DocumentDateField, string | null>>;

export interface PurchaseHeader extends HeaderDates {
  documentType: string;
  no: string;
  status: SalesDocumentStatus;
  buyFromVendorNo: string;
  buyFromName: string;
  payToVendorNo: string;
  payToName: string;
  orderDate: string | null;
  postingDate: string | null;
  documentDate: string | null;
  dueDate: string | null;
  currencyCode: string | null;
  pricesIncludingVat: boolean;
  locationCode: string | null;
  vendorInvoiceNo: string;
  vendorCreditMemoNo: string;
  yourReference: string;
  /** A drop shipment's customer, whom the vendor delivers to at the ship-to address (else the company's address). */
  sellToCustomerNo: string | null;
  shipToCode: string | null;
  shipToName: string;
  shipToAddress: string;
  shipToAddress2: string;
  shipToPostCode: string;
  shipToCity: string;
  shipToCountryRegionCode: string;
  shipToContact: string;
  version: number;
}

export interface PurchaseDocument extends PurchaseHeader {
  lines: PurchaseLine[];
  totals: DocumentTotals;
}

/** A row of a purchase document list: the header with its amounts. */
export interface PurchaseListItem extends PurchaseHeader {
  amount: string;
  amountIncludingVat: string;
}

/** What POST …/post answers: the numbers drawn, and what is left of the document (null once posting deleted it). */
export interface PurchasePostingResult {
  no: string;
  receiptNo: string | null;
  invoiceNo: string | null;
  creditMemoNo: string | null;
  returnShipmentNo: string | null;
  documentDeleted: boolean;
  document: PurchaseDocument | null;
}

export interface PostedPurchaseHeader {
  documentType: string;
  no: string;
  sourceDocumentType: string;
  sourceDocumentNo: string;
  buyFromVendorNo: string;
  buyFromName: string;
  payToVendorNo: string;
  payToName: string;
  orderDate: string | null;
  postingDate: string;
  documentDate: string | null;
  dueDate: string | null;
  currencyCode: string | null;
  locationCode: string | null;
  paymentTermsCode: string | null;
  vendorInvoiceNo: string;
  vendorCreditMemoNo: string;
  vendorOrderNo: string;
  vendorShipmentNo: string;
  yourReference: string;
  appliesToDocumentNo: string | null;
  amount: string;
  amountIncludingVat: string;
  invoiceDiscountAmount: string;
  /** Invoices and credit memos: what is still to pay (refund) and whether the vendor entry is closed. */
  remainingAmount?: string | null;
  closed?: boolean;
}

export interface PostedPurchaseLine {
  lineNo: number;
  type: SalesLineType;
  no: string;
  description: string;
  unitOfMeasureCode: string | null;
  quantity: string;
  quantityInvoiced: string;
  quantityNotInvoiced: string;
  directUnitCost: string;
  lineDiscountPercent: string;
  lineAmount: string;
  amountIncludingVat: string;
  receiptNo: string | null;
  returnShipmentNo: string | null;
  correction: boolean;
}

/** A candidate of Get Receipt Lines: a posted receipt line received and not yet invoiced, and the order it came from. */
export interface ReceiptLineCandidate extends PostedPurchaseLine {
  documentNo: string;
  sourceDocumentNo: string;
}

export interface PostedPurchaseDocument extends PostedPurchaseHeader {
  lines: PostedPurchaseLine[];
}
