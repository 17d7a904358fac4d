import type { LedgerName } from '../api/posting-types.ts';

/** How an entry's field is written: dates and decimals in the user's locale, enum values as words. */
/** `documentType`: a code read as a document's name (BC's Invoice is Dutch Factuur there, Factureren as an action). */
export type EntryValueKind = 'text' | 'code' | 'documentType' | 'date' | 'amount' | 'quantity' | 'unitAmount' | 'percent' | 'boolean' | 'integer';

export interface EntryColumn {
  field: string;
  label: string;
  kind: EntryValueKind;
  /** A name the list joins in beside a number (Customer Name); Preview Posting and Find entries show the number alone. */
  listOnly?: boolean;
}

/** A filter of a ledger list: a text (a number such as Customer No.), a Yes/No choice, or the posting date range. */
export interface LedgerFilter {
  field: string;
  label: string;
  kind: 'text' | 'boolean' | 'date';
}

export interface LedgerSpec {
  /** One of the ledgers of core/posting/ledger-entry.views.ts. */
  name: LedgerName;
  /** The web path segment of its list page, if it has one. */
  path: string | null;
  caption: string;
  columns: readonly EntryColumn[];
  filters: readonly LedgerFilter[];
  /** Whether the API searches this ledger (`?search=`). */
  searchable: boolean;
}

const column = (field: string, label: string, kind: EntryValueKind = 'text'): EntryColumn => ({ field, label, kind });
/** The name of the customer, vendor, account or item beside its number: the ledger list's API joins it in (and sorts on it). */
const nameColumn = (field: string, label: string): EntryColumn => ({ field, label, kind: 'text', listOnly: true });
const postingDate = column('postingDate', 'Posting Date', 'date');
const documentType = column('documentType', 'Document Type', 'documentType');
const documentNo = column('documentNo', 'Document No.');
const entryNo = column('entryNo', 'Entry No.', 'integer');
const description = column('description', 'Description');

const textFilter = (field: string, label: string): LedgerFilter => ({ field, label, kind: 'text' });
const documentNoFilter = textFilter('documentNo', 'Document No.');
const dateFilters: readonly LedgerFilter[] = [
  { field: 'postingDateFrom', label: 'Posting Date from', kind: 'date' },
  { field: 'postingDateTo', label: 'Posting Date to', kind: 'date' },
];

/** The ledgers in Business Central's order, with the columns its entry pages show first. */
export const ledgerSpecs: Readonly<Record<LedgerName, LedgerSpec>> = {
  glEntries: {
    name: 'glEntries', path: 'gl-entries', caption: 'G/L Entries', searchable: true,
    columns: [
      postingDate, documentType, documentNo, column('glAccountNo', 'G/L Account No.'), nameColumn('glAccountName', 'G/L Account Name'), description,
      column('debitAmount', 'Debit Amount', 'amount'), column('creditAmount', 'Credit Amount', 'amount'), column('amount', 'Amount', 'amount'),
      column('vatAmount', 'VAT Amount', 'amount'), column('genPostingType', 'Gen. Posting Type', 'code'), column('sourceNo', 'Source No.'),
      column('transactionNo', 'Transaction No.', 'integer'), entryNo,
    ],
    filters: [documentNoFilter, textFilter('glAccountNo', 'G/L Account No.'), textFilter('sourceNo', 'Source No.'), ...dateFilters],
  },
  vatEntries: {
    name: 'vatEntries', path: 'vat-entries', caption: 'VAT Entries', searchable: true,
    columns: [
      postingDate, documentType, documentNo, column('type', 'Type', 'code'), column('vatBusPostingGroup', 'VAT Bus. Posting Group'),
      column('vatProdPostingGroup', 'VAT Prod. Posting Group'), column('vatPercent', 'VAT %', 'percent'), column('base', 'Base', 'amount'),
      column('amount', 'Amount', 'amount'), column('vatCalculationType', 'VAT Calculation Type', 'code'), column('billToPayToNo', 'Bill-to/Pay-to No.'), nameColumn('billToPayToName', 'Bill-to/Pay-to Name'),
      column('closed', 'Closed', 'boolean'), entryNo,
    ],
    filters: [documentNoFilter, textFilter('billToPayToNo', 'Bill-to/Pay-to No.'), { field: 'closed', label: 'Closed', kind: 'boolean' }, ...dateFilters],
  },
  customerLedgerEntries: {
    name: 'customerLedgerEntries', path: 'customer-ledger-entries', caption: 'Customer Ledger Entries', searchable: true,
    columns: [
      postingDate, documentType, documentNo, column('customerNo', 'Customer No.'), nameColumn('customerName', 'Customer Name'), description, column('currencyCode', 'Currency Code'),
      column('amount', 'Amount', 'amount'), column('amountLcy', 'Amount (LCY)', 'amount'), column('remainingAmount', 'Remaining Amount', 'amount'),
      column('dueDate', 'Due Date', 'date'), column('open', 'Open', 'boolean'), entryNo,
    ],
    filters: [textFilter('customerNo', 'Customer No.'), documentNoFilter, { field: 'open', label: 'Open', kind: 'boolean' }, ...dateFilters],
  },
  detailedCustomerLedgerEntries: {
    name: 'detailedCustomerLedgerEntries', path: null, caption: 'Detailed Cust. Ledger Entries', searchable: false,
    columns: [
      postingDate, column('entryType', 'Entry Type', 'code'), documentType, documentNo, column('customerNo', 'Customer No.'), nameColumn('customerName', 'Customer Name'),
      column('amount', 'Amount', 'amount'), column('amountLcy', 'Amount (LCY)', 'amount'),
      column('customerLedgerEntryNo', 'Cust. Ledger Entry No.', 'integer'), entryNo,
    ],
    filters: [textFilter('customerNo', 'Customer No.'), documentNoFilter, ...dateFilters],
  },
  vendorLedgerEntries: {
    name: 'vendorLedgerEntries', path: 'vendor-ledger-entries', caption: 'Vendor Ledger Entries', searchable: true,
    columns: [
      postingDate, documentType, documentNo, column('vendorNo', 'Vendor No.'), nameColumn('vendorName', 'Vendor Name'), description, column('currencyCode', 'Currency Code'),
      column('amount', 'Amount', 'amount'), column('amountLcy', 'Amount (LCY)', 'amount'), column('remainingAmount', 'Remaining Amount', 'amount'),
      column('dueDate', 'Due Date', 'date'), column('open', 'Open', 'boolean'), entryNo,
    ],
    filters: [textFilter('vendorNo', 'Vendor No.'), documentNoFilter, { field: 'open', label: 'Open', kind: 'boolean' }, ...dateFilters],
  },
  detailedVendorLedgerEntries: {
    name: 'detailedVendorLedgerEntries', path: null, caption: 'Detailed Vendor Ledger Entries', searchable: false,
    columns: [
      postingDate, column('entryType', 'Entry Type', 'code'), documentType, documentNo, column('vendorNo', 'Vendor No.'), nameColumn('vendorName', 'Vendor Name'),
      column('amount', 'Amount', 'amount'), column('amountLcy', 'Amount (LCY)', 'amount'),
      column('vendorLedgerEntryNo', 'Vendor Ledger Entry No.', 'integer'), entryNo,
    ],
    filters: [textFilter('vendorNo', 'Vendor No.'), documentNoFilter, ...dateFilters],
  },
  bankAccountLedgerEntries: {
    name: 'bankAccountLedgerEntries', path: null, caption: 'Bank Account Ledger Entries', searchable: true,
    columns: [
      postingDate, documentType, documentNo, column('bankAccountNo', 'Bank Account No.'), nameColumn('bankAccountName', 'Bank Account Name'), description,
      column('currencyCode', 'Currency Code'), column('amount', 'Amount', 'amount'), column('amountLcy', 'Amount (LCY)', 'amount'),
      column('balAccountType', 'Bal. Account Type', 'code'), column('balAccountNo', 'Bal. Account No.'), column('open', 'Open', 'boolean'), entryNo,
    ],
    filters: [textFilter('bankAccountNo', 'Bank Account No.'), documentNoFilter, { field: 'open', label: 'Open', kind: 'boolean' }, ...dateFilters],
  },
  itemLedgerEntries: {
    name: 'itemLedgerEntries', path: 'item-ledger-entries', caption: 'Item Ledger Entries', searchable: true,
    columns: [
      postingDate, column('entryType', 'Entry Type', 'code'), documentType, documentNo, column('itemNo', 'Item No.'), nameColumn('itemDescription', 'Item Description'), description,
      column('locationCode', 'Location Code'), column('quantity', 'Quantity', 'quantity'), column('invoicedQuantity', 'Invoiced Quantity', 'quantity'),
      column('remainingQuantity', 'Remaining Quantity', 'quantity'), column('salesAmountActual', 'Sales Amount (Actual)', 'amount'),
      column('costAmountActual', 'Cost Amount (Actual)', 'amount'), column('open', 'Open', 'boolean'), entryNo,
    ],
    filters: [textFilter('itemNo', 'Item No.'), documentNoFilter, { field: 'open', label: 'Open', kind: 'boolean' }, ...dateFilters],
  },
  valueEntries: {
    name: 'valueEntries', path: 'value-entries', caption: 'Value Entries', searchable: true,
    columns: [
      postingDate, column('itemLedgerEntryType', 'Item Ledger Entry Type', 'code'), column('entryType', 'Entry Type', 'code'), documentType, documentNo,
      column('itemNo', 'Item No.'), nameColumn('itemDescription', 'Item Description'), column('valuedQuantity', 'Valued Quantity', 'quantity'), column('invoicedQuantity', 'Invoiced Quantity', 'quantity'),
      column('costPerUnit', 'Cost per Unit', 'unitAmount'), column('salesAmountActual', 'Sales Amount (Actual)', 'amount'),
      column('costAmountActual', 'Cost Amount (Actual)', 'amount'), column('costAmountExpected', 'Cost Amount (Expected)', 'amount'),
      column('costPostedToGl', 'Cost Posted to G/L', 'amount'), column('itemLedgerEntryNo', 'Item Ledger Entry No.', 'integer'), entryNo,
    ],
    filters: [textFilter('itemNo', 'Item No.'), documentNoFilter, ...dateFilters],
  },
  itemApplicationEntries: {
    name: 'itemApplicationEntries', path: null, caption: 'Item Application Entries', searchable: false,
    columns: [
      postingDate, column('itemLedgerEntryNo', 'Item Ledger Entry No.', 'integer'), column('inboundItemEntryNo', 'Inbound Item Entry No.', 'integer'),
      column('outboundItemEntryNo', 'Outbound Item Entry No.', 'integer'), column('quantity', 'Quantity', 'quantity'), entryNo,
    ],
    filters: [],
  },
};

/** The ledgers with a list page of their own, in the navigation's order. */
export const ledgerListSpecs: readonly LedgerSpec[] = Object.values(ledgerSpecs).filter((spec) => spec.path !== null);

export function ledgerSpecByPath(path: string | undefined): LedgerSpec | undefined {
  return ledgerListSpecs.find((spec) => spec.path === path);
}

/** The ledgers Preview Posting and Find entries show, in BC's order (each shows those its answer names). */
export const postingLedgers: readonly LedgerName[] = [
  'glEntries', 'vatEntries', 'customerLedgerEntries', 'detailedCustomerLedgerEntries', 'vendorLedgerEntries', 'detailedVendorLedgerEntries',
  'bankAccountLedgerEntries', 'itemLedgerEntries', 'valueEntries', 'itemApplicationEntries',
];
