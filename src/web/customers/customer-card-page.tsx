import { Alert, Button, Group, Loader, Stack } from '@mantine/core';
import { useNavigate, useParams } from 'react-router';
import { customerSchemas } from '../../core/master-data/customer.schemas.ts';
import { messageOf } from '../api/field-errors.ts';
import type { Customer } from '../api/types.ts';
import type { RecordCardSpec } from '../components/record-card.ts';
import { RecordCardForm, useCardRecord } from '../components/record-card-form.tsx';
import { useSession } from '../session/session-store.ts';
import { EntriesPanel } from '../ledgers/entries-panel.tsx';
import { ledgerSpecs } from '../ledgers/ledger-specs.ts';
import { CustomerDocumentsPanel } from './customer-documents-panel.tsx';
import { customerFieldGroups, newCustomerDefaults, newCustomerFieldGroups } from './customer-fields.ts';
import { CustomerStatisticsPanel } from './customer-statistics-panel.tsx';
import { CustomerSalesCodesPanel } from '../standard-sales/customer-sales-codes-panel.tsx';
import { NewFromTemplateButton } from './new-from-template.tsx';
import { ShipToAddressesPanel } from './ship-to-addresses-panel.tsx';
import { useCaptions } from '../i18n/captions.ts';
import { CustomizedCalendarPanel } from '../setup/customized-calendar-panel.tsx';

const customerCard: RecordCardSpec<Customer> = {
  caption: 'Customer', resource: '/customers', queryKey: 'customer', schemas: customerSchemas,
  fieldGroups: customerFieldGroups, newFieldGroups: newCustomerFieldGroups, newDefaults: newCustomerDefaults,
};

export function CustomerCardPage() {
  const { no } = useParams();
  const { locale } = useSession();
  if (no) return <ExistingCustomerCard key={no} no={no} />;
  return (
    <Stack gap="sm">
      <Group justify="flex-end"><NewFromTemplateButton /></Group>
      <RecordCardForm key={locale} spec={customerCard} />
    </Stack>
  );
}

function ExistingCustomerCard({ no }: { no: string }) {
  const { locale } = useSession();
  const customer = useCardRecord(customerCard, no);
  if (customer.error) return <Alert color="red" role="alert">{messageOf(customer.error)}</Alert>;
  if (!customer.data) return <Loader />;
  return (
    <Stack gap="sm">
      {/* The form holds decimals as the locale writes them: another locale starts it afresh. */}
      <RecordCardForm key={locale} spec={customerCard} record={customer.data} actions={(record) => <CustomerActions no={record.no} />} />
      <ShipToAddressesPanel customerNo={customer.data.no} />
      <CustomizedCalendarPanel sourceType="customer" sourceCode={customer.data.no} baseCalendarCode={customer.data.baseCalendarCode || null} />
      <CustomerStatisticsPanel customerNo={customer.data.no} />
      <CustomerDocumentsPanel customerNo={customer.data.no} />
      <CustomerSalesCodesPanel customerNo={customer.data.no} />
      <EntriesPanel spec={ledgerSpecs.customerLedgerEntries} filters={{ customerNo: customer.data.no }} />
    </Stack>
  );
}

/** The saved base calendar (the API sends it; the web's customer view in core does not list it yet). */

function CustomerActions({ no }: { no: string }) {
  const t = useCaptions();
  const navigate = useNavigate();
  return (
    <>
      <Button variant="default" onClick={() => navigate(`/sales/quotes/new?customer=${encodeURIComponent(no)}`)}>{t('New Sales Quote')}</Button>
      <Button variant="default" onClick={() => navigate(`/customers/${encodeURIComponent(no)}/statement`)}>{t('Statement')}</Button>
      <NewFromTemplateButton />
    </>
  );
}
