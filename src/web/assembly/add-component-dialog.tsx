import { useState } from 'react';
import { api } from '../api/client.ts';
import { FormDialog, useDialogRequest } from '../components/form-dialog.tsx';
import type { LookupSource } from '../components/lookup-source.ts';
import { lineNoLookups } from '../components/lookup-sources.ts';
import { RecordFormFields } from '../components/record-form-fields.tsx';
import { filledValues, toPayload, type FieldGroup, type FormValue, type FormValues } from '../components/record-fields.ts';
import { useCaptions } from '../i18n/captions.ts';
import { useSession } from '../session/session-store.ts';

const groups: readonly FieldGroup[] = [{
  title: 'Component',
  fields: [
    { name: 'no', label: 'No.', kind: 'record', source: lineNoLookups.item as LookupSource<never> },
    { name: 'quantityPer', label: 'Quantity per', kind: 'decimal' },
    { name: 'unitOfMeasureCode', label: 'Unit of Measure Code', kind: 'code', lookup: '/unitsOfMeasure' },
  ],
}];
const fields = groups.flatMap((group) => group.fields);

/** Add a component to an assembly document: an item and its Quantity per (the unit defaults to the item's base unit). */
export function AddComponentDialog({ documentPath, onAdded, onClose }: { documentPath: string; onAdded: () => Promise<unknown>; onClose: () => void }) {
  const t = useCaptions();
  const { locale } = useSession();
  const [values, setValues] = useState<FormValues>({ no: null, quantityPer: '', unitOfMeasureCode: null });
  const request = useDialogRequest(async (body: Record<string, unknown>) => {
    await api.post(`${documentPath}/lines`, body);
    await onAdded();
  }, fields.map((field) => field.name), onClose);
  const setValue = (name: string, value: FormValue) => setValues((current) => ({ ...current, [name]: value }));
  return (
    <FormDialog title={t('Add component')} opened onClose={request.close} submitLabel={t('Add')} pending={request.pending} failure={request.failure}
      onSubmit={() => request.submit(filledValues(toPayload(values, fields, locale)))} size="lg">
      <RecordFormFields groups={groups} values={values} errors={request.errors} onChange={setValue} />
    </FormDialog>
  );
}
