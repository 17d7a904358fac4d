import { useIsMutating, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, apiRequest, encodeKey } from '../api/client.ts';
import type { SalesDocument } from '../api/types.ts';
import type { AnyDocumentKind, DocumentKind } from './document-kinds.ts';

/** 'salesDocument' or 'purchaseDocument', type and number: a sales order and a purchase order may share a number. */
export const documentQueryKey = (kind: AnyDocumentKind, no: string) => [`${kind.family}Document`, kind.type, no] as const;

/** Changes of one document run one after another, in the order made (TanStack's mutation scope). */
export const changeScope = (kind: AnyDocumentKind, no: string) => ({ id: documentQueryKey(kind, no).join('/') });

/** A document of either family (`D`: its API shape), with its lines and totals. */
export function useDocument<D = SalesDocument>(kind: AnyDocumentKind, no: string) {
  return useQuery({ queryKey: documentQueryKey(kind, no), queryFn: () => api.get<D>(`/${kind.resource}/${encodeKey(no)}`) });
}

export interface DocumentChange {
  method: 'POST' | 'PATCH' | 'DELETE';
  /** After the document's own path: '' (header), '/lines', '/lines/10000', '/release' … */
  path: string;
  body?: unknown;
}

export function refreshDocumentLists(queryClient: QueryClient) {
  void queryClient.invalidateQueries({ queryKey: ['list'] });
  void queryClient.invalidateQueries({ queryKey: ['count'] });
}

/**
 * A change to the document; the API answers with the whole document, which replaces the cached one.
 * Each change sends the version the previous one left (read when it runs, not when it was made), so
 * typing ahead never trips over our own changes while someone else's still answers 409.
 */
export function useDocumentChange<D extends { version: number } = SalesDocument>(kind: AnyDocumentKind, no: string) {
  const queryClient = useQueryClient();
  const key = documentQueryKey(kind, no);
  return useMutation({
    mutationKey: key,
    scope: changeScope(kind, no),
    mutationFn: ({ method, path, body }: DocumentChange) => apiRequest<D>(method, `/${kind.resource}/${encodeKey(no)}${path}`, {
      body: method === 'DELETE' ? undefined : (body ?? {}),
      ifMatch: queryClient.getQueryData<D>(key)?.version,
    }),
    onSuccess: (document) => {
      queryClient.setQueryData(key, document);
      refreshDocumentLists(queryClient);
    },
  });
}

/** Make Order / Make Invoice: the quote becomes another document (and is deleted). */
export function useMakeFromQuote(kind: DocumentKind, no: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: documentQueryKey(kind, no),
    scope: changeScope(kind, no),
    mutationFn: ({ target, archiveQuote }: { target: 'Order' | 'Invoice'; archiveQuote?: boolean }) =>
      api.post<SalesDocument>(`/${kind.resource}/${encodeKey(no)}/make${target}`, archiveQuote === undefined ? {} : { archiveQuote }),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: documentQueryKey(kind, no) });
      refreshDocumentLists(queryClient);
    },
  });
}

/** Whether a change of this document is on its way: actions wait (no double submit). */
export function useDocumentBusy(kind: AnyDocumentKind, no: string): boolean {
  return useIsMutating({ mutationKey: documentQueryKey(kind, no) }) > 0;
}
