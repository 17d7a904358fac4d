import { ActionIcon, Alert, Button, Fieldset, Group, Loader, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api/client.ts';
import { messageOf } from '../api/field-errors.ts';
import type { Page } from '../api/types.ts';
import { formatAmount, formatQuantity } from '../format/numbers.ts';
import { useCaptions } from '../i18n/captions.ts';
import { lineTypeCaptions } from '../sales/line-fields.ts';
import { useSession } from '../session/session-store.ts';
import { StandardSalesLineDialog } from './standard-sales-line-dialog.tsx';
import { standardSalesLinesKey, standardSalesLinesPath, type StandardSalesLine } from './standard-sales-types.ts';

/** A code's lines in line order; each is changed or deleted on its own, a new one is added at the end. */
export function StandardSalesLinesPanel({ code }: { code: string }) {
  const t = useCaptions();
  const { locale } = useSession();
  const queryClient = useQueryClient();
  const lines = useQuery({ queryKey: standardSalesLinesKey(code), queryFn: () => api.get<Page<StandardSalesLine>>(`${standardSalesLinesPath(code)}?limit=1000`) });
  // null: no dialog; 'new': a new line; else the line changed.
  const [editing, setEditing] = useState<StandardSalesLine | 'new' | null>(null);
  const remove = useMutation({
    mutationFn: (line: StandardSalesLine) => api.delete<void>(`${standardSalesLinesPath(code)}/${line.lineNo}`, line.version),
    onSettled: () => queryClient.invalidateQueries({ queryKey: standardSalesLinesKey(code) }),
  });
  const rows = lines.data?.items ?? [];

  return (
    <Fieldset legend={t('Lines')} aria-label={t('Standard sales lines')}>
      <Group justify="space-between" mb="xs">
        <Text size="sm" c="dimmed">{t('Type, number and quantity as a document takes them; prices and discounts are found on the document.')}</Text>
        <Button size="xs" onClick={() => setEditing('new')}>{t('New Line')}</Button>
      </Group>
      {lines.error && <Alert color="red" role="alert">{messageOf(lines.error)}</Alert>}
      {remove.error && <Alert color="red" role="alert" title={t('The line was not deleted')}>{messageOf(remove.error)}</Alert>}
      {lines.isPending ? <Loader size="sm" /> : rows.length === 0 ? <Text size="sm" c="dimmed">{t('No lines yet.')}</Text> : (
        <Table striped withTableBorder fz="sm" aria-label={t('Lines of the standard sales code')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('Type')}</Table.Th><Table.Th>{t('No.')}</Table.Th><Table.Th>{t('Description')}</Table.Th><Table.Th>{t('Variant Code')}</Table.Th>
              <Table.Th>{t('Unit of Measure Code')}</Table.Th><Table.Th ta="right">{t('Quantity')}</Table.Th><Table.Th ta="right">{t('Amount Excl. VAT')}</Table.Th><Table.Th w={150} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((line) => (
              <Table.Tr key={line.lineNo} data-line-no={line.lineNo}>
                <Table.Td>{t(lineTypeCaptions[line.type])}</Table.Td>
                <Table.Td>{line.no}</Table.Td>
                <Table.Td>{line.description}</Table.Td>
                <Table.Td>{line.variantCode}</Table.Td>
                <Table.Td>{line.unitOfMeasureCode ?? ''}</Table.Td>
                <Table.Td ta="right">{line.type === 'comment' ? '' : formatQuantity(line.quantity, locale)}</Table.Td>
                <Table.Td ta="right">{line.type === 'glAccount' ? formatAmount(line.amountExcludingVat, locale) : ''}</Table.Td>
                <Table.Td>
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    <Button size="compact-xs" variant="default" aria-label={t('Edit line {{lineNo}}', { lineNo: line.lineNo })} onClick={() => setEditing(line)}>{t('Edit')}</Button>
                    <ActionIcon size="sm" variant="subtle" color="red" aria-label={t('Delete line {{position}}', { position: line.lineNo })} disabled={remove.isPending}
                      onClick={() => remove.mutate(line)}>✕</ActionIcon>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editing !== null && (
        <StandardSalesLineDialog code={code} line={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />
      )}
    </Fieldset>
  );
}
