import { Alert, Anchor, Fieldset, Loader, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { isDecimalString } from '../../core/money/decimal.ts';
import { api, encodeKey, withQuery } from '../api/client.ts';
import { messageOf } from '../api/field-errors.ts';
import { captionOf } from '../format/captions.ts';
import { formatAmount } from '../format/numbers.ts';
import { useSession } from '../session/session-store.ts';
import { useCaptions } from '../i18n/captions.ts';

/** BC's captions for the figures the API has; a figure it adds later shows under a caption made from its name. */
const captions: Readonly<Record<string, string>> = {
  balanceLcy: 'Balance (LCY)',
  balanceDueLcy: 'Balance Due (LCY)',
  creditLimitLcy: 'Credit Limit (LCY)',
  salesLcy: 'Sales (LCY)',
  salesLcyThisYear: 'Sales (LCY) This Year',
  profitLcyThisYear: 'Profit (LCY) This Year',
  outstandingOrdersLcy: 'Outstanding Orders (LCY)',
  shippedNotInvoicedLcy: 'Shipped Not Invoiced (LCY)',
  outstandingInvoicesLcy: 'Outstanding Invoices (LCY)',
  outstandingReturnOrdersLcy: 'Outstanding Return Orders (LCY)',
  returnReceivedNotInvoicedLcy: 'Return Received Not Invoiced (LCY)',
  outstandingCreditMemosLcy: 'Outstanding Credit Memos (LCY)',
};

/** Balance and the other figures of GET /customers/{no}/statistics, at the work date. */
export function CustomerStatisticsPanel({ customerNo }: { customerNo: string }) {
  const t = useCaptions();
  const { locale, workDate } = useSession();
  const statistics = useQuery({
    queryKey: ['customerStatistics', customerNo, workDate],
    queryFn: () => api.get<Record<string, unknown>>(`/customers/${encodeKey(customerNo)}/statistics`),
  });
  const figures = Object.entries(statistics.data ?? {}).filter((entry): entry is [string, string] => isDecimalString(entry[1]));
  const openEntries = withQuery('/ledgers/customer-ledger-entries', { customerNo, open: 'true' });
  return (
    <Fieldset legend={t('Statistics')} aria-label={t('Customer statistics')}>
      {statistics.error && <Alert color="red" role="alert">{messageOf(statistics.error)}</Alert>}
      {statistics.isPending && <Loader size="sm" />}
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm" verticalSpacing="xs">
        {figures.map(([field, value]) => (
          <Stack key={field} gap={0}>
            <Text size="xs" c="dimmed">{t(captions[field] ?? captionOf(field))}</Text>
            {field === 'balanceLcy'
              ? <Anchor component={Link} to={openEntries} size="sm" fw={600} data-figure={field}>{formatAmount(value, locale)}</Anchor>
              : <Text size="sm" data-figure={field}>{formatAmount(value, locale)}</Text>}
          </Stack>
        ))}
      </SimpleGrid>
    </Fieldset>
  );
}
