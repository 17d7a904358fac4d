import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../api/client.ts';
import { DateField } from '../components/date-field.tsx';
import { FormDialog, useDialogRequest } from '../components/form-dialog.tsx';
import type { LookupSource } from '../components/lookup-source.ts';
import { lineNoLookups } from '../components/lookup-sources.ts';
import { RecordFormFields } from '../components/record-form-fields.tsx';
import { filledValues, toPayload, type FieldGroup, type FormValue, type FormValues } from '../components/record-fields.ts';
import { useCaptions } from '../i18n/captions.ts';
import { useSession } from '../session/session-store.ts';
import { assemblyOrderPath, type AssemblyDocument } from './assembly-types.ts';

const groups: readonly FieldGroup[] = [{
  title: 'General',
  fields: [
    { name: 'itemNo', label: 'Item No.', kind: 'record', source: lineNoLookups.item as LookupSource<never> },
    { name: 'quantity', label: 'Quantity', kind: 'decimal' },
    { name: 'locationCode', label: 'Location Code', kind: 'code', lookup: '/locations' },
  ],
}];
const fields = groups.flatMap((group) => group.fields);

/** New stand-alone assembly order: the item, how many, when and where; its lines are the item's Assembly BOM × the quantity. */
export function NewAssemblyOrderDialog({ onClose }: { onClose: () => void }) {
  const t = useCaptions();
  const { locale } = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<FormValues>({ itemNo: null, quantity: '', locationCode: null });
  const [dueDate, setDueDate] = useState<string | null>(null);
  const request = useDialogRequest(async (body: Record<string, unknown>) => {
    const created = await api.post<AssemblyDocument>('/assemblyOrders', body);
    await queryClient.invalidateQueries({ queryKey: ['assemblyOrders'] });
    void navigate(assemblyOrderPath(created.no));
  }, [...fields.map((field) => field.name), 'dueDate'], onClose);
  const setValue = (name: string, value: FormValue) => setValues((current) => ({ ...current, [name]: value }));
  const submit = () => request.submit({ ...filledValues(toPayload(values, fields, locale)), ...(dueDate ? { dueDate } : {}) });
  return (
    <FormDialog title={t('New Assembly Order')} opened onClose={request.close} submitLabel={t('Create')} pending={request.pending} failure={request.failure} onSubmit={submit} size="xl">
      <RecordFormFields groups={groups} values={values} errors={request.errors} onChange={setValue} />
      <DateField label={t('Due Date')} value={dueDate} onCommit={setDueDate} error={request.errors.dueDate} />
    </FormDialog>
  );
}
