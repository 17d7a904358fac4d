import { salesDescriptor, type DocumentDescriptor } from '../../core/documents/document-descriptors.ts';
import { editableSalesDocumentTypes, type DocumentDateField, type DocumentFamily, type EditableSalesDocumentType } from '../../core/documents/document-types.ts';
import type { LineHandling } from '../../core/documents/line-handling.ts';
import type { SalesDocumentHeader } from '../api/types.ts';

export type DocumentKindType = EditableSalesDocumentType;

export type HeaderDateField = DocumentDateField;

/** A document type of either family as the web shows it: its descriptor (core/documents) and the line columns it edits. */
export interface FamilyDocumentKind<F extends DocumentFamily> extends DocumentDescriptor<F> {
  /** The quantity column the line's next shipment (receipt, return …) takes, if the lines ship in parts. */
  shippingField: LineHandling<F>['quantityToHandleField'] | null;
}

/** What the pieces both families share (lines grid, Post dialog, change hooks) read of a kind. */
export type AnyDocumentKind = FamilyDocumentKind<DocumentFamily>;

export interface DocumentKind extends FamilyDocumentKind<'sales'> {
  type: DocumentKindType;
}

export function withShippingField<F extends DocumentFamily>(descriptor: DocumentDescriptor<F>): FamilyDocumentKind<F> {
  // Invoices and credit memos ship everything they bill: their lines have nothing to choose.
  const shipsInParts = descriptor.handling !== null && !descriptor.postsInFull;
  return { ...descriptor, shippingField: shipsInParts ? descriptor.lineHandling.quantityToHandleField : null };
}

function documentKind(type: DocumentKindType): DocumentKind {
  return { ...withShippingField(salesDescriptor(type)), type };
}

export const documentKinds: Readonly<Record<DocumentKindType, DocumentKind>> = Object.fromEntries(
  editableSalesDocumentTypes.map((type) => [type, documentKind(type)]),
) as Record<DocumentKindType, DocumentKind>;

export const documentKindList: readonly DocumentKind[] = Object.values(documentKinds);

export function documentKindByPath(path: string | undefined): DocumentKind | undefined {
  return documentKindList.find((kind) => kind.path === path);
}

/** Where each family's documents live in the app: /sales/orders, /purchases/orders. */
const familyRoutes: Readonly<Record<DocumentFamily, string>> = { sales: '/sales', purchase: '/purchases' };

export function documentListPath(kind: AnyDocumentKind): string {
  return `${familyRoutes[kind.family]}/${kind.path}`;
}

export function documentPath(kind: AnyDocumentKind, no: string): string {
  return `${documentListPath(kind)}/${encodeURIComponent(no)}`;
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
