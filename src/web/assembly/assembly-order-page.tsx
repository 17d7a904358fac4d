import { Alert, Badge, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router';
import { api, encodeKey } from '../api/client.ts';
import { messageOf } from '../api/field-errors.ts';
import { useCaptions } from '../i18n/captions.ts';
import { NotFoundPage } from '../layout/not-found-page.tsx';
import { AssemblyHeaderFields } from './assembly-header-fields.tsx';
import { AssemblyLinesTable } from './assembly-lines-table.tsx';
import { SalesLineLink } from './assembly-order-list-page.tsx';
import { AssemblyOrderActions } from './assembly-order-actions.tsx';
import { assemblyStatusCaptions, type AssemblyDocument } from './assembly-types.ts';
import { NewAssemblyOrderDialog } from './new-assembly-order-dialog.tsx';

/** The Assembly Order card (BC page 900): header, component lines and, for a stand-alone order, its actions. */
export function AssemblyOrderPage() {
  const { no } = useParams();
  if (!no) return <NotFoundPage />;
  return <AssemblyOrderLoader key={no} no={no} />;
}

export const assemblyOrderQueryKey = (no: string) => ['assemblyOrder', no];

function AssemblyOrderLoader({ no }: { no: string }) {
  const queryClient = useQueryClient();
  const order = useQuery({ queryKey: assemblyOrderQueryKey(no), queryFn: () => api.get<AssemblyDocument>(`/assemblyOrders/${encodeKey(no)}`) });
  const reload = () => Promise.all([
    queryClient.invalidateQueries({ queryKey: assemblyOrderQueryKey(no) }), queryClient.invalidateQueries({ queryKey: ['assemblyOrders'] }),
  ]);
  if (order.error) return <Alert color="red" role="alert">{messageOf(order.error)}</Alert>;
  if (!order.data) return <Loader />;
  return <AssemblyOrderView order={order.data} reload={reload} />;
}

function AssemblyOrderView({ order, reload }: { order: AssemblyDocument; reload: () => Promise<unknown> }) {
  const t = useCaptions();
  const [creating, setCreating] = useState(false);
  return (
    <Stack gap="sm">
      <Group gap="sm">
        <Title order={2}>{t('Assembly Order')} {order.no} · {order.description}</Title>
        <Badge variant="light" color={order.status === 'open' ? 'gray' : 'blue'}>{t(assemblyStatusCaptions[order.status])}</Badge>
      </Group>
      {order.assembleToOrder && (
        <Alert color="blue" role="note" title={t('Assembled to order')}>
          <Group gap={6}>
            <Text size="sm">{t('For sales line')}</Text>
            <SalesLineLink header={order} />
            <Text size="sm">{t('Posted by shipping the sales order.')}</Text>
          </Group>
        </Alert>
      )}
      <AssemblyOrderActions order={order} onNew={() => setCreating(true)} onChanged={reload} />
      <AssemblyHeaderFields order={order} onSaved={reload} />
      <AssemblyLinesTable documentPath={`/assemblyOrders/${encodeKey(order.no)}`} lines={order.lines} editable={order.status === 'open'} onChanged={reload} />
      {creating && <NewAssemblyOrderDialog onClose={() => setCreating(false)} />}
    </Stack>
  );
}
