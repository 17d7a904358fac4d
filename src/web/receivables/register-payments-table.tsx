import { Checkbox, ScrollArea, Table, Text, TextInput } from '@mantine/core';
import { DateField } from '../components/date-field.tsx';
import { captionOf } from '../format/captions.ts';
import { formatDate } from '../format/dates.ts';
import type { SupportedLocale } from '../format/locales.ts';
import { formatAmount } from '../format/numbers.ts';
import type { PaymentRegistrationDocument } from './register-payments.ts';
import type { RegisterPaymentsState } from './register-payments-state.ts';

/** "Invoice 103001": how the row's inputs are named for assistive technology and the tests. */
export const describeDocument = (document: PaymentRegistrationDocument) => `${captionOf(document.documentType || 'blank')} ${document.documentNo}`;

/** The documents with Payment Made, Date Received and Amount Received per row; the amounts as listed beside them. */
export function RegisterPaymentsTable({ documents, state }: { documents: readonly PaymentRegistrationDocument[]; state: RegisterPaymentsState }) {
  if (documents.length === 0) return <Text c="dimmed" size="sm">No open documents match the filters.</Text>;
  return (
    <ScrollArea type="auto">
      <Table striped withTableBorder fz="sm" aria-label="Documents to register payments for" miw={1300}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Payment Made</Table.Th><Table.Th w={130}>Date Received</Table.Th><Table.Th w={150} ta="right">Amount Received</Table.Th>
            <Table.Th>Customer</Table.Th><Table.Th>Document</Table.Th><Table.Th>External Document No.</Table.Th><Table.Th>Posting Date</Table.Th>
            <Table.Th>Due Date</Table.Th><Table.Th>Pmt. Discount Date</Table.Th><Table.Th ta="right">Remaining Amount</Table.Th>
            <Table.Th ta="right">Rem. Amt. after Discount</Table.Th>
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
  const mark = state.marks[document.entryNo];
  const errors = state.rowErrors[document.entryNo] ?? {};
  const invalid = Object.values(errors).some(Boolean);
  const name = describeDocument(document);
  const currency = document.currencyCode ? ` ${document.currencyCode}` : '';
  return (
    <Table.Tr data-entry-no={document.entryNo} data-document-no={document.documentNo} data-invalid={invalid || undefined}
      bg={invalid ? 'var(--mantine-color-red-light)' : undefined}>
      <Table.Td>
        <Checkbox aria-label={`Payment Made, ${name}`} checked={mark !== undefined} disabled={state.busy}
          onChange={(event) => state.setPaymentMade(document, event.currentTarget.checked)} />
      </Table.Td>
      <Table.Td>
        <DateField label={`Date Received, ${name}`} hideLabel value={mark?.dateReceived ?? null} error={errors.dateReceived}
          onCommit={(date) => date ? state.setDateReceived(document, date) : state.setPaymentMade(document, false)} />
      </Table.Td>
      <Table.Td>
        <TextInput size="xs" aria-label={`Amount Received, ${name}`} value={mark?.amountText ?? ''} error={errors.amountReceived} autoComplete="off"
          styles={{ input: { textAlign: 'right' } }} onChange={(event) => state.setAmountText(document, event.currentTarget.value)} />
      </Table.Td>
      <Table.Td>{document.customerNo} {document.customerName}</Table.Td>
      <Table.Td>
        {name}
        {errors.row && <Text size="xs" c="red" role="alert">{errors.row}</Text>}
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
