import { Alert, Button, Group, Loader, Stack, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { customerSchemas } from '../../core/master-data/customer.schemas.ts';
import { api, ApiError, encodeKey } from '../api/client.ts';
import { fieldErrorsOf, fieldErrorsOfRequest, messageOf, type FieldErrors } from '../api/field-errors.ts';
import type { Customer } from '../api/types.ts';
import { RecordFormFields } from '../components/record-form-fields.tsx';
import { changedValues, filledValues, toFormValues, toPayload, type FormValue } from '../components/record-fields.ts';
import { useSession } from '../session/session-store.ts';
import { EntriesPanel } from '../ledgers/entries-panel.tsx';
import { ledgerSpecs } from '../ledgers/ledger-specs.ts';
import { CustomerDocumentsPanel } from './customer-documents-panel.tsx';
import { customerFieldGroups, newCustomerDefaults, newCustomerFieldGroups } from './customer-fields.ts';
import { CustomerStatisticsPanel } from './customer-statistics-panel.tsx';

export function CustomerCardPage() {
  const { no } = useParams();
  const { locale } = useSession();
  return no ? <ExistingCustomerCard key={no} no={no} /> : <CustomerForm key={locale} />;
}

function ExistingCustomerCard({ no }: { no: string }) {
  const { locale } = useSession();
  const customer = useQuery({ queryKey: ['customer', no], queryFn: () => api.get<Customer>(`/customers/${encodeKey(no)}`) });
  if (customer.error) return <Alert color="red" role="alert">{messageOf(customer.error)}</Alert>;
  if (!customer.data) return <Loader />;
  return (
    <Stack gap="sm">
      {/* The form holds decimals as the locale writes them: another locale starts it afresh. */}
      <CustomerForm key={locale} customer={customer.data} />
      <CustomerStatisticsPanel customerNo={customer.data.no} />
      <CustomerDocumentsPanel customerNo={customer.data.no} />
      <EntriesPanel spec={ledgerSpecs.customerLedgerEntries} filters={{ customerNo: customer.data.no }} />
    </Stack>
  );
}

/**
 * The customer card: view, change and create. Input is checked with the API's own zod schema before
 * it is sent; what the server refuses comes back per field and is shown next to it.
 */
function CustomerForm({ customer }: { customer?: Customer }) {
  const { locale } = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const groups = customer ? customerFieldGroups : newCustomerFieldGroups;
  const customerFields = groups.flatMap((group) => group.fields);
  const original = toFormValues({ ...newCustomerDefaults, ...customer }, customerFields, locale);
  const [values, setValues] = useState(original);
  const [validationErrors, setValidationErrors] = useState<FieldErrors>({});
  const payload = toPayload(values, customerFields, locale);
  const changes = customer ? changedValues(payload, toPayload(original, customerFields, locale)) : filledValues(payload);

  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) => (customer
      ? api.patch<Customer>(`/customers/${encodeKey(customer.no)}`, body, customer.version)
      : api.post<Customer>('/customers', body)),
    onSuccess: (saved) => {
      queryClient.setQueryData(['customer', saved.no], saved);
      void queryClient.invalidateQueries({ queryKey: ['list', '/customers'] });
      if (customer) setValues(toFormValues(saved, customerFields, locale));
      else navigate(`/customers/${encodeURIComponent(saved.no)}`, { replace: true });
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = (customer ? customerSchemas.update : customerSchemas.create).safeParse(changes);
    setValidationErrors(parsed.success ? {} : fieldErrorsOf(parsed.error));
    if (parsed.success) save.mutate(parsed.data);
  };

  const setValue = (name: string, value: FormValue) => {
    setValues((current) => ({ ...current, [name]: value }));
    setValidationErrors(({ [name]: _fixed, ...rest }) => rest);
  };
  const errors = { ...fieldErrorsOfRequest(save.error), ...validationErrors };
  const unplacedError = save.error && !Object.keys(errors).some((field) => field in values) ? save.error : null;

  return (
    <Stack component="form" onSubmit={submit} gap="sm" aria-label="Customer card">
      <Group justify="space-between">
        <Title order={2}>{customer ? `${customer.no} · ${customer.name}` : 'New customer'}</Title>
        <Group>
          {customer && <Button variant="default" onClick={() => navigate(`/sales/quotes/new?customer=${encodeURIComponent(customer.no)}`)}>New Sales Quote</Button>}
          {customer && <Button variant="default" onClick={() => navigate(`/customers/${encodeURIComponent(customer.no)}/statement`)}>Statement</Button>}
          <Button type="submit" loading={save.isPending} disabled={Object.keys(changes).length === 0}>{customer ? 'Save' : 'Create'}</Button>
        </Group>
      </Group>
      {unplacedError && <Alert color="red" role="alert">{messageOf(unplacedError)}{unplacedError instanceof ApiError && unplacedError.code === 'VERSION_CONFLICT' ? ' Reload the page to see the current values.' : ''}</Alert>}
      <RecordFormFields groups={groups} values={values} errors={errors} onChange={setValue} />
    </Stack>
  );
}
