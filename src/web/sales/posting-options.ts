import type { PostRequest } from '../api/posting-types.ts';
import type { AnyDocumentKind } from './document-kinds.ts';

export interface PostingChoice {
  value: string;
  label: string;
  request: PostRequest;
}

/**
 * What BC asks before posting: an order ships, invoices or both; a return order receives, invoices
 * or both. Invoices and credit memos post everything, so there is nothing to choose.
 */
export function postingChoices(kind: AnyDocumentKind): PostingChoice[] {
  if (!kind.canShip || kind.postsInFull) return [];
  const verb = kind.lineHandling.verb;
  const label = `${verb.charAt(0).toUpperCase()}${verb.slice(1)}`;
  // The request names the handling by its verb: `ship` on orders, `receive` on return orders.
  const request = (handle: boolean, invoice: boolean): PostRequest => ({ [verb]: handle, invoice });
  return [
    { value: verb, label, request: request(true, false) },
    { value: 'invoice', label: 'Invoice', request: request(false, true) },
    { value: `${verb}AndInvoice`, label: `${label} and Invoice`, request: request(true, true) },
  ];
}

export function isPostable(kind: AnyDocumentKind): boolean {
  return kind.canPost;
}
