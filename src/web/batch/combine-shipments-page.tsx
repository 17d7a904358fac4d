import { Alert, Button, Checkbox, Fieldset, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import { messageOf } from '../api/field-errors.ts';
import type { CombineShipmentsResult, Job } from '../api/posting-types.ts';
import { DateField } from '../components/date-field.tsx';
import { customerLookup } from '../components/lookup-sources.ts';
import { RecordLookup } from '../components/record-lookup.tsx';
import { formatAmount } from '../format/numbers.ts';
import type { SupportedLocale } from '../format/locales.ts';
import { useCaptions } from '../i18n/captions.ts';
import { useSession } from '../session/session-store.ts';
import { CombineShipmentsOutcome } from './combine-shipments-outcome.tsx';
import { JobProgress } from './job-progress.tsx';
import { jobFinished, useBatchJob } from './use-job.ts';

/** What POST /combineShipments with dryRun answers: the invoices the job would make. */
interface CombineShipmentsPreview {
  invoices: Array<{ sellToCustomerNo: string; billToCustomerNo: string; billToName: string; currencyCode: string; shipmentNos: string[]; lineCount: number; lineAmount: string }>;
  blocked: Array<{ shipmentNo: string; customerNo: string; blocked: string }>;
}

interface CombineShipmentsInput {
  postingDate: string | null;
  documentDate: string | null;
  sellToCustomerNo: string;
  postInvoices: boolean;
  calcInvoiceDiscount: boolean;
}

/**
 * BC's Combine Shipments: one invoice per customer for the shipped, not invoiced order lines of
 * customers that combine shipments. It runs as a background job; the page follows its progress.
 * Preview asks the same question as a dry run and shows the invoices it would make.
 */
const requestBody = ({ sellToCustomerNo, ...rest }: CombineShipmentsInput) => ({ ...rest, ...(sellToCustomerNo.trim() ? { sellToCustomerNo: sellToCustomerNo.trim() } : {}) });

export function CombineShipmentsPage() {
  const t = useCaptions();
  const { workDate, locale } = useSession();
  const { input, set, submit, running, errors, startError, job } = useBatchJob<CombineShipmentsInput, CombineShipmentsResult>(
    { postingDate: workDate, documentDate: workDate, sellToCustomerNo: '', postInvoices: false, calcInvoiceDiscount: false },
    (values) => api.post<{ job: Job }>('/combineShipments', requestBody(values)),
  );
  const preview = useMutation({ mutationFn: (values: CombineShipmentsInput) => api.post<CombineShipmentsPreview>('/combineShipments', { ...requestBody(values), dryRun: true }) });

  return (
    <Stack gap="sm" maw={900}>
      <Title order={2}>{t('Combine Shipments')}</Title>
      <Text size="sm">{t('Creates one sales invoice per customer for the shipped, not invoiced lines of the customer\'s orders (customers with Combine Shipments on).')}</Text>
      <Stack component="form" onSubmit={submit} gap="sm" aria-label={t('Combine Shipments')}>
        <Fieldset legend={t('Options')}>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm" verticalSpacing="xs">
            <DateField label={t('Posting Date')} value={input.postingDate} error={errors.postingDate} onCommit={(value) => set('postingDate', value)} />
            <DateField label={t('Document Date')} value={input.documentDate} error={errors.documentDate} onCommit={(value) => set('documentDate', value)} />
            <RecordLookup source={customerLookup} value={input.sellToCustomerNo} onChange={(text) => set('sellToCustomerNo', text)} onCommit={(key) => set('sellToCustomerNo', key)}
              inputProps={{ label: t('Sell-to Customer No. (all when empty)'), error: errors.sellToCustomerNo }} />
            <Checkbox mt="lg" label={t('Post Sales Invoices')} checked={input.postInvoices} onChange={(event) => set('postInvoices', event.currentTarget.checked)} />
            <Checkbox mt="lg" label={t('Calc. Inv. Discount')} checked={input.calcInvoiceDiscount} onChange={(event) => set('calcInvoiceDiscount', event.currentTarget.checked)} />
          </SimpleGrid>
        </Fieldset>
        {startError && <Alert color="red" role="alert">{messageOf(startError)}</Alert>}
        <Group>
          <Button type="submit" loading={running}>{t('Combine Shipments')}</Button>
          <Button variant="default" loading={preview.isPending} onClick={() => preview.mutate(input)}>{t('Preview')}</Button>
        </Group>
      </Stack>
      {preview.error && <Alert color="red" role="alert">{messageOf(preview.error)}</Alert>}
      {preview.data && <CombinePreview preview={preview.data} locale={locale} />}
      {job.error && <Alert color="red" role="alert">{messageOf(job.error)}</Alert>}
      {job.data && <JobProgress job={job.data} />}
      {job.data && jobFinished(job.data) && <CombineShipmentsOutcome job={job.data} />}
    </Stack>
  );
}

/** The dry run's answer: per invoice to be made, its customer, currency, shipments and amount; and the shipments left out. */
function CombinePreview({ preview, locale }: { preview: CombineShipmentsPreview; locale: SupportedLocale }) {
  const t = useCaptions();
  const { invoices, blocked } = preview;
  const invoiced = { number: invoices.length };
  const leftOut = { number: blocked.length };
  return (
    <Stack gap="xs">
      <Title order={3}>{t('Preview')}</Title>
      <Text size="sm" data-testid="combine-preview-summary">
        {invoices.length === 0 ? t('Nothing would be invoiced.')
          : invoices.length === 1 ? t('{{number}} invoice would be created.', invoiced) : t('{{number}} invoices would be created.', invoiced)}
        {blocked.length > 0
          && ` ${blocked.length === 1 ? t('{{number}} shipment is left out: the customer is blocked.', leftOut) : t('{{number}} shipments are left out: the customer is blocked.', leftOut)}`}
      </Text>
      {invoices.length > 0 && (
        <Table striped withTableBorder aria-label={t('Invoices to be created')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('Sell-to Customer No.')}</Table.Th><Table.Th>{t('Bill-to Customer No.')}</Table.Th><Table.Th>{t('Bill-to Name')}</Table.Th><Table.Th>{t('Currency Code')}</Table.Th>
              <Table.Th>{t('Shipments')}</Table.Th><Table.Th ta="right">{t('Lines')}</Table.Th><Table.Th ta="right">{t('Line Amount Excl. VAT')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {invoices.map((invoice) => (
              <Table.Tr key={`${invoice.sellToCustomerNo}:${invoice.billToCustomerNo}:${invoice.currencyCode}:${invoice.shipmentNos.join(',')}`}>
                <Table.Td>{invoice.sellToCustomerNo}</Table.Td><Table.Td>{invoice.billToCustomerNo}</Table.Td><Table.Td>{invoice.billToName}</Table.Td>
                <Table.Td>{invoice.currencyCode}</Table.Td><Table.Td>{invoice.shipmentNos.join(', ')}</Table.Td>
                <Table.Td ta="right">{invoice.lineCount}</Table.Td><Table.Td ta="right">{formatAmount(invoice.lineAmount, locale)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {blocked.length > 0 && <Text size="sm" c="dimmed">{t('Left out:')} {blocked.map((entry) => `${entry.shipmentNo} (${entry.customerNo})`).join(', ')}</Text>}
    </Stack>
  );
}
