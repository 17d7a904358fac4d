import { salesDescriptor, type SalesDocumentDescriptor } from '../../core/documents/document-descriptors.ts';
import { editableSalesDocumentTypes, type DocumentDateField, type EditableSalesDocumentType } from '../../core/documents/document-types.ts';
import type { LineHandling } from '../../core/documents/line-handling.ts';
import type { SalesDocumentHeader } from '../api/types.ts';

export type DocumentKindType = EditableSalesDocumentType;

export type HeaderDateField = DocumentDateField;

/** A sales document type as the web shows it: its descriptor (core/documents) and the line columns it edits. */
export interface DocumentKind extends SalesDocumentDescriptor {
  type: DocumentKindType;
  /** The quantity column the line's next shipment (or return receipt) takes, if the lines ship in parts. */
  shippingField: LineHandling<'sales'>['quantityToHandleField'] | null;
}

function documentKind(type: DocumentKindType): DocumentKind {
  const descriptor = salesDescriptor(type);
  // Invoices and credit memos ship everything they bill: their lines have nothing to choose.
  const shipsInParts = descriptor.handling !== null && !descriptor.postsInFull;
  return { ...descriptor, type, shippingField: shipsInParts ? descriptor.lineHandling.quantityToHandleField : null };
}

export const documentKinds: Readonly<Record<DocumentKindType, DocumentKind>> = Object.fromEntries(
  editableSalesDocumentTypes.map((type) => [type, documentKind(type)]),
) as Record<DocumentKindType, DocumentKind>;

export const documentKindList: readonly DocumentKind[] = Object.values(documentKinds);

export function documentKindByPath(path: string | undefined): DocumentKind | undefined {
  return documentKindList.find((kind) => kind.path === path);
}

export function documentPath(kind: DocumentKind, no: string): string {
  return `/sales/${kind.path}/${encodeURIComponent(no)}`;
}

export const statusCaptions: Readonly<Record<SalesDocumentHeader['status'], string>> = {
  open: 'Open',
  released: 'Released',
  pendingApproval: 'Pending Approval',
  pendingPrepayment: 'Pending Prepayment',
};

export const dateFieldCaptions: Readonly<Record<HeaderDateField, string>> = {
  orderDate: 'Order Date',
  postingDate: 'Posting Date',
  documentDate: 'Document Date',
  dueDate: 'Due Date',
  shipmentDate: 'Shipment Date',
  quoteValidUntilDate: 'Quote Valid Until',
};
