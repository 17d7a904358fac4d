import { NativeSelect, SimpleGrid, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { standardSalesLineSchemas } from '../../core/master-data/standard-sales.schemas.ts';
import { dec } from '../../core/money/decimal.ts';
import { salesLineTypes, type SalesLineType } from '../../core/sales/types.ts';
import { api } from '../api/client.ts';
import { fieldErrorsOf, type FieldErrors } from '../api/field-errors.ts';
import { CodeSelect } from '../components/code-select.tsx';
import { FormDialog, useDialogRequest } from '../components/form-dialog.tsx';
import { lineNoLookups } from '../components/lookup-sources.ts';
import { RecordLookup } from '../components/record-lookup.tsx';
import type { SupportedLocale } from '../format/locales.ts';
import { decimalForInput, parseDecimalInput } from '../format/numbers.ts';
import { useCaptions } from '../i18n/captions.ts';
import { lineTypeCaptions } from '../sales/line-fields.ts';
import { useSession } from '../session/session-store.ts';
import { standardSalesLinesKey, standardSalesLinesPath, type StandardSalesLine } from './standard-sales-types.ts';

interface LineValues {
  type: SalesLineType;
  no: string;
  description: string;
  variantCode: string;
  unitOfMeasureCode: string | null;
  quantity: string;
  amountExcludingVat: string;
}

const fields = ['type', 'no', 'description', 'variantCode', 'unitOfMeasureCode', 'quantity', 'amountExcludingVat'] as const;

function formValues(line: StandardSalesLine | undefined, locale: SupportedLocale): LineValues {
  if (!line) return { type: 'item', no: '', description: '', variantCode: '', unitOfMeasureCode: null, quantity: '', amountExcludingVat: '' };
  return {
    type: line.type, no: line.no, description: line.description, variantCode: line.variantCode, unitOfMeasureCode: line.unitOfMeasureCode,
    quantity: decimalForInput(line.quantity, locale), amountExcludingVat: decimalForInput(line.amountExcludingVat, locale, 2),
  };
}

type Payload = Record<string, string | null>;

/**
 * The request body: for a new line what was filled in (so the item's or account's description and
 * unit apply to what was left empty), for a line what changed; decimals as plain strings. A decimal
 * that cannot be read is an error on its field.
 */
function payloadOf(values: LineValues, line: StandardSalesLine | undefined, locale: SupportedLocale): { body: Payload; invalid: FieldErrors } {
  const invalid: Record<string, string> = {};
  const body: Payload = {};
  for (const field of fields) {
    let value: string | null = values[field];
    if ((field === 'quantity' || field === 'amountExcludingVat') && value !== null) {
      if (value.trim() === '' && !line) continue;
      const parsed = parseDecimalInput(value, locale);
      if (parsed === null) {
        invalid[field] = 'must be a number';
        continue;
      }
      if (line && dec(parsed).equals(dec(line[field]))) continue;
      value = parsed;
    } else if (line ? value === line[field] : value === '' || value === null) {
      continue;
    }
    body[field] = value;
  }
  if (!line) body.type = values.type;
  return { body, invalid };
}

interface StandardSalesLineDialogProps {
  code: string;
  /** The line changed; a new line when undefined. */
  line: StandardSalesLine | undefined;
  onClose: () => void;
}

/** A standard sales line: checked with the API's schema first, then what the API refuses shown on its field. */
export function StandardSalesLineDialog({ code, line, onClose }: StandardSalesLineDialogProps) {
  const t = useCaptions();
  const { locale } = useSession();
  const queryClient = useQueryClient();
  const [values, setValues] = useState(() => formValues(line, locale));
  const [invalid, setInvalid] = useState<FieldErrors>({});
  const request = useDialogRequest(async (body: unknown) => {
    await (line
      ? api.patch(`${standardSalesLinesPath(code)}/${line.lineNo}`, body, line.version)
      : api.post(standardSalesLinesPath(code), body));
    await queryClient.invalidateQueries({ queryKey: standardSalesLinesKey(code) });
  }, fields, onClose);
  const errors = { ...request.errors, ...invalid };
  const set = <K extends keyof LineValues>(field: K, value: LineValues[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    setInvalid(({ [field]: _fixed, ...rest }) => rest);
  };

  const submit = () => {
    const { body, invalid: unreadable } = payloadOf(values, line, locale);
    if (Object.keys(unreadable).length > 0) return setInvalid(Object.fromEntries(Object.entries(unreadable).map(([field, message]) => [field, t(message)])));
    if (line && Object.keys(body).length === 0) return request.close();
    const parsed = (line ? standardSalesLineSchemas.update : standardSalesLineSchemas.create).safeParse(body);
    setInvalid(parsed.success ? {} : fieldErrorsOf(parsed.error));
    if (parsed.success) request.submit(parsed.data);
  };

  const comment = values.type === 'comment';
  const lookup = values.type === 'comment' ? null : lineNoLookups[values.type];
  return (
    <FormDialog title={line ? t('Standard Sales Line {{lineNo}}', { lineNo: line.lineNo }) : t('New Standard Sales Line')} opened onClose={request.close}
      submitLabel={line ? t('Save') : t('Add Line')} pending={request.pending} failure={request.failure} onSubmit={submit}>
      <SimpleGrid cols={2} spacing="sm" verticalSpacing="xs">
        <NativeSelect label={t('Type')} value={values.type} error={errors.type} data-autofocus
          data={salesLineTypes.map((type) => ({ value: type, label: t(lineTypeCaptions[type]) }))}
          // A new type starts the line afresh, as BC clears it.
          onChange={(event) => setValues((current) => ({ ...formValues(undefined, locale), description: current.description, type: event.currentTarget.value as SalesLineType }))} />
        {lookup ? (
          <RecordLookup source={lookup} value={values.no} onChange={(text) => set('no', text)} onCommit={(key) => set('no', key)}
            inputProps={{ label: t('No.'), error: errors.no }} />
        ) : <TextInput label={t('No.')} value="" disabled error={errors.no} />}
        <TextInput label={t('Description')} value={values.description} error={errors.description} placeholder={comment ? '' : t('From the item or account')}
          onChange={(event) => set('description', event.currentTarget.value)} />
        <TextInput label={t('Variant Code')} value={values.variantCode} error={errors.variantCode} disabled={values.type !== 'item'}
          onChange={(event) => set('variantCode', event.currentTarget.value)} />
        <CodeSelect lookup="/unitsOfMeasure" label={t('Unit of Measure Code')} value={values.unitOfMeasureCode} error={errors.unitOfMeasureCode} readOnly={comment}
          onChange={(unit) => set('unitOfMeasureCode', unit)} />
        <TextInput label={t('Quantity')} value={values.quantity} error={errors.quantity} inputMode="decimal" autoComplete="off" disabled={comment}
          styles={{ input: { textAlign: 'right' } }} onChange={(event) => set('quantity', event.currentTarget.value)} />
        <TextInput label={t('Amount Excl. VAT')} value={values.amountExcludingVat} error={errors.amountExcludingVat} inputMode="decimal" autoComplete="off"
          disabled={values.type !== 'glAccount'} description={t('G/L account lines: the unit price on the document')}
          styles={{ input: { textAlign: 'right' } }} onChange={(event) => set('amountExcludingVat', event.currentTarget.value)} />
      </SimpleGrid>
    </FormDialog>
  );
}
