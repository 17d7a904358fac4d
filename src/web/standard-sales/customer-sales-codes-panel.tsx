import { ActionIcon, Alert, Anchor, Button, Fieldset, Group, Loader, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { messageOf } from '../api/field-errors.ts';
import { ConfirmDeleteModal } from '../components/confirm-delete-modal.tsx';
import { useSubRecords } from '../components/use-sub-records.ts';
import { formatDate } from '../format/dates.ts';
import { useCaptions } from '../i18n/captions.ts';
import { useSession } from '../session/session-store.ts';
import { CustomerSalesCodeDialog } from './customer-sales-code-dialog.tsx';
import {
  customerSalesCodesKey, customerSalesCodesResource, insertModeCaptions, insertModeFields, standardSalesCodePath, type StandardCustomerSalesCode,
} from './standard-sales-types.ts';

/**
 * The customer's recurring sales codes (BC Standard Customer Sales Codes, spec §9.1): validity, payment
 * method, blocked, and how each document type takes the code's lines when it is created (§9.3).
 */
export function CustomerSalesCodesPanel({ customerNo }: { customerNo: string }) {
  const t = useCaptions();
  const { locale } = useSession();
  const { rows: codes, editing, setEditing, deleting, setDeleting, remove, closeDelete } = useSubRecords<StandardCustomerSalesCode>(
    customerSalesCodesResource, customerSalesCodesKey(customerNo), { customerNo },
  );
  const rows = [...(codes.data?.items ?? [])].sort((a, b) => a.code.localeCompare(b.code));

  return (
    <Fieldset legend={t('Recurring Sales Lines')} aria-label={t('Recurring sales codes')}>
      <Group justify="space-between" mb="xs">
        <Text size="sm" c="dimmed">
          {t('Standard sales codes whose lines this customer\'s documents take: by Get Recurring Sales Lines, on a new document, and by Create Recurring Sales Invoices.')}
        </Text>
        <Button size="xs" onClick={() => setEditing('new')}>{t('Add Code')}</Button>
      </Group>
      {codes.error && <Alert color="red" role="alert">{messageOf(codes.error)}</Alert>}
      {codes.isPending ? <Loader size="sm" /> : rows.length === 0 ? <Text size="sm" c="dimmed">{t('No recurring sales codes.')}</Text> : (
        <CodesTable rows={rows} locale={locale} onEdit={setEditing} onDelete={setDeleting} />
      )}
      {editing !== null && <CustomerSalesCodeDialog customerNo={customerNo} code={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />}
      <ConfirmDeleteModal
        opened={deleting !== null} title={t('Delete recurring sales code {{code}}', { code: deleting?.code ?? '' })} refusedTitle={t('The code was not removed')}
        question={t('Do you want to remove code {{code}} from customer {{customerNo}}? The standard sales code itself stays.', { code: deleting?.code ?? '', customerNo })}
        pending={remove.isPending} error={remove.error} onConfirm={() => deleting && remove.mutate(deleting)} onClose={closeDelete}
      />
    </Fieldset>
  );
}

/** One row per code: its validity, payment method, blocked and insert modes, with Edit and Delete. */
function CodesTable({ rows, locale, onEdit, onDelete }: {
  rows: StandardCustomerSalesCode[]; locale: ReturnType<typeof useSession>['locale'];
  onEdit: (code: StandardCustomerSalesCode) => void; onDelete: (code: StandardCustomerSalesCode) => void;
}) {
  const t = useCaptions();
  return (
    <Table striped withTableBorder fz="sm" aria-label={t('Recurring sales codes of the customer')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('Code')}</Table.Th><Table.Th>{t('Description')}</Table.Th><Table.Th>{t('Valid From Date')}</Table.Th><Table.Th>{t('Valid To Date')}</Table.Th>
          <Table.Th>{t('Payment Method Code')}</Table.Th><Table.Th>{t('Blocked')}</Table.Th>
          {insertModeFields.map((mode) => <Table.Th key={mode.field} title={t(mode.label)}>{t(mode.short)}</Table.Th>)}
          <Table.Th w={110} />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((code) => (
          <Table.Tr key={code.id} data-code={code.code}>
            <Table.Td><Anchor component={Link} to={standardSalesCodePath(code.code)} size="sm">{code.code}</Anchor></Table.Td>
            <Table.Td>{code.description}</Table.Td>
            <Table.Td>{formatDate(code.validFromDate, locale)}</Table.Td>
            <Table.Td>{formatDate(code.validToDate, locale)}</Table.Td>
            <Table.Td>{code.paymentMethodCode ?? ''}</Table.Td>
            <Table.Td>{code.blocked ? t('Yes') : ''}</Table.Td>
            {insertModeFields.map((mode) => <Table.Td key={mode.field}>{t(insertModeCaptions[code[mode.field]])}</Table.Td>)}
            <Table.Td>
              <Group gap={4} justify="flex-end" wrap="nowrap">
                <Button size="compact-xs" variant="default" aria-label={t('Edit code {{code}}', { code: code.code })} onClick={() => onEdit(code)}>{t('Edit')}</Button>
                <ActionIcon size="sm" variant="subtle" color="red" aria-label={t('Delete code {{code}}', { code: code.code })} onClick={() => onDelete(code)}>✕</ActionIcon>
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
