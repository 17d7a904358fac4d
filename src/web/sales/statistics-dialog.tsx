import { Alert, Loader, Modal, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api, encodeKey } from '../api/client.ts';
import { messageOf } from '../api/field-errors.ts';
import type { DocumentStatistics, SalesDocument } from '../api/types.ts';
import type { SupportedLocale } from '../format/locales.ts';
import { formatAmount, formatQuantity } from '../format/numbers.ts';
import { useCaptions } from '../i18n/captions.ts';
import type { DocumentKind } from './document-kinds.ts';

interface StatisticsDialogProps {
  kind: DocumentKind;
  document: SalesDocument;
  opened: boolean;
  onClose: () => void;
  locale: SupportedLocale;
}

/** BC's Sales Statistics: amounts, cost and profit in LCY, and the VAT per VAT identifier. */
export function StatisticsDialog({ kind, document, opened, onClose, locale }: StatisticsDialogProps) {
  const t = useCaptions();
  const statistics = useQuery({
    queryKey: ['statistics', kind.type, document.no, document.version],
    queryFn: () => api.get<DocumentStatistics>(`/${kind.resource}/${encodeKey(document.no)}/statistics`),
    enabled: opened,
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('{{document}} Statistics – {{no}}', { document: t(kind.caption), no: document.no })} size="xl">
      {statistics.error && <Alert color="red" role="alert">{messageOf(statistics.error)}</Alert>}
      {!statistics.data ? <Loader /> : <StatisticsContent statistics={statistics.data} locale={locale} />}
    </Modal>
  );
}

function StatisticsContent({ statistics, locale }: { statistics: DocumentStatistics; locale: SupportedLocale }) {
  const t = useCaptions();
  const amount = (value: string) => formatAmount(value, locale);
  const figures: ReadonlyArray<[string, string]> = [
    ['Amount', amount(statistics.totals.amount)],
    ['Invoice Discount Amount', amount(statistics.totals.invoiceDiscountAmount)],
    ['Total VAT', amount(statistics.totals.vatAmount)],
    ['Total Incl. VAT', amount(statistics.totals.amountIncludingVat)],
    ['Sales (LCY)', amount(statistics.amountLcy)],
    ['Original Cost (LCY)', amount(statistics.costLcy)],
    ['Original Profit (LCY)', amount(statistics.profitLcy)],
    ['Original Profit %', formatQuantity(statistics.profitPercent, locale)],
    ['Quantity', formatQuantity(statistics.quantity, locale)],
  ];
  return (
    <Stack>
      <SimpleGrid cols={2} spacing="xs" verticalSpacing={2} maw={460}>
        {figures.map(([label, value]) => [<Text key={label} size="sm">{t(label)}</Text>, <Text key={`${label}-value`} size="sm" ta="right">{value}</Text>])}
      </SimpleGrid>
      <Title order={5}>{t('VAT breakdown')}</Title>
      <Table withTableBorder aria-label={t('VAT breakdown')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('VAT Identifier')}</Table.Th>
            <Table.Th ta="right">{t('VAT %')}</Table.Th>
            <Table.Th ta="right">{t('Line Amount')}</Table.Th>
            <Table.Th ta="right">{t('Inv. Disc. Amount')}</Table.Th>
            <Table.Th ta="right">{t('VAT Base')}</Table.Th>
            <Table.Th ta="right">{t('VAT Amount')}</Table.Th>
            <Table.Th ta="right">{t('Amount Incl. VAT')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {statistics.vatBreakdown.map((row) => (
            <Table.Tr key={`${row.vatIdentifier}-${row.vatPercent}-${row.vatCalculationType}`}>
              <Table.Td>{row.vatIdentifier}</Table.Td>
              <Table.Td ta="right">{formatQuantity(row.vatPercent, locale)}</Table.Td>
              <Table.Td ta="right">{amount(row.lineAmount)}</Table.Td>
              <Table.Td ta="right">{amount(row.invoiceDiscountAmount)}</Table.Td>
              <Table.Td ta="right">{amount(row.vatBaseAmount)}</Table.Td>
              <Table.Td ta="right">{amount(row.vatAmount)}</Table.Td>
              <Table.Td ta="right">{amount(row.amountIncludingVat)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
