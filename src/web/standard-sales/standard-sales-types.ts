import { encodeKey } from '../api/client.ts';
import type { RecurringLinesInsertMode } from '../../core/master-data/standard-sales.schemas.ts';
import type { SalesLineType } from '../../core/sales/types.ts';

/** A Standard Sales Code (spec §9.1): lines without prices, in a currency (null: local currency). */
export interface StandardSalesCode {
  code: string;
  description: string;
  currencyCode: string | null;
  version: number;
}

/** A line of a Standard Sales Code; Amount Excl. VAT only on G/L account lines. */
export interface StandardSalesLine {
  standardSalesCode: string;
  lineNo: number;
  type: SalesLineType;
  no: string;
  description: string;
  variantCode: string;
  unitOfMeasureCode: string | null;
  quantity: string;
  amountExcludingVat: string;
  version: number;
}

/** The four insert-mode fields of a customer's code, one per document type that has one (spec §9.3). */
export const insertModeFields = [
  { field: 'insertRecurringLinesOnQuotes', label: 'Insert Rec. Lines On Quotes', short: 'Quotes' },
  { field: 'insertRecurringLinesOnOrders', label: 'Insert Rec. Lines On Orders', short: 'Orders' },
  { field: 'insertRecurringLinesOnInvoices', label: 'Insert Rec. Lines On Invoices', short: 'Invoices' },
  { field: 'insertRecurringLinesOnCreditMemos', label: 'Insert Rec. Lines On Cr. Memos', short: 'Cr. Memos' },
] as const;

export type InsertModeField = (typeof insertModeFields)[number]['field'];

/** A Standard Sales Code assigned to a customer (BC Standard Customer Sales Code). */
export type StandardCustomerSalesCode = {
  id: string;
  customerNo: string;
  code: string;
  description: string;
  currencyCode: string | null;
  validFromDate: string | null;
  validToDate: string | null;
  paymentMethodCode: string | null;
  paymentTermsCode: string | null;
  directDebitMandateId: string;
  blocked: boolean;
  version: number;
} & Record<InsertModeField, RecurringLinesInsertMode>;

export const insertModeCaptions: Readonly<Record<RecurringLinesInsertMode, string>> = {
  manual: 'Manual',
  automatic: 'Automatic',
  alwaysAsk: 'Always Ask',
};

/** A code a sales document may take lines from, with its insert mode for the document's type. */
export interface RecurringSalesCodeOffer {
  code: string;
  description: string;
  mode: RecurringLinesInsertMode;
}

/** What the Create Recurring Sales Invoices job answers when it has finished. */
export interface RecurringSalesInvoicesResult {
  invoicesCreated: number;
  invoiceNos: string[];
  alreadyCreated: Array<{ customerNo: string; code: string; invoiceNo: string }>;
  skipped: Array<{ customerNo: string; code: string; errorCode: string; message: string }>;
}

export const standardSalesCodesPath = '/standard-sales-codes';

export const standardSalesCodePath = (code: string) => `${standardSalesCodesPath}/${encodeURIComponent(code)}`;

export const standardSalesLinesKey = (code: string) => ['standardSalesLines', code] as const;

export const standardSalesLinesPath = (code: string) => `/standardSalesCodes/${encodeKey(code)}/lines`;

export const customerSalesCodesResource = '/standardCustomerSalesCodes';

/** Under 'list': a document change (which refreshes the lists) reads them again too. */
export const customerSalesCodesKey = (customerNo: string) => ['list', customerSalesCodesResource, customerNo] as const;
