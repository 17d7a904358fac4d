import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, encodeKey, withQuery } from '../api/client.ts';
import type { Page } from '../api/types.ts';

/** A row of a resource keyed by id, as a card's sub-list shows it. */
interface SubRecord { id: string; version: number }

/**
 * The records of a resource that belong to one card (an item's prepayment percentages, a customer's
 * recurring codes): loaded by a filter, with the one being edited (or 'new') and the one whose delete
 * is being confirmed.
 */
export function useSubRecords<R extends SubRecord>(resource: string, queryKey: readonly unknown[], filter: Record<string, string>) {
  const queryClient = useQueryClient();
  const rows = useQuery({ queryKey, queryFn: () => api.get<Page<R>>(withQuery(resource, { ...filter, limit: 1000 })) });
  const [editing, setEditing] = useState<R | 'new' | null>(null);
  const [deleting, setDeleting] = useState<R | null>(null);
  const remove = useMutation({
    mutationFn: (row: R) => api.delete<void>(`${resource}/${encodeKey(row.id)}`, row.version),
    onSuccess: () => setDeleting(null),
    onSettled: () => queryClient.invalidateQueries({ queryKey }),
  });
  const closeDelete = () => {
    remove.reset();
    setDeleting(null);
  };
  return { rows, editing, setEditing, deleting, setDeleting, remove, closeDelete };
}
