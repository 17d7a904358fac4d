import { Alert, Button, Group, List, Loader, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { Link } from 'react-router';
import { messageOf } from '../api/field-errors.ts';
import { customerLookup } from '../components/lookup-sources.ts';
import { RecordLookup } from '../components/record-lookup.tsx';
import { formatDate } from '../format/dates.ts';
import type { SupportedLocale } from '../format/locales.ts';
import { formatAmount } from '../format/numbers.ts';
import { caption, useCaptions } from '../i18n/captions.ts';
import { showNotice } from '../layout/notices.ts';
import { findEntriesPath } from '../ledgers/entries-table.tsx';
import { useSession } from '../session/session-store.ts';
import { tickedMarks, totalReceived, type RegisterPaymentsResult } from './register-payments.ts';
import { RegisterPaymentsOptionsFields } from './register-payments-options.tsx';
import { documentLimit, useDefaultBalAccount, usePaymentDocuments, useRegisterPayments, type DocumentFilters, type RegisterPaymentsState } from './register-payments-state.ts';
import { RegisterPaymentsTable } from './register-payments-table.tsx';

const balAccountFields = ['balAccountType', 'balAccountNo'];

/** The notice of a posting: each payment document, with where to find its entries. */
function noticeOf(result: RegisterPaymentsResult, lumpPayment: boolean, locale: SupportedLocale) {
  const count = result.transactions.length;
  return {
    title: lumpPayment ? caption('Lump payment posted') : count === 1 ? caption('Payment posted') : caption('{{payments}} payments posted', { payments: count }),
    color: 'teal' as const,
    body: (
      <List size="sm" data-testid="registered-payments">
        {result.transactions.map((payment) => (
          <List.Item key={payment.transactionNo} data-document-no={payment.documentNo}>
            {caption('Payment')} <Link to={findEntriesPath(payment.documentNo)}>{payment.documentNo}</Link>{' '}
            {caption('of {{date}}: customer {{customerNo}}, {{amount}}', { date: formatDate(payment.postingDate, locale), customerNo: payment.customerNo, amount: formatAmount(payment.amount, locale) })}
          </List.Item>
        ))}
      </List>
    ),
  };
}

/**
 * BC's Register Customer Payments: the customers' unpaid posted documents, oldest due first; tick
 * Payment Made (Date Received the work date, Amount Received what settles the document then),
 * then Post Payments (a payment per document) or Post as Lump Payment (one per customer and date).
 */
export function RegisterPaymentsPage() {
  const [filters, setFilters] = useState<DocumentFilters>({ customerNo: '', search: '', amountTolerancePercent: '' });
  const [debouncedFilters] = useDebouncedValue(filters, 300);
  const documents = usePaymentDocuments(debouncedFilters);
  const defaultAccount = useDefaultBalAccount();
  const { locale } = useSession();
  const t = useCaptions();
  const state = useRegisterPayments((result, lumpPayment) => showNotice(noticeOf(result, lumpPayment, locale)));
  const items = documents.data?.items ?? [];
  const balAccountErrors = Object.fromEntries(Object.entries(state.refusal?.other ?? {}).filter(([field]) => balAccountFields.includes(field)));

  return (
    <Stack gap="sm">
      <Title order={2}>{t('Register Customer Payments')}</Title>
      <DocumentFiltersRow filters={filters} onChange={setFilters} />
      {documents.error && <Alert color="red" role="alert">{messageOf(documents.error)}</Alert>}
      {state.refusal && <RefusalAlert state={state} />}
      {documents.isPending ? <Loader size="sm" /> : <RegisterPaymentsTable documents={items} state={state} />}
      {items.length === documentLimit && <Text size="sm" c="dimmed">{t('The first {{limit}} documents are shown: narrow the list with the filters.', { limit: documentLimit })}</Text>}
      <TotalsRow state={state} shownEntryNos={new Set(items.map((document) => document.entryNo))} />
      <RegisterPaymentsOptionsFields options={state.options} onChange={state.setOptions} errors={balAccountErrors} defaultAccount={defaultAccount} />
      <Group role="toolbar" aria-label={t('Actions')}>
        <Button disabled={tickedMarks(state.marks).length === 0} loading={state.busy} onClick={() => state.post(false)}>{t('Post Payments')}</Button>
        <Button variant="default" disabled={tickedMarks(state.marks).length === 0} loading={state.busy} onClick={() => state.post(true)}>{t('Post as Lump Payment')}</Button>
      </Group>
    </Stack>
  );
}

/** Customer and Search Documents (a document no. fragment, or an amount give or take a percentage). */
function DocumentFiltersRow({ filters, onChange }: { filters: DocumentFilters; onChange: (filters: DocumentFilters) => void }) {
  const t = useCaptions();
  const [customerText, setCustomerText] = useState(filters.customerNo);
  return (
    <Group align="start" role="search" aria-label={t('Document filters')}>
      <RecordLookup source={customerLookup} value={customerText} onChange={setCustomerText}
        onCommit={(key) => { setCustomerText(key); onChange({ ...filters, customerNo: key.toUpperCase() }); }}
        inputProps={{ label: t('Customer No.'), w: 200, placeholder: t('All customers') }} />
      <TextInput label={t('Search documents')} description={t('A document no. or an amount')} w={260} value={filters.search} autoComplete="off"
        onChange={(event) => onChange({ ...filters, search: event.currentTarget.value })} />
      <TextInput label={t('Amount tolerance %')} description={t('For an amount searched for')} w={150} value={filters.amountTolerancePercent} autoComplete="off"
        onChange={(event) => onChange({ ...filters, amountTolerancePercent: event.currentTarget.value })} />
    </Group>
  );
}

/** Σ Amount Received of what is ticked, including ticks the filters hide now. */
function TotalsRow({ state, shownEntryNos }: { state: RegisterPaymentsState; shownEntryNos: ReadonlySet<number> }) {
  const t = useCaptions();
  const ticked = tickedMarks(state.marks);
  const hidden = ticked.filter((mark) => !shownEntryNos.has(mark.document.entryNo)).length;
  const total = totalReceived(state.marks, state.locale);
  return (
    <Group gap="xl" data-testid="payment-totals">
      <Text size="sm">{t('Payments made:')} <b data-total="count">{ticked.length}</b>{hidden > 0 && ` ${t('({{hidden}} not shown by the filters)', { hidden })}`}</Text>
      <Text size="sm">{t('Total Amount Received:')} <b data-total="amountReceived">{total === null ? '—' : formatAmount(total, state.locale)}</b></Text>
    </Group>
  );
}

/** Why nothing was posted: the server's detail, and what it names that is not marked on a row or field. */
function RefusalAlert({ state }: { state: RegisterPaymentsState }) {
  const t = useCaptions();
  const elsewhere = Object.entries(state.refusal!.other).filter(([field]) => !balAccountFields.includes(field));
  return (
    <Alert color="red" role="alert" title={t('The payments cannot be posted')}>
      <Text size="sm" data-testid="payment-problem">{state.refusal!.detail}</Text>
      {elsewhere.length > 0 && <List size="sm">{elsewhere.map(([field, message]) => <List.Item key={field}>{field}: {message}</List.Item>)}</List>}
    </Alert>
  );
}
