import type { LedgerEntry } from '../api/posting-types.ts';
import type { LedgerSection } from '../ledgers/entry-format.ts';
import { ledgerSpecs, type EntryColumn, type EntryValueKind, type LedgerSpec } from '../ledgers/ledger-specs.ts';
import type { GeneralJournalPreview } from './journal-types.ts';

const column = (field: string, label: string, kind: EntryValueKind = 'text'): EntryColumn => ({ field, label, kind });
const postingDate = column('postingDate', 'Posting Date', 'date');
const documentType = column('documentType', 'Document Type', 'code');
const documentNo = column('documentNo', 'Document No.');
const entryNo = column('entryNo', 'Entry No.', 'integer');

/** The vendor and bank account ledgers, which the general journal posts to and sales posting never does. */
const vendorLedgerEntries: LedgerSpec = {
  name: 'vendorLedgerEntries', path: null, caption: 'Vendor Ledger Entries', searchable: false, filters: [],
  columns: [
    postingDate, documentType, documentNo, column('vendorNo', 'Vendor No.'), column('description', 'Description'), column('currencyCode', 'Currency Code'),
    column('amount', 'Amount', 'amount'), column('amountLcy', 'Amount (LCY)', 'amount'), column('remainingAmount', 'Remaining Amount', 'amount'),
    column('dueDate', 'Due Date', 'date'), column('open', 'Open', 'boolean'), entryNo,
  ],
};

const detailedVendorLedgerEntries: LedgerSpec = {
  name: 'detailedVendorLedgerEntries', path: null, caption: 'Detailed Vendor Ledger Entries', searchable: false, filters: [],
  columns: [
    postingDate, column('entryType', 'Entry Type', 'code'), documentType, documentNo, column('vendorNo', 'Vendor No.'),
    column('amount', 'Amount', 'amount'), column('amountLcy', 'Amount (LCY)', 'amount'),
    column('vendorLedgerEntryNo', 'Vendor Ledger Entry No.', 'integer'), entryNo,
  ],
};

const bankAccountLedgerEntries: LedgerSpec = {
  name: 'bankAccountLedgerEntries', path: null, caption: 'Bank Account Ledger Entries', searchable: false, filters: [],
  columns: [
    postingDate, documentType, documentNo, column('bankAccountNo', 'Bank Account No.'), column('description', 'Description'),
    column('currencyCode', 'Currency Code'), column('amount', 'Amount', 'amount'), column('amountLcy', 'Amount (LCY)', 'amount'),
    column('balAccountType', 'Bal. Account Type', 'code'), column('balAccountNo', 'Bal. Account No.'), column('open', 'Open', 'boolean'), entryNo,
  ],
};

type PreviewTransaction = GeneralJournalPreview['transactions'][number];
/** Every ledger a preview transaction lists: a ledger the view gains fails the type check here until it has a spec. */
type PreviewLedger = Extract<keyof PreviewTransaction, `${string}Entries`>;

/** The ledgers a general journal preview shows, in BC's order. */
const previewLedgers: Readonly<Record<PreviewLedger, LedgerSpec>> = {
  glEntries: ledgerSpecs.glEntries,
  vatEntries: ledgerSpecs.vatEntries,
  customerLedgerEntries: ledgerSpecs.customerLedgerEntries,
  detailedCustomerLedgerEntries: ledgerSpecs.detailedCustomerLedgerEntries,
  vendorLedgerEntries,
  detailedVendorLedgerEntries,
  bankAccountLedgerEntries,
};

/** Every transaction's planned entries, ledger by ledger, as one list each (BC's preview shows them together). */
export function journalPreviewSections(preview: GeneralJournalPreview): LedgerSection[] {
  return (Object.keys(previewLedgers) as PreviewLedger[]).map((name) => {
    const entries = preview.transactions.flatMap((transaction): LedgerEntry[] => transaction[name]);
    return { spec: previewLedgers[name], entries, count: entries.length };
  });
}
