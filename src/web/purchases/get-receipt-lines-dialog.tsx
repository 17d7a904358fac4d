import type { SupportedLocale } from '../format/locales.ts';
import { formatQuantity, formatUnitPrice } from '../format/numbers.ts';
import { GetHandledLinesDialog, type HandledLinesSpec } from '../sales/get-handled-lines-dialog.tsx';
import type { DocumentChange } from '../sales/use-sales-document.ts';
import type { PurchaseKind } from './purchase-kinds.ts';
import type { PurchaseDocument, ReceiptLineCandidate } from './purchase-types.ts';

const receiptLines: HandledLinesSpec<ReceiptLineCandidate> = {
  title: 'Get Receipt Lines',
  candidatesPath: '/receiptLinesToInvoice',
  action: '/getReceiptLines',
  noun: 'receipt',
  emptyText: 'The vendor has no received lines that are not invoiced.',
  columns: (locale) => [
    { key: 'documentNo', label: 'Receipt No.', render: (line) => line.documentNo },
    { key: 'sourceDocumentNo', label: 'Order No.', render: (line) => line.sourceDocumentNo },
    { key: 'no', label: 'No.', render: (line) => line.no },
    { key: 'description', label: 'Description', render: (line) => line.description },
    { key: 'quantity', label: 'Quantity', numeric: true, render: (line) => formatQuantity(line.quantity, locale) },
    { key: 'quantityNotInvoiced', label: 'Qty. Rcd. Not Invoiced', numeric: true, render: (line) => formatQuantity(line.quantityNotInvoiced, locale) },
    { key: 'directUnitCost', label: 'Direct Unit Cost', numeric: true, render: (line) => formatUnitPrice(line.directUnitCost, locale) },
  ],
  requestLine: (line) => ({ receiptNo: line.documentNo, lineNo: line.lineNo }),
};

interface GetReceiptLinesDialogProps {
  kind: PurchaseKind;
  document: PurchaseDocument;
  opened: boolean;
  onClose: () => void;
  send: (change: DocumentChange) => Promise<PurchaseDocument>;
  locale: SupportedLocale;
}

/** BC's Get Receipt Lines: the pay-to vendor's received, not yet invoiced lines become lines of this invoice. */
export function GetReceiptLinesDialog({ kind, ...props }: GetReceiptLinesDialogProps) {
  return <GetHandledLinesDialog spec={receiptLines} resource={kind.resource} {...props} />;
}
