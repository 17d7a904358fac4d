import { Badge, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import type { DocumentTotals } from '../api/types.ts';
import type { SupportedLocale } from '../format/locales.ts';
import { formatAmount } from '../format/numbers.ts';
import { useCaptions } from '../i18n/captions.ts';

interface DocumentTotalsPanelProps {
  totals: DocumentTotals;
  /** Totals computed in the browser from what is typed but not saved yet. */
  preview: DocumentTotals | null;
  currencyCode: string | null;
  locale: SupportedLocale;
}

const rows: ReadonlyArray<{ field: keyof DocumentTotals; label: string; strong?: boolean }> = [
  { field: 'lineAmount', label: 'Subtotal Excl. VAT' },
  { field: 'lineDiscountAmount', label: 'Line Discount Amount' },
  { field: 'invoiceDiscountAmount', label: 'Invoice Discount Amount' },
  { field: 'amount', label: 'Total Excl. VAT' },
  { field: 'vatAmount', label: 'Total VAT' },
  { field: 'amountIncludingVat', label: 'Total Incl. VAT', strong: true },
];

/** The totals under the lines, as BC's sales document subform shows them. */
export function DocumentTotalsPanel({ totals, preview, currencyCode, locale }: DocumentTotalsPanelProps) {
  const t = useCaptions();
  const shown = preview ?? totals;
  return (
    <Paper withBorder p="sm" maw={420} ml="auto" aria-label={t('Totals')} component="section">
      <Stack gap={4}>
        {preview && <Group justify="flex-end"><Badge variant="light" color="orange">{t('Preview – not saved yet')}</Badge></Group>}
        <SimpleGrid cols={2} spacing="xs" verticalSpacing={2}>
          {rows.map((row) => [
            <Text key={`${row.field}-label`} size="sm" fw={row.strong ? 700 : undefined}>{t(row.label)}{currencyCode ? ` (${currencyCode})` : ''}</Text>,
            <Text key={row.field} size="sm" ta="right" fw={row.strong ? 700 : undefined} data-total={row.field} fs={preview ? 'italic' : undefined}>
              {formatAmount(shown[row.field], locale)}
            </Text>,
          ])}
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}
