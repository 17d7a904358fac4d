import type { ShipmentLineCandidate } from '../api/posting-types.ts';
import type { SalesDocument } from '../api/types.ts';
import type { SupportedLocale } from '../format/locales.ts';
import { formatQuantity } from '../format/numbers.ts';
import type { DocumentKind } from './document-kinds.ts';
import { GetHandledLinesDialog, type HandledLinesSpec } from './get-handled-lines-dialog.tsx';
import type { DocumentChange } from './use-sales-document.ts';

const shipmentLines: HandledLinesSpec<ShipmentLineCandidate> = {
  title: 'Get Shipment Lines',
  candidatesPath: '/shipmentLines',
  action: '/getShipmentLines',
  noun: 'shipment',
  emptyText: 'The customer has no shipped lines that are not invoiced.',
  columns: (locale) => [
    { key: 'documentNo', label: 'Shipment No.', render: (line) => line.documentNo },
    { key: 'sourceDocumentNo', label: 'Order No.', render: (line) => line.sourceDocumentNo ?? '' },
    { key: 'no', label: 'No.', render: (line) => line.no },
    { key: 'description', label: 'Description', render: (line) => line.description },
    { key: 'quantity', label: 'Quantity', numeric: true, render: (line) => formatQuantity(line.quantity, locale) },
    { key: 'quantityNotInvoiced', label: 'Qty. Shipped Not Invoiced', numeric: true, render: (line) => formatQuantity(line.quantityNotInvoiced, locale) },
  ],
  requestLine: (line) => ({ documentNo: line.documentNo, lineNo: line.lineNo }),
};

interface GetShipmentLinesDialogProps {
  kind: DocumentKind;
  document: SalesDocument;
  opened: boolean;
  onClose: () => void;
  send: (change: DocumentChange) => Promise<SalesDocument>;
  locale: SupportedLocale;
}

/** BC's Get Shipment Lines: the customer's shipped, not yet invoiced lines become lines of this invoice. */
export function GetShipmentLinesDialog({ kind, ...props }: GetShipmentLinesDialogProps) {
  return <GetHandledLinesDialog spec={shipmentLines} resource={kind.resource} {...props} />;
}
