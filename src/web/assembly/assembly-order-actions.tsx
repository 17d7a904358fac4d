import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api, encodeKey } from '../api/client.ts';
import { messageOf } from '../api/field-errors.ts';
import { ConfirmDeleteModal } from '../components/confirm-delete-modal.tsx';
import { formatQuantity } from '../format/numbers.ts';
import { caption, useCaptions } from '../i18n/captions.ts';
import { showNotice } from '../layout/notices.ts';
import { useSession } from '../session/session-store.ts';
import { assemblyOrdersPath, postedAssemblyOrderPath, type AssemblyDocument, type AssemblyPostResult } from './assembly-types.ts';

type Action = 'release' | 'reopen';

/**
 * A stand-alone assembly order's actions: Release / Reopen, Post (after asking; the posted order opens)
 * and Delete. A linked order has none of these: it is posted by shipping its sales order.
 */
export function AssemblyOrderActions({ order, onNew, onChanged }: { order: AssemblyDocument; onNew: () => void; onChanged: () => Promise<unknown> }) {
  const t = useCaptions();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const path = `/assemblyOrders/${encodeKey(order.no)}`;
  const [confirming, setConfirming] = useState<'post' | 'delete' | null>(null);
  const status = useMutation({ mutationFn: (action: Action) => api.post<AssemblyDocument>(`${path}/${action}`), onSettled: onChanged });
  const post = useMutation({
    mutationFn: () => api.post<AssemblyPostResult>(`${path}/post`, {}, order.version),
    onSuccess: (result) => {
      setConfirming(null);
      notifyPosted(result);
      void queryClient.invalidateQueries({ queryKey: ['assemblyOrders'] });
      void navigate(postedAssemblyOrderPath(result.postedAssemblyNo));
    },
  });
  const remove = useMutation({
    mutationFn: () => api.delete<void>(path),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['assemblyOrders'] });
      void navigate(assemblyOrdersPath);
    },
  });
  const close = () => { post.reset(); remove.reset(); setConfirming(null); };
  return (
    <>
      <Group gap="xs" role="toolbar" aria-label={t('Actions')}>
        <Button variant="default" onClick={onNew}>{t('New')}</Button>
        {!order.assembleToOrder && order.status === 'open' && <Button variant="default" loading={status.isPending} onClick={() => status.mutate('release')}>{t('Release')}</Button>}
        {!order.assembleToOrder && order.status === 'released' && <Button variant="default" loading={status.isPending} onClick={() => status.mutate('reopen')}>{t('Reopen')}</Button>}
        {!order.assembleToOrder && <Button onClick={() => setConfirming('post')}>{t('Post')}</Button>}
        {!order.assembleToOrder && <Button variant="default" color="red" onClick={() => setConfirming('delete')}>{t('Delete')}</Button>}
      </Group>
      {status.error && <Alert color="red" role="alert">{messageOf(status.error)}</Alert>}
      <PostConfirmation opened={confirming === 'post'} order={order} pending={post.isPending} error={post.error} onConfirm={() => post.mutate()} onClose={close} />
      <ConfirmDeleteModal
        opened={confirming === 'delete'} title={t('Delete Assembly Order')} refusedTitle={t('The assembly order was not deleted')}
        question={t('Do you want to delete assembly order {{no}}?', { no: order.no })}
        pending={remove.isPending} error={remove.error} onConfirm={() => remove.mutate()} onClose={close}
      />
    </>
  );
}

function notifyPosted(result: AssemblyPostResult) {
  showNotice({
    title: caption('Assembly order {{no}} posted', { no: result.no }), color: 'teal', action: 'post assembly order',
    body: caption('Posted assembly order {{no}}', { no: result.postedAssemblyNo }),
  });
}

interface PostConfirmationProps {
  opened: boolean;
  order: AssemblyDocument;
  pending: boolean;
  error: unknown;
  onConfirm: () => void;
  onClose: () => void;
}

/** "Do you want to post …?": what it assembles; a refusal stays in the dialog with its reason. */
function PostConfirmation({ opened, order, pending, error, onConfirm, onClose }: PostConfirmationProps) {
  const t = useCaptions();
  const { locale } = useSession();
  const refused = error !== null && error !== undefined;
  return (
    <Modal opened={opened} onClose={onClose} title={t('Post Assembly Order')}>
      <Stack gap="sm">
        <Text size="sm">{t('Do you want to post assembly order {{no}}: {{quantity}} × {{item}}?', { no: order.no, quantity: formatQuantity(order.quantityToAssemble, locale), item: order.itemNo })}</Text>
        {refused && <Alert color="red" role="alert" title={t('The assembly order was not posted')}>{messageOf(error)}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{refused ? t('Close') : t('No')}</Button>
          <Button loading={pending} disabled={refused} onClick={onConfirm} data-autofocus>{t('Yes')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
