import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, encodeKey } from '../api/client.ts';
import type { SalesDocument } from '../api/types.ts';
import type { DocumentKind } from './document-kinds.ts';
import { prepaymentActionPaths, type OrderPrepayment, type PrepaymentDocumentType, type PrepaymentPostingResult } from './prepayment.ts';
import { changeScope, documentQueryKey, refreshDocumentLists } from './use-sales-document.ts';

const prepaymentKey = (no: string) => ['salesOrderPrepayment', no] as const;

/** The order's prepayment, read again whenever the order changes (its version). */
export function useOrderPrepayment(no: string, version: number, enabled: boolean) {
  return useQuery({
    queryKey: [...prepaymentKey(no), version],
    queryFn: () => api.get<OrderPrepayment>(`/salesOrders/${encodeKey(no)}/prepayment`),
    enabled,
  });
}

/**
 * Posts a prepayment invoice or credit memo of the order, in the order's change scope (after every
 * edit sent before it) and with the version read; the order it answers replaces the cached one.
 */
export function usePostPrepayment(kind: DocumentKind, no: string) {
  const queryClient = useQueryClient();
  const key = documentQueryKey(kind, no);
  return useMutation({
    mutationKey: key,
    scope: changeScope(kind, no),
    mutationFn: (documentType: PrepaymentDocumentType) => api.post<PrepaymentPostingResult>(
      `/${kind.resource}/${encodeKey(no)}/${prepaymentActionPaths[documentType]}`, {}, queryClient.getQueryData<Pick<SalesDocument, 'version'>>(key)?.version,
    ),
    onSuccess: (result) => {
      if (result.document) queryClient.setQueryData(key, result.document);
      // Posting changes balances, entries, posted lists and cues: whatever is on screen is read again.
      void queryClient.invalidateQueries({ predicate: (query) => query.queryKey.join('/') !== key.join('/') });
    },
  });
}

/** Update Pending Prepayment Orders (spec §26.6): releases the orders whose prepayment is invoiced and paid. */
export function useUpdatePendingPrepayment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ released: string[] }>('/salesOrders/updatePendingPrepayment'),
    onSuccess: () => {
      refreshDocumentLists(queryClient);
      void queryClient.invalidateQueries({ queryKey: ['salesDocument'] });
    },
  });
}
