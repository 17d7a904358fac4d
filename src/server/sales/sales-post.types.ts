import { type HandlingDocument, type InvoicingDocument, type SalesDocumentDescriptor, salesDescriptor } from '../../core/documents/document-descriptors.ts';
import type { EditableDocumentType } from './sales-document.types.ts';

/** Quotes and blanket orders are never posted: they are made into orders. */
export type PostableDocumentType = Exclude<EditableDocumentType, 'quote' | 'blanketOrder'>;

export interface PostRequest {
  /** Orders: Ship. Return orders: Receive. Ignored by invoices and credit memos, which post everything. */
  ship?: boolean;
  receive?: boolean;
  invoice?: boolean;
}

export interface PostingResult {
  documentType: PostableDocumentType;
  no: string;
  transactionNo: number;
  shipmentNo: string | null;
  invoiceNo: string | null;
  creditMemoNo: string | null;
  returnReceiptNo: string | null;
  /** Invoices and credit memos always, orders and return orders when completely handled (spec §7.8). */
  documentDeleted: boolean;
}

/**
 * Posted numbers of one posting: placeholders while it is planned, the drawn numbers once drawn.
 * Handling is the shipment (return receipt), invoicing the invoice (credit memo), as the descriptor says.
 */
export interface PostingNumbers {
  handlingNo: string | null; handlingSeries: string | null;
  invoicingNo: string | null; invoicingSeries: string | null;
}

/** The descriptor of a type that posts: its handling and invoicing documents and posting description are always there. */
export type SalesPostingDescriptor = SalesDocumentDescriptor & {
  handling: HandlingDocument<'sales'>;
  invoicing: InvoicingDocument<'sales'>;
  postingDescriptionPrefix: string;
};

export function salesPostingDescriptor(documentType: PostableDocumentType): SalesPostingDescriptor {
  const descriptor = salesDescriptor(documentType);
  if (!descriptor.handling || !descriptor.invoicing || descriptor.postingDescriptionPrefix === null) throw new Error(`sales ${documentType} does not post`);
  return descriptor as SalesPostingDescriptor;
}

/** The facts of an item the posting checks and costs by. */
export type ItemRow = { no: string; type: string; blocked: boolean; salesBlocked: boolean };
