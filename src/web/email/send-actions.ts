/**
 * Which email actions an unposted sales document offers (spec §21.2), as the API has them: Send by
 * Email on quotes, orders (the confirmation) and invoices; Post and Send on invoices, orders and
 * credit memos. Return orders have neither. After Post and Send the app opens the posted document.
 */
import type { DocumentKindType } from '../sales/document-kinds.ts';
import { postedDocumentKinds } from '../posted/posted-document-kinds.ts';

export type DocumentEmailAction = 'sendByEmail' | 'postAndSend';

const actionsByKind: Readonly<Record<DocumentKindType, readonly DocumentEmailAction[]>> = {
  quote: ['sendByEmail'], order: ['sendByEmail', 'postAndSend'], invoice: ['sendByEmail', 'postAndSend'],
  creditMemo: ['postAndSend'], returnOrder: [], blanketOrder: [],
};

export function emailActionsOf(kind: DocumentKindType): readonly DocumentEmailAction[] {
  return actionsByKind[kind] ?? [];
}

/** Drafts exist for these resources: the web asks for one before sending. */
export const emailableResources: readonly string[] = ['salesQuotes', 'salesOrders', 'salesInvoices', 'postedSalesInvoices', 'postedSalesCreditMemos'];

/** Whether the API can show the email a send of this resource makes (GET …/emailDraft): an unposted credit memo has none. */
export function hasEmailDraft(resource: string): boolean {
  return emailableResources.includes(resource);
}

/** Where Post and Send leaves the user: the posted invoice of an invoice or order, the posted credit memo of a credit memo. */
export function postedDocumentPathAfterPostAndSend(kind: DocumentKindType, postedNo: string): string {
  const posted = postedDocumentKinds[kind === 'creditMemo' ? 'creditMemo' : 'invoice'];
  return `/posted/${posted.path}/${encodeURIComponent(postedNo)}`;
}
