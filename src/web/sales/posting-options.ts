import type { PostRequest } from '../api/posting-types.ts';
import type { DocumentKind } from './document-kinds.ts';

export interface PostingChoice {
  value: string;
  label: string;
  request: PostRequest;
}

/**
 * What BC asks before posting: an order ships, invoices or both; a return order receives, invoices
 * or both. Invoices and credit memos post everything, so there is nothing to choose.
 */
export function postingChoices(kind: DocumentKind): PostingChoice[] {
  switch (kind.type) {
    case 'order':
      return [
        { value: 'ship', label: 'Ship', request: { ship: true, invoice: false } },
        { value: 'invoice', label: 'Invoice', request: { ship: false, invoice: true } },
        { value: 'shipAndInvoice', label: 'Ship and Invoice', request: { ship: true, invoice: true } },
      ];
    case 'returnOrder':
      return [
        { value: 'receive', label: 'Receive', request: { receive: true, invoice: false } },
        { value: 'invoice', label: 'Invoice', request: { receive: false, invoice: true } },
        { value: 'receiveAndInvoice', label: 'Receive and Invoice', request: { receive: true, invoice: true } },
      ];
    default:
      return [];
  }
}

export function isPostable(kind: DocumentKind): boolean {
  return kind.type !== 'quote';
}
