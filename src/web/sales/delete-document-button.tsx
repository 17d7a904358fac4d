import { Button } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api, encodeKey } from '../api/client.ts';
import { ConfirmDeleteModal } from '../components/confirm-delete-modal.tsx';
import { useCaptions } from '../i18n/captions.ts';
import { documentListPath, type AnyDocumentKind } from './document-kinds.ts';
import { changeScope, documentQueryKey, refreshDocumentLists } from './use-sales-document.ts';

/**
 * Delete a sales or purchase document, after a confirmation; the list of the type shows next. The
 * server keeps BC's rules (lines shipped and not invoiced, an invoiced prepayment, purchase links):
 * a refusal shows in the dialog.
 */
export function DeleteDocumentButton({ kind, documentNo, busy }: { kind: AnyDocumentKind; documentNo: string; busy: boolean }) {
  const t = useCaptions();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState(false);
  const key = documentQueryKey(kind, documentNo);
  const remove = useMutation({
    mutationKey: key,
    scope: changeScope(kind, documentNo),
    mutationFn: () => api.delete<void>(`/${kind.resource}/${encodeKey(documentNo)}`, queryClient.getQueryData<{ version: number }>(key)?.version),
  });
  const confirm = async () => {
    try {
      await remove.mutateAsync();
      navigate(documentListPath(kind), { replace: true });
      // Forgotten once the page has moved on, so it is not asked for again (404).
      queryClient.removeQueries({ queryKey: key });
      refreshDocumentLists(queryClient);
    } catch {
      // The dialog shows why (remove.error).
    }
  };
  const close = () => { setAsking(false); remove.reset(); };
  const values = { document: t(kind.caption), no: documentNo };
  return (
    <>
      <Button variant="default" color="red" onClick={() => setAsking(true)} disabled={busy}>{t('Delete')}</Button>
      <ConfirmDeleteModal opened={asking} title={t('Delete {{document}} {{no}}', values)} pending={remove.isPending} error={remove.error}
        question={t('Do you want to delete {{document}} {{no}}? Its lines are deleted with it.', { ...values, document: values.document.toLowerCase() })}
        refusedTitle={t('{{document}} {{no}} cannot be deleted', values)} onConfirm={() => void confirm()} onClose={close} />
    </>
  );
}
