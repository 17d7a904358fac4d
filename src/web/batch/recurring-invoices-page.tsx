import { Alert, Anchor, Button, Fieldset, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { api } from '../api/client.ts';
import { messageOf } from '../api/field-errors.ts';
import type { Job } from '../api/posting-types.ts';
import { CodeSelect } from '../components/code-select.tsx';
import { DateField } from '../components/date-field.tsx';
import { customerLookup } from '../components/lookup-sources.ts';
import { RecordLookup } from '../components/record-lookup.tsx';
import { useCaptions } from '../i18n/captions.ts';
import { documentKinds, documentPath } from '../sales/document-kinds.ts';
import { useSession } from '../session/session-store.ts';
import type { RecurringSalesInvoicesResult } from '../standard-sales/standard-sales-types.ts';
import { JobProgress } from './job-progress.tsx';
import { jobErrorText, jobFinished, useBatchJob } from './use-job.ts';

interface RecurringInvoicesInput {
  orderDate: string | null;
  postingDate: string | null;
  customerNo: string;
  code: string | null;
}

/** The request as the API takes it: empty filters left out (all customers, all codes). */
function requestBody({ customerNo, code, ...dates }: RecurringInvoicesInput) {
  return { ...dates, ...(customerNo.trim() ? { customerNo: customerNo.trim() } : {}), ...(code ? { code } : {}) };
}

/**
 * BC's Create Recurring Sales Invoices (spec §9.4): one invoice per customer's standard sales code
 * that is valid on the order date and not blocked, with the code's lines. Run as a background job;
 * a code that has its invoice for the order date already gets none again.
 */
export function RecurringInvoicesPage() {
  const t = useCaptions();
  const { workDate } = useSession();
  const { input, set, submit, running, errors, startError, job } = useBatchJob<RecurringInvoicesInput, RecurringSalesInvoicesResult>(
    { orderDate: workDate, postingDate: workDate, customerNo: '', code: null },
    (body) => api.post<{ job: Job }>('/createRecurringSalesInvoices', requestBody(body)),
  );

  return (
    <Stack gap="sm" maw={900}>
      <Title order={2}>{t('Create Recurring Sales Invoices')}</Title>
      <Text size="sm">
        {t('Creates a sales invoice for every customer\'s recurring sales code that is valid on the order date and not blocked, with the code\'s lines, payment method and payment terms. The invoices are not posted.')}
      </Text>
      <Stack component="form" onSubmit={submit} gap="sm" aria-label={t('Create Recurring Sales Invoices')}>
        <Fieldset legend={t('Options')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="xs">
            <DateField label={t('Order Date')} value={input.orderDate} error={errors.orderDate} onCommit={(value) => set('orderDate', value)} />
            <DateField label={t('Posting Date')} value={input.postingDate} error={errors.postingDate} onCommit={(value) => set('postingDate', value)} />
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend={t('Standard Customer Sales Code')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="xs">
            <RecordLookup source={customerLookup} value={input.customerNo} onChange={(text) => set('customerNo', text)} onCommit={(key) => set('customerNo', key)}
              inputProps={{ label: t('Customer No. (all when empty)'), error: errors.customerNo }} />
            <CodeSelect lookup="/standardSalesCodes" label={t('Code (all when empty)')} value={input.code} error={errors.code} onChange={(code) => set('code', code)} />
          </SimpleGrid>
        </Fieldset>
        {startError && <Alert color="red" role="alert">{messageOf(startError)}</Alert>}
        <Group><Button type="submit" loading={running}>{t('Create Invoices')}</Button></Group>
      </Stack>
      {job.error && <Alert color="red" role="alert">{messageOf(job.error)}</Alert>}
      {job.data && <JobProgress job={job.data} />}
      {job.data && jobFinished(job.data) && <RecurringInvoicesOutcome job={job.data} />}
    </Stack>
  );
}

/** How many invoices the run made (with links), which codes had theirs already, and which got none, with the reason. */
function RecurringInvoicesOutcome({ job }: { job: Job<RecurringSalesInvoicesResult> }) {
  const t = useCaptions();
  if (job.status === 'failed') return <Alert color="red" role="alert">{t('The batch failed:')} {jobErrorText(job.error, job.message)}</Alert>;
  const result = job.result;
  if (!result) return null;
  return (
    <Stack gap="xs" aria-label={t('Result')}>
      <Text size="sm" data-testid="recurring-invoices-outcome"><strong data-testid="invoices-created">{result.invoicesCreated}</strong> {t('invoice(s) created.')}</Text>
      {result.invoiceNos.length > 0 && (
        <Group gap="xs">
          <Text size="sm">{t('Sales invoices:')}</Text>
          {result.invoiceNos.map((no) => <Anchor key={no} component={Link} to={documentPath(documentKinds.invoice, no)} size="sm">{no}</Anchor>)}
        </Group>
      )}
      {result.alreadyCreated.length > 0 && (
        <Alert color="blue" title={t('{{number}} code(s) have their invoice for this order date already', { number: result.alreadyCreated.length })}>
          <List size="sm">
            {result.alreadyCreated.map((done) => (
              <List.Item key={`${done.customerNo}/${done.code}`}>
                {done.customerNo} · {done.code}: {t('invoice {{no}}', { no: done.invoiceNo })}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      {result.skipped.length > 0 && (
        <Alert color="orange" title={t('{{number}} code(s) got no invoice', { number: result.skipped.length })}>
          <List size="sm">{result.skipped.map((skip) => <List.Item key={`${skip.customerNo}/${skip.code}`}>{skip.customerNo} · {skip.code}: {skip.message}</List.Item>)}</List>
        </Alert>
      )}
    </Stack>
  );
}
