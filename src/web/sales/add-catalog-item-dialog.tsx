import { TextInput } from '@mantine/core';
import { useState } from 'react';
import type { z } from 'zod';
import { salesLineCreate } from '../../core/sales/sales-document.schemas.ts';
import { fieldErrorsOf, type FieldErrors } from '../api/field-errors.ts';
import { FormDialog, useDialogRequest } from '../components/form-dialog.tsx';
import { catalogItemLookup } from '../components/lookup-sources.ts';
import { RecordLookup } from '../components/record-lookup.tsx';
import type { SupportedLocale } from '../format/locales.ts';
import { parseDecimalInput } from '../format/numbers.ts';
import { useCaptions } from '../i18n/captions.ts';
import type { DocumentChange } from './use-sales-document.ts';

interface AddCatalogItemDialogProps {
  opened: boolean;
  onClose: () => void;
  send: (change: DocumentChange) => Promise<unknown>;
  locale: SupportedLocale;
}

type NewLine = z.output<typeof salesLineCreate>;

/** A line for a catalog item (spec §15.2): the item is made from the catalog the first time, then the line takes it. */
export function AddCatalogItemDialog({ opened, onClose, send, locale }: AddCatalogItemDialogProps) {
  const t = useCaptions();
  const [entryNo, setEntryNo] = useState('');
  const [quantity, setQuantity] = useState('1');
  const [invalid, setInvalid] = useState<FieldErrors>({});
  const request = useDialogRequest((body: NewLine) => send({ method: 'POST', path: '/lines', body }), ['catalogItemEntryNo', 'quantity'], onClose);
  const errors = { ...request.errors, ...invalid };

  const submit = () => {
    const typed = parseDecimalInput(quantity, locale);
    if (typed === null) return setInvalid({ quantity: t('must be a number') });
    const parsed = salesLineCreate.safeParse({ type: 'item', catalogItemEntryNo: entryNo, quantity: typed });
    setInvalid(parsed.success ? {} : fieldErrorsOf(parsed.error));
    if (parsed.success) request.submit(parsed.data);
  };
  return (
    <FormDialog title={t('Add Catalog Item')} opened={opened} onClose={request.close} submitLabel={t('Add Line')} pending={request.pending}
      failure={request.failure} onSubmit={submit}>
      <RecordLookup source={catalogItemLookup} value={entryNo} onChange={setEntryNo} onCommit={setEntryNo}
        inputProps={{ label: t('Catalog Item'), placeholder: t('Entry no. or search'), error: errors.catalogItemEntryNo, 'data-autofocus': true }} />
      <TextInput label={t('Quantity')} value={quantity} error={errors.quantity} inputMode="decimal" autoComplete="off" styles={{ input: { textAlign: 'right' } }}
        onChange={(event) => setQuantity(event.currentTarget.value)} />
    </FormDialog>
  );
}
