import { Alert, Button, Checkbox, Fieldset, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { api } from '../api/client.ts';
import { messageOf } from '../api/field-errors.ts';
import type { CombineShipmentsResult, Job } from '../api/posting-types.ts';
import { DateField } from '../components/date-field.tsx';
import { customerLookup } from '../components/lookup-sources.ts';
import { RecordLookup } from '../components/record-lookup.tsx';
import { useSession } from '../session/session-store.ts';
import { CombineShipmentsOutcome } from './combine-shipments-outcome.tsx';
import { JobProgress } from './job-progress.tsx';
import { jobFinished, useBatchJob } from './use-job.ts';

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
 */
export function CombineShipmentsPage() {
  const { workDate } = useSession();
  const { input, set, submit, running, errors, startError, job } = useBatchJob<CombineShipmentsInput, CombineShipmentsResult>(
    { postingDate: workDate, documentDate: workDate, sellToCustomerNo: '', postInvoices: false, calcInvoiceDiscount: false },
    ({ sellToCustomerNo, ...rest }) => api.post<{ job: Job }>('/combineShipments', { ...rest, ...(sellToCustomerNo.trim() ? { sellToCustomerNo: sellToCustomerNo.trim() } : {}) }),
  );

  return (
    <Stack gap="sm" maw={900}>
      <Title order={2}>Combine Shipments</Title>
      <Text size="sm">Creates one sales invoice per customer for the shipped, not invoiced lines of the customer's orders (customers with Combine Shipments on).</Text>
      <Stack component="form" onSubmit={submit} gap="sm" aria-label="Combine Shipments">
        <Fieldset legend="Options">
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm" verticalSpacing="xs">
            <DateField label="Posting Date" value={input.postingDate} error={errors.postingDate} onCommit={(value) => set('postingDate', value)} />
            <DateField label="Document Date" value={input.documentDate} error={errors.documentDate} onCommit={(value) => set('documentDate', value)} />
            <RecordLookup source={customerLookup} value={input.sellToCustomerNo} onChange={(text) => set('sellToCustomerNo', text)} onCommit={(key) => set('sellToCustomerNo', key)}
              inputProps={{ label: 'Sell-to Customer No. (all when empty)', error: errors.sellToCustomerNo }} />
            <Checkbox mt="lg" label="Post Sales Invoices" checked={input.postInvoices} onChange={(event) => set('postInvoices', event.currentTarget.checked)} />
            <Checkbox mt="lg" label="Calc. Inv. Discount" checked={input.calcInvoiceDiscount} onChange={(event) => set('calcInvoiceDiscount', event.currentTarget.checked)} />
          </SimpleGrid>
        </Fieldset>
        {startError && <Alert color="red" role="alert">{messageOf(startError)}</Alert>}
        <Group><Button type="submit" loading={running}>Combine Shipments</Button></Group>
      </Stack>
      {job.error && <Alert color="red" role="alert">{messageOf(job.error)}</Alert>}
      {job.data && <JobProgress job={job.data} />}
      {job.data && jobFinished(job.data) && <CombineShipmentsOutcome job={job.data} />}
    </Stack>
  );
}
