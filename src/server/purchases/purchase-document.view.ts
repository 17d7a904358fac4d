import { purchaseDescriptor } from '../../core/documents/document-descriptors.ts';
import { documentTotals } from '../documents/document-amounts.ts';
import { withHandledQuantities } from '../sales/sales-line.quantities.ts';
import type { PurchaseDocument } from './purchase-document.types.ts';
import type { EditablePurchaseDocumentType } from '../../core/documents/document-types.ts';

/** A purchase document as the API returns it: header, lines with their derived quantities (Outstanding, Qty. Rcd. Not Invoiced …) and totals. */
export function purchaseDocumentView(document: PurchaseDocument) {
  const handling = purchaseDescriptor(document.header.documentType as EditablePurchaseDocumentType).lineHandling;
  return { ...document.header, lines: withHandledQuantities(document.lines, handling), totals: documentTotals(document) };
}
