import { Alert, Anchor, Button, Group, Loader, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { api, encodeKey, withQuery } from '../api/client.ts';
import { downloadFile } from '../api/download.ts';
import { messageOf } from '../api/field-errors.ts';
import { DateField } from '../components/date-field.tsx';
import { formatDate } from '../format/dates.ts';
import type { SupportedLocale } from '../format/locales.ts';
import { formatAmount } from '../format/numbers.ts';
import { useCaptions } from '../i18n/captions.ts';
import { findEntriesPath } from '../ledgers/entries-table.tsx';
import { documentTypeCaption } from './customer-entries.ts';
import { useSession } from '../session/session-store.ts';
import { downloadCsv } from './report-download.ts';
import type { CustomerStatementReport } from './report-types.ts';

interface Period { from: string; to: string }

/** BC's Customer Statement for a period, reached from the customer card; the period lives in the address. */
export function CustomerStatementPage() {
  const { no = '' } = useParams();
  const { workDate } = useSession();
  const t = useCaptions();
  const [searchParams, setSearchParams] = useSearchParams();
  const period = { from: searchParams.get('from') ?? `${workDate.slice(0, 8)}01`, to: searchParams.get('to') ?? workDate };
  return (
    <Stack gap="sm">
      <Title order={2}>{t('Customer Statement')} – <Anchor component={Link} to={`/customers/${encodeURIComponent(no)}`} inherit>{no}</Anchor></Title>
      <PeriodForm key={`${period.from}/${period.to}`} period={period} onShow={(next) => setSearchParams({ ...next })} />
      <StatementResult customerNo={no} period={period} />
    </Stack>
  );
}

function PeriodForm({ period, onShow }: { period: Period; onShow: (next: Period) => void }) {
  const t = useCaptions();
  const [draft, setDraft] = useState(period);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onShow(draft);
  };
  return (
    <Group component="form" onSubmit={submit} align="start" aria-label={t('Statement period')}>
      <DateField label={t('Start date')} value={draft.from} onCommit={(from) => from && setDraft({ ...draft, from })} />
      <DateField label={t('End date')} value={draft.to} onCommit={(to) => to && setDraft({ ...draft, to })} />
      <Button type="submit" mt={25}>{t('Show')}</Button>
    </Group>
  );
}

function StatementResult({ customerNo, period }: { customerNo: string; period: Period }) {
  const { locale } = useSession();
  const t = useCaptions();
  const path = withQuery(`/customers/${encodeKey(customerNo)}/statement`, { ...period });
  const statement = useQuery({ queryKey: ['customerStatement', customerNo, period], queryFn: () => api.get<CustomerStatementReport>(path) });
  const download = useMutation({ mutationFn: () => downloadCsv(path) });
  // The statement as the customer gets it (BC's Standard Statement): per currency, with the aging, in the customer's language.
  const print = useMutation({
    mutationFn: () => downloadFile(`/api/v1${withQuery(`/customers/${encodeKey(customerNo)}/statement/pdf`, { ...period })}`, 'application/pdf', 'statement.pdf'),
  });
  if (statement.error) return <Alert color="red" role="alert">{messageOf(statement.error)}</Alert>;
  if (!statement.data) return <Loader />;
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Text size="sm">
          {t('{{name}}: what was posted from {{from}} to {{to}}, amounts in LCY.', { name: statement.data.name, from: formatDate(period.from, locale), to: formatDate(period.to, locale) })}
        </Text>
        <Group gap="xs">
          <Button variant="default" onClick={() => print.mutate()} loading={print.isPending}>{t('Print Statement')}</Button>
          <Button variant="default" onClick={() => download.mutate()} loading={download.isPending}>{t('Download CSV')}</Button>
        </Group>
      </Group>
      {download.error && <Alert color="red" role="alert">{messageOf(download.error)}</Alert>}
      {print.error && <Alert color="red" role="alert">{messageOf(print.error)}</Alert>}
      <StatementTable statement={statement.data} locale={locale} />
    </Stack>
  );
}

function BalanceRow({ label, date, balance, locale, figure }: { label: string; date: string; balance: string; locale: SupportedLocale; figure: string }) {
  return (
    <Table.Tr fw={700}>
      <Table.Td>{formatDate(date, locale)}</Table.Td>
      <Table.Td colSpan={7}>{label}</Table.Td>
      <Table.Td ta="right" data-figure={figure}>{formatAmount(balance, locale)}</Table.Td>
    </Table.Tr>
  );
}

function StatementTable({ statement, locale }: { statement: CustomerStatementReport; locale: SupportedLocale }) {
  const t = useCaptions();
  const headings = [t('Posting Date'), t('Document Type'), t('Document No.'), t('Description'), t('Due Date'), t('Currency Code'), t('Amount'), t('Amount (LCY)'), t('Balance (LCY)')];
  return (
    <ScrollArea type="auto">
      <Table striped withTableBorder fz="sm" aria-label={t('Statement lines')} miw={1000}>
        <Table.Thead>
          <Table.Tr>
            {headings.map((heading, index) => (
              <Table.Th key={index} ta={index >= 6 ? 'right' : undefined}>{heading}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          <BalanceRow label={t('Opening balance')} date={statement.from} balance={statement.openingBalanceLcy} locale={locale} figure="openingBalanceLcy" />
          {statement.lines.map((line, index) => (
            <Table.Tr key={index}>
              <Table.Td>{formatDate(line.postingDate, locale)}</Table.Td>
              <Table.Td>{line.documentType ? documentTypeCaption(line.documentType) : ''}</Table.Td>
              <Table.Td><Anchor component={Link} to={findEntriesPath(line.documentNo)} size="sm">{line.documentNo}</Anchor></Table.Td>
              <Table.Td>{line.description}</Table.Td>
              <Table.Td>{formatDate(line.dueDate, locale)}</Table.Td>
              <Table.Td>{line.currencyCode}</Table.Td>
              <Table.Td ta="right">{formatAmount(line.amount, locale)}</Table.Td>
              <Table.Td ta="right">{formatAmount(line.amountLcy, locale)}</Table.Td>
              <Table.Td ta="right">{formatAmount(line.balanceLcy, locale)}</Table.Td>
            </Table.Tr>
          ))}
          <BalanceRow label={t('Closing balance')} date={statement.to} balance={statement.closingBalanceLcy} locale={locale} figure="closingBalanceLcy" />
        </Table.Tbody>
      </Table>
    </ScrollArea>
  );
}
