import { Checkbox, ScrollArea, Table, Text, TextInput } from '@mantine/core';
import { DateField } from '../components/date-field.tsx';
import { formatDate } from '../format/dates.ts';
import type { SupportedLocale } from '../format/locales.ts';
import { formatAmount } from '../format/numbers.ts';
import { useCaptions } from '../i18n/captions.ts';
import { documentTypeCaption } from './customer-entries.ts';
import type { PaymentRegistrationDocument } from './register-payments.ts';
import type { RegisterPaymentsState } from './register-payments-state.ts';

/** "Invoice 103001": how the row's inputs are named for assistive technology and the tests. */
export const describeDocument = (document: PaymentRegistrationDocument) => `${documentTypeCaption(document.documentType)} ${document.documentNo}`;

/** The documents with Payment Made, Date Received and Amount Received per row; the amounts as listed beside them. */
export function RegisterPaymentsTable({ documents, state }: { documents: readonly PaymentRegistrationDocument[]; state: RegisterPaymentsState }) {
  const t = useCaptions();
  if (documents.length === 0) return <Text c="dimmed" size="sm">{t('No open documents match the filters.')}</Text>;
  return (
    <ScrollArea type="auto">
      <Table striped withTableBorder fz="sm" aria-label={t('Documents to register payments for')} miw={1300}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('Payment Made')}</Table.Th><Table.Th w={130}>{t('Date Received')}</Table.Th><Table.Th w={150} ta="right">{t('Amount Received')}</Table.Th>
            <Table.Th>{t('Customer')}</Table.Th><Table.Th>{t('Document')}</Table.Th><Table.Th>{t('External Document No.')}</Table.Th><Table.Th>{t('Posting Date')}</Table.Th>
            <Table.Th>{t('Due Date')}</Table.Th><Table.Th>{t('Pmt. Discount Date')}</Table.Th><Table.Th ta="right">{t('Remaining Amount')}</Table.Th>
            <Table.Th ta="right">{t('Rem. Amt. after Discount')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {documents.map((document) => <DocumentRow key={document.entryNo} document={document} state={state} locale={state.locale} />)}
        </Table.Tbody>
      </Table>
    </ScrollArea>
  );
}

function DocumentRow({ document, state, locale }: { document: PaymentRegistrationDocument; state: RegisterPaymentsState; locale: SupportedLocale }) {
  const t = useCaptions();
  const mark = state.marks[document.entryNo];
  const errors = state.rowErrors[document.entryNo] ?? {};
  const invalid = Object.values(errors).some(Boolean);
  const name = describeDocument(document);
  const currency = document.currencyCode ? ` ${document.currencyCode}` : '';
  return (
    <Table.Tr data-entry-no={document.entryNo} data-document-no={document.documentNo} data-invalid={invalid || undefined}
      bg={invalid ? 'var(--mantine-color-red-light)' : undefined}>
      <Table.Td>
        <Checkbox aria-label={t('Payment Made, {{document}}', { document: name })} checked={mark !== undefined} disabled={state.busy}
          onChange={(event) => state.setPaymentMade(document, event.currentTarget.checked)} />
      </Table.Td>
      <Table.Td>
        <DateField label={t('Date Received, {{document}}', { document: name })} hideLabel value={mark?.dateReceived ?? null} error={errors.dateReceived && t(errors.dateReceived)}
          onCommit={(date) => date ? state.setDateReceived(document, date) : state.setPaymentMade(document, false)} />
      </Table.Td>
      <Table.Td>
        <TextInput size="xs" aria-label={t('Amount Received, {{document}}', { document: name })} value={mark?.amountText ?? ''} error={errors.amountReceived && t(errors.amountReceived)} autoComplete="off"
          styles={{ input: { textAlign: 'right' } }} onChange={(event) => state.setAmountText(document, event.currentTarget.value)} />
      </Table.Td>
      <Table.Td>{document.customerNo} {document.customerName}</Table.Td>
      <Table.Td>
        {name}
        {errors.row && <Text size="xs" c="red" role="alert">{t(errors.row)}</Text>}
      </Table.Td>
      <Table.Td>{document.externalDocumentNo}</Table.Td>
      <Table.Td>{formatDate(document.postingDate, locale)}</Table.Td>
      <Table.Td c={document.overdue ? 'red' : undefined} fw={document.overdue ? 600 : undefined} data-overdue={document.overdue || undefined}>
        {formatDate(document.dueDate, locale)}
      </Table.Td>
      <Table.Td>{formatDate(document.paymentDiscountDate, locale)}</Table.Td>
      <Table.Td ta="right">{formatAmount(document.remainingAmount, locale)}{currency}</Table.Td>
      <Table.Td ta="right">{formatAmount(document.amountAfterDiscount, locale)}{currency}</Table.Td>
    </Table.Tr>
  );
}
