/**
 * The shapes of the API's JSON as the web app uses them (GET /api/v1/openapi.json is the full
 * contract). Decimals are strings ("12.50"), dates YYYY-MM-DD.
 */
import type { SalesDocumentStatus, SalesDocumentType, SalesLineType, VatCalculationType, Warning } from '../../core/sales/types.ts';

export interface Problem {
  status: number;
  code: string;
  detail: string;
  errors?: { field?: string; path?: string; message: string }[];
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

interface Versioned {
  version: number;
}

export interface Customer extends Versioned {
  no: string;
  name: string;
  name2: string;
  address: string;
  address2: string;
  postCode: string;
  city: string;
  countryRegionCode: string;
  phoneNo: string;
  email: string;
  contact: string;
  vatRegistrationNo: string;
  customerPostingGroup: string | null;
  genBusPostingGroup: string | null;
  vatBusPostingGroup: string | null;
  paymentTermsCode: string | null;
  paymentMethodCode: string | null;
  customerPriceGroup: string | null;
  customerDiscountGroup: string | null;
  salespersonCode: string | null;
  currencyCode: string | null;
  locationCode: string | null;
  creditLimitLcy: string;
  blocked: 'none' | 'ship' | 'invoice' | 'all';
  pricesIncludingVat: boolean;
  allowLineDiscount: boolean;
}

export interface Item extends Versioned {
  no: string;
  description: string;
  description2: string;
  type: 'inventory' | 'service' | 'nonInventory';
  baseUnitOfMeasure: string;
  salesUnitOfMeasure: string | null;
  unitPrice: string;
  priceIncludesVat: boolean;
  unitCost: string;
  costingMethod: string;
  genProdPostingGroup: string | null;
  vatProdPostingGroup: string | null;
  inventoryPostingGroup: string | null;
  itemDiscountGroup: string | null;
  allowInvoiceDiscount: boolean;
  blocked: boolean;
  salesBlocked: boolean;
  vendorNo: string | null;
  vendorItemNo: string;
  gtin: string;
}

export interface ItemUnitOfMeasure {
  code: string;
  quantityPerUnitOfMeasure: string;
}

/** A record of a code table (payment terms, posting groups …): code and a describing text. */
export interface CodeRecord {
  code: string;
  description?: string;
  name?: string;
}

export interface DocumentTotals {
  lineAmount: string;
  lineDiscountAmount: string;
  invoiceDiscountAmount: string;
  amount: string;
  vatAmount: string;
  amountIncludingVat: string;
}

export interface SalesLine {
  lineNo: number;
  type: SalesLineType;
  no: string;
  description: string;
  locationCode: string | null;
  unitOfMeasureCode: string | null;
  quantity: string;
  quantityToShip: string;
  quantityShipped: string;
  returnQuantityToReceive: string;
  returnQuantityReceived: string;
  quantityToInvoice: string;
  quantityInvoiced: string;
  unitPrice: string;
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
}

export interface SalesDocumentHeader extends Versioned {
  documentType: SalesDocumentType;
  no: string;
  status: SalesDocumentStatus;
  sellToCustomerNo: string;
  sellToName: string;
  billToCustomerNo: string;
  billToName: string;
  orderDate: string | null;
  postingDate: string | null;
  documentDate: string | null;
  dueDate: string | null;
  shipmentDate: string | null;
  quoteValidUntilDate: string | null;
  externalDocumentNo: string;
  yourReference: string;
  currencyCode: string | null;
  pricesIncludingVat: boolean;
  /** Where the lines ship from by default (a line may name its own). */
  locationCode: string | null;
}

/** One row of a document list: the header with its amounts. */
export interface SalesDocumentListItem extends SalesDocumentHeader {
  amount: string;
  amountIncludingVat: string;
}

export interface SalesDocument extends SalesDocumentHeader {
  lines: SalesLine[];
  totals: DocumentTotals;
  warnings: Warning[];
}

interface VatBreakdownRow {
  vatIdentifier: string;
  vatPercent: string;
  vatCalculationType: VatCalculationType;
  lineAmount: string;
  invoiceDiscountAmount: string;
  vatBaseAmount: string;
  vatAmount: string;
  amountIncludingVat: string;
}

export interface DocumentStatistics {
  currencyCode: string | null;
  totals: DocumentTotals;
  amountLcy: string;
  costLcy: string;
  profitLcy: string;
  profitPercent: string;
  quantity: string;
  vatBreakdown: VatBreakdownRow[];
}

export interface SalesReceivablesSetup {
  archiveQuotes: 'never' | 'question' | 'always';
}
