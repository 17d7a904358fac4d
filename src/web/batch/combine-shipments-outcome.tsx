import { Alert, Anchor, Group, List, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { CombineShipmentsResult, Job } from '../api/posting-types.ts';
import { useCaptions } from '../i18n/captions.ts';
import { postedDocumentKinds, postedDocumentPath } from '../posted/posted-document-kinds.ts';
import { documentKinds, documentPath } from '../sales/document-kinds.ts';
import { jobErrorText } from './use-job.ts';

type BatchError = CombineShipmentsResult['errors'][number];

function errorText(error: BatchError): string {
  if (typeof error === 'string') return error;
  return error.invoiceNo ? `${error.invoiceNo}: ${error.message}` : error.message;
}

function InvoiceLinks({ label, numbers, pathOf }: { label: string; numbers: readonly string[]; pathOf: (no: string) => string }) {
  if (numbers.length === 0) return null;
  return (
    <Group gap="xs">
      <Text size="sm">{label}:</Text>
      {numbers.map((no) => <Anchor key={no} component={Link} to={pathOf(no)} size="sm">{no}</Anchor>)}
    </Group>
  );
}

/** What the batch made: the invoices (posted ones among the posted documents), and what it could not combine. */
export function CombineShipmentsOutcome({ job }: { job: Job<CombineShipmentsResult> }) {
  const t = useCaptions();
  if (job.status === 'failed') return <Alert color="red" role="alert">{t('The batch failed:')} {jobErrorText(job.error, job.message)}</Alert>;
  const result = job.result;
  if (!result) return null;
  const posted = result.postedInvoiceNos ?? [];
  // Posting deletes a sales invoice: when some were posted, only those refused are still open.
  const refused = result.errors.flatMap((error) => (typeof error === 'object' && error.invoiceNo ? [error.invoiceNo] : []));
  const open = result.invoicesPosted === 0 ? result.invoiceNos : result.invoiceNos.filter((no) => refused.includes(no));
  return (
    <Stack gap="xs" aria-label={t('Result')}>
      <Group gap="xl">
        <Text size="sm">{t('Invoices created:')} <strong data-testid="invoices-created">{result.invoicesCreated}</strong></Text>
        <Text size="sm">{t('Invoices posted:')} <strong data-testid="invoices-posted">{result.invoicesPosted}</strong></Text>
        {(result.skippedBlocked ?? 0) > 0 && <Text size="sm">{t('Customers skipped (blocked):')} <strong>{result.skippedBlocked}</strong></Text>}
      </Group>
      <InvoiceLinks label={t('Posted sales invoices')} numbers={posted} pathOf={(no) => postedDocumentPath(postedDocumentKinds.invoice, no)} />
      <InvoiceLinks label={t('Sales invoices')} numbers={open} pathOf={(no) => documentPath(documentKinds.invoice, no)} />
      {result.errors.length > 0 && (
        <Alert color="orange" title={t('{{number}} could not be posted', { number: result.errors.length })}>
          <List size="sm">{result.errors.map((error, index) => <List.Item key={index}>{errorText(error)}</List.Item>)}</List>
        </Alert>
      )}
    </Stack>
  );
}
