import { Alert, Anchor, Button, Group, Loader, ScrollArea, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { agingBases, defaultPeriodLength, isAgingPeriodLength, type AgingBasis } from '../../core/receivables/aging.ts';
import { api, withQuery } from '../api/client.ts';
import { messageOf } from '../api/field-errors.ts';
import { DateField } from '../components/date-field.tsx';
import { formatAmount } from '../format/numbers.ts';
import type { SupportedLocale } from '../format/locales.ts';
import { caption, useCaptions } from '../i18n/captions.ts';
import { useSession } from '../session/session-store.ts';
import { downloadCsv } from './report-download.ts';
import type { AgedReceivablesReport } from './report-types.ts';

const agingByCaptions: Readonly<Record<AgingBasis, string>> = { dueDate: 'Due Date', postingDate: 'Posting Date', documentDate: 'Document Date' };

/** A bucket's heading as the server words it ('Current', '31–60 days', 'Over 90 days'), in the language in use. */
function bucketCaption(label: string): string {
  const range = /^(\d+)–(\d+) days$/.exec(label);
  if (range) return caption('{{from}}–{{to}} days', { from: range[1], to: range[2] });
  const over = /^Over (\d+) days$/.exec(label);
  if (over) return caption('Over {{days}} days', { days: over[1] });
  return caption(label);
}

interface ReportParameters { asOf: string; agingBy: AgingBasis; periodLength: string }

/** The report's parameters live in the address, so a report can be bookmarked and reloaded. */
function useReportParameters(workDate: string): [ReportParameters, (next: ReportParameters) => void] {
  const [searchParams, setSearchParams] = useSearchParams();
  const agingBy = searchParams.get('agingBy');
  const parameters = {
    asOf: searchParams.get('asOf') ?? workDate,
    agingBy: (agingBases as readonly string[]).includes(agingBy ?? '') ? agingBy as AgingBasis : 'dueDate',
    periodLength: searchParams.get('periodLength') ?? defaultPeriodLength,
  };
  return [parameters, (next) => setSearchParams({ asOf: next.asOf, agingBy: next.agingBy, periodLength: next.periodLength })];
}

/** BC's Aged Accounts Receivable: what each customer has open as of a date, by how long overdue; downloadable as CSV. */
export function AgedReceivablesPage() {
  const { workDate } = useSession();
  const [parameters, setParameters] = useReportParameters(workDate);
  const t = useCaptions();
  return (
    <Stack gap="sm">
      <Title order={2}>{t('Aged Receivables')}</Title>
      <ReportForm key={JSON.stringify(parameters)} parameters={parameters} onShow={setParameters} />
      <ReportResult parameters={parameters} />
    </Stack>
  );
}

function ReportForm({ parameters, onShow }: { parameters: ReportParameters; onShow: (next: ReportParameters) => void }) {
  const t = useCaptions();
  const [draft, setDraft] = useState(parameters);
  const periodError = isAgingPeriodLength(draft.periodLength.trim().toUpperCase()) ? undefined : t('must be one period such as 30D, 1M or 1Q');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!periodError) onShow({ ...draft, periodLength: draft.periodLength.trim().toUpperCase() });
  };
  return (
    <Group component="form" onSubmit={submit} align="start" aria-label={t('Report options')}>
      <DateField label={t('Aged as of')} value={draft.asOf} onCommit={(asOf) => asOf && setDraft({ ...draft, asOf })} />
      <Select label={t('Aging by')} data={agingBases.map((value) => ({ value, label: t(agingByCaptions[value]) }))} value={draft.agingBy} allowDeselect={false}
        onChange={(value) => value && setDraft({ ...draft, agingBy: value as AgingBasis })} w={160} />
      <TextInput label={t('Period length')} value={draft.periodLength} error={periodError} w={120} autoComplete="off"
        onChange={(event) => setDraft({ ...draft, periodLength: event.currentTarget.value })} />
      <Button type="submit" mt={25}>{t('Show')}</Button>
    </Group>
  );
}

function ReportResult({ parameters }: { parameters: ReportParameters }) {
  const { locale } = useSession();
  const t = useCaptions();
  const path = withQuery('/receivables/agedReceivables', { ...parameters });
  const report = useQuery({ queryKey: ['agedReceivables', parameters], queryFn: () => api.get<AgedReceivablesReport>(path) });
  const download = useMutation({ mutationFn: () => downloadCsv(path) });
  if (report.error) return <Alert color="red" role="alert">{messageOf(report.error)}</Alert>;
  if (!report.data) return <Loader />;
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('Open amounts in LCY, aged by {{agingBy}}: entries and applications posted up to the as-of date.', { agingBy: t(agingByCaptions[report.data.agingBy]).toLowerCase() })}
        </Text>
        <Button variant="default" onClick={() => download.mutate()} loading={download.isPending}>{t('Download CSV')}</Button>
      </Group>
      {download.error && <Alert color="red" role="alert">{messageOf(download.error)}</Alert>}
      <AgedReceivablesTable report={report.data} locale={locale} />
    </Stack>
  );
}

function AgedReceivablesTable({ report, locale }: { report: AgedReceivablesReport; locale: SupportedLocale }) {
  const t = useCaptions();
  if (report.customers.length === 0) return <Text c="dimmed" size="sm">{t('No customer has anything open as of this date.')}</Text>;
  const amountCells = (amounts: string[], balance: string, key: string) => [
    ...amounts.map((amount, index) => <Table.Td key={`${key}-${index}`} ta="right" data-bucket={index}>{formatAmount(amount, locale)}</Table.Td>),
    <Table.Td key={`${key}-balance`} ta="right" fw={600} data-bucket="balance">{formatAmount(balance, locale)}</Table.Td>,
  ];
  return (
    <ScrollArea type="auto">
      <Table striped withTableBorder fz="sm" aria-label={t('Aged receivables')} miw={(report.buckets.length + 3) * 110}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('Customer No.')}</Table.Th>
            <Table.Th>{t('Name')}</Table.Th>
            {report.buckets.map((bucket) => <Table.Th key={bucket.label} ta="right">{bucketCaption(bucket.label)}</Table.Th>)}
            <Table.Th ta="right">{t('Balance (LCY)')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.customers.map((row) => (
            <Table.Tr key={row.customerNo} data-customer={row.customerNo}>
              <Table.Td><Anchor component={Link} to={`/customers/${encodeURIComponent(row.customerNo)}`} size="sm">{row.customerNo}</Anchor></Table.Td>
              <Table.Td>{row.name}</Table.Td>
              {amountCells(row.lcy.amounts, row.lcy.balance, row.customerNo)}
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr fw={700} data-customer="total">
            <Table.Td>{t('Total')}</Table.Td>
            <Table.Td />
            {amountCells(report.totals.lcy.amounts, report.totals.lcy.balance, 'total')}
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </ScrollArea>
  );
}
