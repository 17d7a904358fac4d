/**
 * Prepayments on sales orders as the web shows them (spec §26): the shapes of the prepayment
 * actions and of the order's prepayment, and the pure rules the pages share.
 */
import { dec } from '../../core/money/decimal.ts';
import type { SalesDocument } from '../api/types.ts';
import type { DocumentKind } from './document-kinds.ts';
import type { GridLine } from './line-fields.ts';

/** Post Prepayment Invoice / Credit Memo (spec §26.4–26.5), as the API names the action. */
export type PrepaymentDocumentType = 'invoice' | 'creditMemo';

/** What posting a prepayment document answers: the posted number, its amounts and the order after it. */
export interface PrepaymentPostingResult {
  no: string;
  documentType: PrepaymentDocumentType;
  postedNo: string;
  transactionNo: number;
  amount: string;
  amountIncludingVat: string;
  document: SalesDocument | null;
}

/** A posted prepayment invoice or credit memo of the order, with what of it is still open. */
export interface PrepaymentDocument {
  documentType: string;
  no: string;
  postingDate: string;
  dueDate: string | null;
  amount: string;
  amountIncludingVat: string;
  remainingAmount: string;
}

/** An order's prepayment at a glance (GET /salesOrders/{no}/prepayment); amounts excl. VAT unless named. */
export interface OrderPrepayment {
  no: string;
  status: string;
  prepaymentPercent: string;
  pricesIncludingVat: boolean;
  currencyCode: string | null;
  required: string;
  invoiced: string;
  invoicedIncludingVat: string;
  deducted: string;
  toInvoice: string;
  toDeduct: string;
  /** Open amounts of the prepayment invoices, incl. VAT. */
  unpaid: string;
  documents: PrepaymentDocument[];
}

export const prepaymentActionPaths: Readonly<Record<PrepaymentDocumentType, string>> = {
  invoice: 'postPrepaymentInvoice',
  creditMemo: 'postPrepaymentCreditMemo',
};

const prepaymentFields = ['prepaymentPercent', 'prepmtLineAmount', 'prepmtAmtInv', 'prepmtAmtDeducted'] as const;

export function hasLinePrepayment(lines: readonly GridLine[]): boolean {
  return lines.some((line) => prepaymentFields.some((field) => !dec(line[field] ?? '0').isZero()));
}

/** Whether an order has a prepayment to show: a line with one, or a prepayment document posted. */
export function hasOrderPrepayment(kind: DocumentKind, document: SalesDocument): boolean {
  return kind.type === 'order' && (hasLinePrepayment(document.lines) || Boolean(document.lastPrepaymentNo) || Boolean(document.lastPrepmtCrMemoNo));
}

/** A caption function: the app's t() (captions in the user's language), or English as written. */
export type CaptionFunction = (english: string, values?: Record<string, string | number>) => string;

/** English with its {{values}} filled in: the captions as written, where no language is loaded (node tests). */
const english: CaptionFunction = (text, values = {}) => text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? ''));

/** "No order was released: …" / "2 orders released: SO000001, SO000002." */
export function releasedOrdersMessage(released: readonly string[], t: CaptionFunction = english): string {
  if (released.length === 0) return t('No order was released: no order in Pending Prepayment has its prepayment invoiced and paid.');
  const values = { number: released.length, orders: released.join(', ') };
  return released.length === 1 ? t('{{number}} order released: {{orders}}.', values) : t('{{number}} orders released: {{orders}}.', values);
}
