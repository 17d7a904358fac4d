import { ActionIcon, Alert, Button, Fieldset, Group, Loader, Table, Text } from '@mantine/core';
import { messageOf } from '../api/field-errors.ts';
import { ConfirmDeleteModal } from '../components/confirm-delete-modal.tsx';
import { useSubRecords } from '../components/use-sub-records.ts';
import { formatDate } from '../format/dates.ts';
import { formatQuantity } from '../format/numbers.ts';
import { useSession } from '../session/session-store.ts';
import { SalesPrepaymentPercentDialog } from './sales-prepayment-percent-dialog.tsx';
import {
  salesPrepaymentPercentsKey, salesPrepaymentPercentsResource, salesTypeCaptions, sortedPrepaymentPercents, type SalesPrepaymentPercent,
} from './sales-prepayment-percents.ts';
import { useCaptions } from '../i18n/captions.ts';

const describe = (row: SalesPrepaymentPercent) => `${salesTypeCaptions[row.salesType]} ${row.salesCode}`.trim();

/**
 * The item's Sales Prepayment % (spec §26.1–26.2): the percentage an order line of this item gets
 * for a customer, a customer price group or all customers, from a starting date; before the header's.
 */
export function SalesPrepaymentPercentsPanel({ itemNo }: { itemNo: string }) {
  const t = useCaptions();
  const { locale } = useSession();
  const { rows, editing, setEditing, deleting, setDeleting, remove, closeDelete } = useSubRecords<SalesPrepaymentPercent>(
    salesPrepaymentPercentsResource, salesPrepaymentPercentsKey(itemNo), { itemNo },
  );
  const sorted = sortedPrepaymentPercents(rows.data?.items ?? []);

  return (
    <Fieldset legend={t('Sales Prepayment %')} aria-label={t('Sales prepayment percentages')}>
      <Group justify="space-between" mb="xs">
        <Text size="sm" c="dimmed">{t('The Prepayment % an order line of this item gets, for a customer, a customer price group or all customers, instead of the order\'s.')}</Text>
        <Button size="xs" onClick={() => setEditing('new')}>{t('Add Prepayment %')}</Button>
      </Group>
      {rows.error && <Alert color="red" role="alert">{messageOf(rows.error)}</Alert>}
      {rows.isPending ? <Loader size="sm" /> : sorted.length === 0 ? <Text size="sm" c="dimmed">{t('No sales prepayment percentages.')}</Text> : (
        <Table striped withTableBorder fz="sm" aria-label={t('Sales prepayment percentages of the item')} maw={900}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('Sales Type')}</Table.Th><Table.Th>{t('Sales Code')}</Table.Th><Table.Th>{t('Starting Date')}</Table.Th><Table.Th>{t('Ending Date')}</Table.Th>
              <Table.Th ta="right">{t('Prepayment %')}</Table.Th><Table.Th w={110} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sorted.map((row) => (
              <Table.Tr key={row.id} data-row={describe(row)}>
                <Table.Td>{t(salesTypeCaptions[row.salesType])}</Table.Td>
                <Table.Td>{row.salesCode}</Table.Td>
                <Table.Td>{formatDate(row.startingDate, locale)}</Table.Td>
                <Table.Td>{formatDate(row.endingDate, locale)}</Table.Td>
                <Table.Td ta="right" data-field-value="prepaymentPercent">{formatQuantity(row.prepaymentPercent, locale)}</Table.Td>
                <Table.Td>
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    <Button size="compact-xs" variant="default" aria-label={`Edit ${describe(row)}`} onClick={() => setEditing(row)}>{t('Edit')}</Button>
                    <ActionIcon size="sm" variant="subtle" color="red" aria-label={`Delete ${describe(row)}`} onClick={() => setDeleting(row)}>✕</ActionIcon>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editing !== null && <SalesPrepaymentPercentDialog itemNo={itemNo} row={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />}
      <ConfirmDeleteModal
        opened={deleting !== null} title={t('Delete Sales Prepayment %')} refusedTitle={t('The row was not deleted')}
        question={t('Do you want to delete the prepayment percentage for {{row}}?', { row: deleting ? `${t(salesTypeCaptions[deleting.salesType])} ${deleting.salesCode}`.trim() : '' })}
        pending={remove.isPending} error={remove.error} onConfirm={() => deleting && remove.mutate(deleting)} onClose={closeDelete}
      />
    </Fieldset>
  );
}
