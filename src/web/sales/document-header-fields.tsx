import { SimpleGrid, Tabs, Text, TextInput } from '@mantine/core';
import { paymentServiceDocumentTypes } from '../../core/master-data/payment-service.schemas.ts';
import { DateField } from '../components/date-field.tsx';
import { customerLookup } from '../components/lookup-sources.ts';
import { useCaptions } from '../i18n/captions.ts';
import { PaymentServiceSetField } from '../payment-services/payment-service-set-field.tsx';
import { dateFieldCaptions, statusCaptions, type DocumentKind } from './document-kinds.ts';
import { HeaderCodeField } from './header-code-field.tsx';
import { headerEditable, HeaderText, HeaderVersionProvider, PartyField, salespersonLookup, type HeaderCommit, type HeaderDocument } from './header-inputs.tsx';
import { InvoiceDetailsFields } from './invoice-details-fields.tsx';
import { hasPrepaymentFields, PrepaymentHeaderFields } from './prepayment-header-fields.tsx';
import { ShippingFields } from './shipping-fields.tsx';

// The purchase header builds on these.
export { HeaderText, PartyField } from './header-inputs.tsx';

const carriesPaymentServices = (kind: DocumentKind) => (paymentServiceDocumentTypes as readonly string[]).includes(kind.type);

interface DocumentHeaderFieldsProps {
  kind: DocumentKind;
  document: HeaderDocument;
  errors: Readonly<Record<string, string>>;
  onCommit: HeaderCommit;
}

/**
 * The header as BC's FastTabs: General, Invoice Details, Shipping and Billing (and an order's
 * Prepayment below them); each field saves when it is left. A tab whose field was refused says so.
 */
export function DocumentHeaderFields({ kind, document, errors, onCommit }: DocumentHeaderFieldsProps) {
  const t = useCaptions();
  // A refusal naming a field of a tab not shown (a posting's "Location Code must have a value") marks that tab.
  const marker = (fields: readonly string[]) => (fields.some((field) => errors[field] !== undefined) ? <Text span c="red.7" aria-hidden>●</Text> : null);
  return (
    <HeaderVersionProvider value={document.version}>
      {/* Only the tab shown is in the page: its labels (Contact, Customer No.) are not taken for another tab's. */}
      <Tabs defaultValue="general" variant="outline" keepMounted={false}>
        <Tabs.List aria-label={t('Header')}>
          <Tabs.Tab value="general" rightSection={marker(generalFields(kind))}>{t('General')}</Tabs.Tab>
          <Tabs.Tab value="invoiceDetails" rightSection={marker(invoiceDetailsFieldNames)}>{t('Invoice Details')}</Tabs.Tab>
          <Tabs.Tab value="shipping" rightSection={marker(shippingFieldNames)}>{t('Shipping and Billing')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="general" pt="sm"><GeneralFields kind={kind} document={document} errors={errors} onCommit={onCommit} /></Tabs.Panel>
        <Tabs.Panel value="invoiceDetails" pt="sm"><InvoiceDetailsFields kind={kind} document={document} errors={errors} onCommit={onCommit} /></Tabs.Panel>
        <Tabs.Panel value="shipping" pt="sm"><ShippingFields kind={kind} document={document} errors={errors} onCommit={onCommit} /></Tabs.Panel>
      </Tabs>
      {hasPrepaymentFields(kind) && <PrepaymentHeaderFields kind={kind} document={document} errors={errors} onCommit={onCommit} />}
    </HeaderVersionProvider>
  );
}

const generalFields = (kind: DocumentKind) => ['sellToCustomerNo', 'sellToContact', 'externalDocumentNo', 'yourReference', 'salespersonCode', 'paymentServiceSet', ...kind.dateFields];
const invoiceDetailsFieldNames = [
  'currencyCode', 'pricesIncludingVat', 'paymentTermsCode', 'paymentMethodCode', 'paymentDiscountPercent', 'paymentDiscountDate',
  'invoiceDiscountPercent', 'invoiceDiscountAmount', 'billToCustomerNo', 'appliesToDocumentType', 'appliesToDocumentNo',
];
const shippingFieldNames = [
  'shipToCode', 'shipToName', 'shipToName2', 'shipToAddress', 'shipToAddress2', 'shipToPostCode', 'shipToCity', 'shipToCountryRegionCode', 'shipToContact',
  'locationCode', 'shipmentMethodCode', 'shippingAgentCode', 'shippingAgentServiceCode', 'packageTrackingNo', 'shippingAdvice',
  'requestedDeliveryDate', 'promisedDeliveryDate',
];

/** Customer and contact, dates, references, salesperson and status. */
function GeneralFields({ kind, document, errors, onCommit }: DocumentHeaderFieldsProps) {
  const t = useCaptions();
  const open = document.status === 'open';
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm" verticalSpacing="xs">
      <PartyField source={customerLookup} label={t('Customer No.')} testId="customer-name" saved={document.sellToCustomerNo} name={document.sellToName} open={open}
        error={errors.sellToCustomerNo} onCommit={(no) => onCommit('sellToCustomerNo', no)} />
      <HeaderText label={t('Contact')} field="sellToContact" saved={document.sellToContact ?? ''} error={errors.sellToContact} onCommit={onCommit}
        readOnly={!headerEditable(document, 'sellToContact')} />
      <HeaderText label={t('External Document No.')} field="externalDocumentNo" saved={document.externalDocumentNo} error={errors.externalDocumentNo} onCommit={onCommit} />
      <HeaderText label={t('Your Reference')} field="yourReference" saved={document.yourReference} error={errors.yourReference} onCommit={onCommit} />
      {kind.dateFields.map((field) => (
        <DateField key={field} label={t(dateFieldCaptions[field])} value={document[field]} error={errors[field]} onCommit={(value) => onCommit(field, value ?? '')}
          readOnly={!headerEditable(document, field)} />
      ))}
      <HeaderCodeField source={salespersonLookup} label={t('Salesperson Code')} saved={document.salespersonCode ?? null} open={open} error={errors.salespersonCode}
        onCommit={(code) => onCommit('salespersonCode', code)} />
      <TextInput label={t('Status')} value={t(statusCaptions[document.status])} readOnly variant="filled" />
      {carriesPaymentServices(kind) && (
        <PaymentServiceSetField saved={document.paymentServiceSet} error={errors.paymentServiceSet} onCommit={(codes) => onCommit('paymentServiceSet', codes)} />
      )}
    </SimpleGrid>
  );
}
