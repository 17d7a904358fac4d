import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, encodeKey } from '../api/client.ts';
import type { PostingPreview, PostingResult, PostRequest } from '../api/posting-types.ts';
import type { SalesDocument } from '../api/types.ts';
import type { AnyDocumentKind } from './document-kinds.ts';
import { changeScope, documentQueryKey } from './use-sales-document.ts';

/**
 * Posting and its preview run in the document's change scope, after every edit sent before them,
 * and count as a change: the page's actions wait while they run (no double submit).
 */
export function usePostDocument<Result extends { document: unknown } = PostingResult>(kind: AnyDocumentKind, no: string) {
  const queryClient = useQueryClient();
  const key = documentQueryKey(kind, no);
  return useMutation({
    mutationKey: key,
    scope: changeScope(kind, no),
    mutationFn: (request: PostRequest) =>
      api.post<Result>(`/${kind.resource}/${encodeKey(no)}/post`, request, queryClient.getQueryData<Pick<SalesDocument, 'version'>>(key)?.version),
    onSuccess: (result) => {
      // A deleted document stays cached until the page has moved on, so it is not asked for again (404).
      if (result.document) queryClient.setQueryData(key, result.document);
      // Posting changes balances, entries, posted lists and cues: whatever is on screen is read again.
      void queryClient.invalidateQueries({ predicate: (query) => query.queryKey.join('/') !== key.join('/') });
    },
  });
}

/** Preview Posting: the same request as posting; `Preview` is what the family's preview answers. */
export function usePostingPreview<Preview = PostingPreview>(kind: AnyDocumentKind, no: string) {
  return useMutation({
    mutationKey: documentQueryKey(kind, no),
    scope: changeScope(kind, no),
    mutationFn: (request: PostRequest) => api.post<Preview>(`/${kind.resource}/${encodeKey(no)}/preview`, request),
  });
}
