import { Alert, Anchor, Fieldset, Loader, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { messageOf } from '../api/field-errors.ts';
import type { SalesDocument } from '../api/types.ts';
import { formatDate } from '../format/dates.ts';
import type { SupportedLocale } from '../format/locales.ts';
import { useCaptions } from '../i18n/captions.ts';
import { formatAmount } from '../format/numbers.ts';
import { postedDocumentKindOf, postedDocumentPath } from '../posted/posted-document-kinds.ts';
import type { DocumentKind } from './document-kinds.ts';
import { hasOrderPrepayment, type OrderPrepayment } from './prepayment.ts';
import { useOrderPrepayment } from './prepayment-api.ts';

const figures: ReadonlyArray<{ field: keyof OrderPrepayment & string; label: string; withVat?: boolean }> = [
  { field: 'required', label: 'Prepayment Required' },
  { field: 'invoiced', label: 'Prepayment Invoiced' },
  { field: 'deducted', label: 'Prepayment Deducted' },
  { field: 'toInvoice', label: 'Prepayment to Invoice' },
  { field: 'toDeduct', label: 'Prepayment to Deduct' },
  { field: 'unpaid', label: 'Unpaid Prepayment', withVat: true },
];

const documentCaptions: Readonly<Record<string, string>> = { invoice: 'Prepayment Invoice', creditMemo: 'Prepayment Credit Memo' };

/**
 * The order's Prepayment FactBox (spec §26): what its lines require, what is invoiced, deducted and
 * left (excl. VAT, or incl. VAT when the order's prices include it), what the customer still owes
 * on the prepayment invoices, and the posted prepayment documents with links.
 */
export function PrepaymentPanel({ kind, document, locale }: { kind: DocumentKind; document: SalesDocument; locale: SupportedLocale }) {
  const t = useCaptions();
  const shown = hasOrderPrepayment(kind, document);
  const prepayment = useOrderPrepayment(document.no, document.version, shown);
  if (!shown) return null;
  const currency = document.currencyCode ? ` (${document.currencyCode})` : '';
  const basis = document.pricesIncludingVat ? t('Incl. VAT') : t('Excl. VAT');
  return (
    <Fieldset legend={t('Prepayment')} aria-label={t('Order prepayment')}>
      {prepayment.error && <Alert color="red" role="alert">{messageOf(prepayment.error)}</Alert>}
      {prepayment.isPending && <Loader size="sm" />}
      {prepayment.data && (
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 2, md: 3, lg: 6 }} spacing="sm" verticalSpacing="xs">
            {figures.map(({ field, label, withVat }) => (
              <Stack key={field} gap={0}>
                <Text size="xs" c="dimmed">{t(label)} {withVat ? t('Incl. VAT') : basis}{currency}</Text>
                <Text size="sm" data-figure={field}>{formatAmount(String(prepayment.data[field]), locale)}</Text>
              </Stack>
            ))}
          </SimpleGrid>
          <PrepaymentDocumentsTable prepayment={prepayment.data} locale={locale} />
        </Stack>
      )}
    </Fieldset>
  );
}

function PrepaymentDocumentsTable({ prepayment, locale }: { prepayment: OrderPrepayment; locale: SupportedLocale }) {
  const t = useCaptions();
  if (prepayment.documents.length === 0) return <Text size="sm" c="dimmed">{t('No prepayment invoice is posted yet.')}</Text>;
  return (
    <Table withTableBorder fz="sm" aria-label={t('Prepayment documents')} maw={900}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('Document Type')}</Table.Th><Table.Th>{t('No.')}</Table.Th><Table.Th>{t('Posting Date')}</Table.Th><Table.Th>{t('Due Date')}</Table.Th>
          <Table.Th ta="right">{t('Amount')}</Table.Th><Table.Th ta="right">{t('Amount Including VAT')}</Table.Th><Table.Th ta="right">{t('Remaining Amount')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {prepayment.documents.map((row) => {
          const postedKind = postedDocumentKindOf(row.documentType);
          return (
            <Table.Tr key={`${row.documentType}-${row.no}`} data-document={row.no}>
              <Table.Td>{t(documentCaptions[row.documentType] ?? row.documentType)}</Table.Td>
              <Table.Td>{postedKind ? <Anchor component={Link} to={postedDocumentPath(postedKind, row.no)} size="sm">{row.no}</Anchor> : row.no}</Table.Td>
              <Table.Td>{formatDate(row.postingDate, locale)}</Table.Td>
              <Table.Td>{formatDate(row.dueDate, locale)}</Table.Td>
              <Table.Td ta="right" data-field-value="amount">{formatAmount(row.amount, locale)}</Table.Td>
              <Table.Td ta="right" data-field-value="amountIncludingVat">{formatAmount(row.amountIncludingVat, locale)}</Table.Td>
              <Table.Td ta="right" data-field-value="remainingAmount">{formatAmount(row.remainingAmount, locale)}</Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
