import type { EditableDocumentType } from './sales-document.types.ts';

export type PostableDocumentType = Exclude<EditableDocumentType, 'quote'>;

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

/** Posted numbers of one posting: placeholders while it is planned, the drawn numbers once drawn. */
export interface PostingNumbers {
  shipmentNo: string | null; shipmentSeries: string | null;
  invoiceNo: string | null; invoiceSeries: string | null;
  creditMemoNo: string | null; creditMemoSeries: string | null;
  returnReceiptNo: string | null; returnReceiptSeries: string | null;
}

/** The facts of an item the posting checks and costs by. */
export type ItemRow = { no: string; type: string; blocked: boolean; salesBlocked: boolean };
