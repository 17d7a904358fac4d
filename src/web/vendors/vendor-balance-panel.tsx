import { Alert, Anchor, Fieldset, Loader, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, withQuery } from '../api/client.ts';
import { messageOf } from '../api/field-errors.ts';
import type { Page } from '../api/types.ts';
import { formatAmount } from '../format/numbers.ts';
import { useSession } from '../session/session-store.ts';
import { vendorBalanceLcy, type OpenVendorEntry } from './vendor-balance.ts';
import { openVendorEntriesPath } from './vendor-links.ts';
import { useCaptions } from '../i18n/captions.ts';

/** Every open entry of the vendor, page by page: the balance is their sum, not that of the first page. */
async function openVendorEntries(vendorNo: string): Promise<OpenVendorEntry[]> {
  const entries: OpenVendorEntry[] = [];
  let cursor: string | undefined;
  do {
    const page = await api.get<Page<OpenVendorEntry>>(withQuery('/vendorLedgerEntries', { vendorNo, open: 'true', limit: 1000, cursor }));
    entries.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return entries;
}

/** Balance (LCY), from the vendor's open ledger entries, leading to those entries. */
export function VendorBalancePanel({ vendorNo }: { vendorNo: string }) {
  const t = useCaptions();
  const { locale } = useSession();
  const balance = useQuery({ queryKey: ['vendorBalance', vendorNo], queryFn: async () => vendorBalanceLcy(await openVendorEntries(vendorNo)) });
  return (
    <Fieldset legend={t('Statistics')} aria-label={t('Vendor statistics')}>
      {balance.error && <Alert color="red" role="alert">{messageOf(balance.error)}</Alert>}
      <Stack gap={0}>
        <Text size="xs" c="dimmed">{t('Balance (LCY)')}</Text>
        {balance.isPending ? <Loader size="xs" /> : balance.data !== undefined && (
          <Anchor component={Link} to={openVendorEntriesPath(vendorNo)} size="sm" fw={600} data-figure="balanceLcy">{formatAmount(balance.data, locale)}</Anchor>
        )}
      </Stack>
    </Fieldset>
  );
}
