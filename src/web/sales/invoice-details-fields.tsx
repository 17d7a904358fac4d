import { SimpleGrid, TextInput } from '@mantine/core';
import { DateField } from '../components/date-field.tsx';
import { customerLookup } from '../components/lookup-sources.ts';
import { useCaptions } from '../i18n/captions.ts';
import type { DocumentKind } from './document-kinds.ts';
import { HeaderCodeField } from './header-code-field.tsx';
import {
  currencyCodeLookup, HeaderCheckbox, HeaderChoice, HeaderDecimal, headerEditable, HeaderText, PartyField, paymentMethodLookup, paymentTermsCodeLookup,
  type HeaderCommit, type HeaderDocument,
} from './header-inputs.tsx';

interface InvoiceDetailsFieldsProps {
  kind: DocumentKind;
  document: HeaderDocument;
  errors: Readonly<Record<string, string>>;
  onCommit: HeaderCommit;
}

const appliesToTypes = [{ value: 'invoice', label: 'Invoice' }, { value: 'creditMemo', label: 'Credit Memo' }] as const;

/** Document types are nouns: 'Invoice' here is the document (Dutch Factuur), not the posting choice (Factureren). */
const asDocumentType = { context: 'document' } as const;

const joined = (...parts: string[]) => parts.map((part) => part.trim()).filter((part) => part !== '').join(', ');

/**
 * BC's Invoice Details FastTab: currency and Prices Including VAT, payment terms, method and
 * discount, the invoice discount typed by hand, who is billed (and where), and on credit memos and
 * return orders the posted document the credit applies to.
 */
export function InvoiceDetailsFields({ kind, document, errors, onCommit }: InvoiceDetailsFieldsProps) {
  const t = useCaptions();
  const open = document.status === 'open';
  const percentSaved = document.invoiceDiscountCalculation === 'percent' ? document.invoiceDiscountValue : '0';
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm" verticalSpacing="xs">
      <HeaderCodeField source={currencyCodeLookup} label={t('Currency Code')} saved={document.currencyCode} open={open} error={errors.currencyCode}
        onCommit={(code) => onCommit('currencyCode', code)} />
      <HeaderCheckbox label={t('Prices Including VAT')} saved={document.pricesIncludingVat} readOnly={!open} error={errors.pricesIncludingVat}
        onCommit={(value) => onCommit('pricesIncludingVat', value)} />
      <HeaderCodeField source={paymentTermsCodeLookup} label={t('Payment Terms Code')} saved={document.paymentTermsCode} open={open} error={errors.paymentTermsCode}
        onCommit={(code) => onCommit('paymentTermsCode', code)} />
      <HeaderCodeField source={paymentMethodLookup} label={t('Payment Method Code')} saved={document.paymentMethodCode} open={open} error={errors.paymentMethodCode}
        onCommit={(code) => onCommit('paymentMethodCode', code)} />
      <HeaderDecimal label={t('Payment Discount %')} saved={document.paymentDiscountPercent ?? '0'} readOnly={!open} error={errors.paymentDiscountPercent}
        onCommit={(value) => onCommit('paymentDiscountPercent', value)} />
      <DateField label={t('Pmt. Discount Date')} value={document.paymentDiscountDate ?? null} error={errors.paymentDiscountDate} readOnly={!headerEditable(document, 'paymentDiscountDate')}
        onCommit={(value) => onCommit('paymentDiscountDate', value ?? '')} />
      {/* Typed by hand, either fixes the invoice discount until Calculate Invoice Discount runs again. */}
      <HeaderDecimal label={t('Invoice Discount %')} saved={percentSaved} readOnly={!open} error={errors.invoiceDiscountPercent}
        onCommit={(value) => onCommit('invoiceDiscountPercent', value)} />
      <HeaderDecimal label={t('Invoice Discount Amount')} saved={document.totals.invoiceDiscountAmount} readOnly={!open} error={errors.invoiceDiscountAmount}
        onCommit={(value) => onCommit('invoiceDiscountAmount', value)} />
      <PartyField source={customerLookup} label={t('Bill-to Customer No.')} testId="bill-to-name" saved={document.billToCustomerNo} name={document.billToName} open={open}
        error={errors.billToCustomerNo} onCommit={(no) => onCommit('billToCustomerNo', no)} />
      <TextInput label={t('Bill-to Address')} value={joined(document.billToAddress ?? '', document.billToAddress2 ?? '')} readOnly variant="filled" />
      <TextInput label={t('Bill-to City')} value={joined(`${document.billToPostCode ?? ''} ${document.billToCity ?? ''}`, document.billToCountryRegionCode ?? '')} readOnly variant="filled" />
      <TextInput label={t('Bill-to Contact')} value={document.billToContact ?? ''} readOnly variant="filled" />
      {kind.direction === 'inbound' && (
        <>
          <HeaderChoice label={t('Applies-to Doc. Type')} saved={document.appliesToDocumentType} options={appliesToTypes.map((type) => ({ value: type.value, label: t(type.label, asDocumentType) }))} readOnly={!open} error={errors.appliesToDocumentType}
            onCommit={(value) => onCommit('appliesToDocumentType', value)} />
          <HeaderText label={t('Applies-to Doc. No.')} field="appliesToDocumentNo" saved={document.appliesToDocumentNo ?? ''} error={errors.appliesToDocumentNo}
            onCommit={onCommit} readOnly={!open} />
        </>
      )}
    </SimpleGrid>
  );
}
