import { Alert, Anchor, Button, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, withQuery } from '../api/client.ts';
import { messageOf } from '../api/field-errors.ts';
import { formatDate } from '../format/dates.ts';
import { formatQuantity } from '../format/numbers.ts';
import { useCaptions } from '../i18n/captions.ts';
import { useSession } from '../session/session-store.ts';
import { assemblyOrderPath, assemblyOrdersPath, assemblyStatusCaptions, salesDocumentPathOf, type AssemblyHeader } from './assembly-types.ts';
import { NewAssemblyOrderDialog } from './new-assembly-order-dialog.tsx';

/**
 * Assembly Orders (BC page 902), due date first. The API lists them unpaged (a company has few open
 * at a time), so this is a plain table rather than the paged list page.
 */
export function AssemblyOrderListPage() {
  const t = useCaptions();
  // The item card opens the list filtered to its item (?itemNo=).
  const itemNo = useSearchParams()[0].get('itemNo') ?? '';
  const orders = useQuery({ queryKey: ['assemblyOrders', itemNo], queryFn: () => api.get<{ items: AssemblyHeader[] }>(withQuery('/assemblyOrders', { itemNo })) });
  const [creating, setCreating] = useState(false);
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={2}>{t('Assembly Orders')}</Title>
        <Button onClick={() => setCreating(true)}>{t('New')}</Button>
      </Group>
      {itemNo && <ItemFilter itemNo={itemNo} path={assemblyOrdersPath} />}
      {orders.error && <Alert color="red" role="alert">{messageOf(orders.error)}</Alert>}
      {orders.isPending ? <Loader size="sm" /> : <AssemblyOrdersTable orders={orders.data?.items ?? []} />}
      {creating && <NewAssemblyOrderDialog onClose={() => setCreating(false)} />}
    </Stack>
  );
}

function AssemblyOrdersTable({ orders }: { orders: readonly AssemblyHeader[] }) {
  const t = useCaptions();
  const { locale } = useSession();
  if (orders.length === 0) return <Text size="sm" c="dimmed">{t('No assembly orders.')}</Text>;
  const headers = ['No.', 'Item No.', 'Description', 'Quantity', 'Remaining Quantity', 'Due Date', 'Status', 'Assembled to Order for'];
  return (
    <Table striped withTableBorder fz="sm" aria-label={t('Assembly Orders')}>
      <Table.Thead>
        <Table.Tr>{headers.map((header) => <Table.Th key={header}>{t(header)}</Table.Th>)}</Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {orders.map((order) => (
          <Table.Tr key={order.no} data-row={order.no}>
            <Table.Td><Anchor component={Link} to={assemblyOrderPath(order.no)}>{order.no}</Anchor></Table.Td>
            <Table.Td>{order.itemNo}</Table.Td>
            <Table.Td>{order.description}</Table.Td>
            <Table.Td ta="right">{formatQuantity(order.quantity, locale)}</Table.Td>
            <Table.Td ta="right">{formatQuantity(order.remainingQuantity, locale)}</Table.Td>
            <Table.Td>{formatDate(order.dueDate, locale)}</Table.Td>
            <Table.Td>{t(assemblyStatusCaptions[order.status])}</Table.Td>
            <Table.Td><SalesLineLink header={order} /></Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** "SO1001 line 10000": the sales line a linked assembly document is made for, leading to its document. */
export function SalesLineLink({ header }: { header: Pick<AssemblyHeader, 'salesDocumentType' | 'salesDocumentNo' | 'salesLineNo'> }) {
  const t = useCaptions();
  const path = salesDocumentPathOf(header);
  if (!path) return null;
  return <Anchor component={Link} to={path}>{t('{{no}} line {{lineNo}}', { no: header.salesDocumentNo, lineNo: header.salesLineNo })}</Anchor>;
}

/** "Item No.: 1300 · Show all": the filter the item card opened the list with. */
export function ItemFilter({ itemNo, path }: { itemNo: string; path: string }) {
  const t = useCaptions();
  return (
    <Group gap="sm">
      <Text size="sm">{t('Item No.')}: {itemNo}</Text>
      <Anchor component={Link} to={path} size="sm">{t('Show all')}</Anchor>
    </Group>
  );
}
