import { Checkbox, NativeSelect, SimpleGrid, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { recurringLinesInsertModes, standardCustomerSalesCodeSchemas, type RecurringLinesInsertMode } from '../../core/master-data/standard-sales.schemas.ts';
import { api, encodeKey } from '../api/client.ts';
import { fieldErrorsOf, type FieldErrors } from '../api/field-errors.ts';
import { CodeSelect } from '../components/code-select.tsx';
import { DateField } from '../components/date-field.tsx';
import { FormDialog, useDialogRequest } from '../components/form-dialog.tsx';
import { useCaptions } from '../i18n/captions.ts';
import {
  customerSalesCodesKey, customerSalesCodesResource, insertModeCaptions, insertModeFields, type InsertModeField, type StandardCustomerSalesCode,
} from './standard-sales-types.ts';

type CodeValues = {
  code: string | null;
  description: string;
  validFromDate: string | null;
  validToDate: string | null;
  paymentMethodCode: string | null;
  paymentTermsCode: string | null;
  directDebitMandateId: string;
  blocked: boolean;
} & Record<InsertModeField, RecurringLinesInsertMode>;

const editableFields = [
  'description', 'validFromDate', 'validToDate', 'paymentMethodCode', 'paymentTermsCode', 'directDebitMandateId', 'blocked',
  ...insertModeFields.map((mode) => mode.field),
] as const;

function formValues(code: StandardCustomerSalesCode | undefined): CodeValues {
  return {
    code: code?.code ?? null,
    description: code?.description ?? '',
    validFromDate: code?.validFromDate ?? null,
    validToDate: code?.validToDate ?? null,
    paymentMethodCode: code?.paymentMethodCode ?? null,
    paymentTermsCode: code?.paymentTermsCode ?? null,
    directDebitMandateId: code?.directDebitMandateId ?? '',
    blocked: code?.blocked ?? false,
    ...Object.fromEntries(insertModeFields.map((mode) => [mode.field, code?.[mode.field] ?? 'manual'])) as Record<InsertModeField, RecurringLinesInsertMode>,
  };
}

/** A new assignment sends what was filled in (the description comes from the code when left empty); a change what changed. */
function payloadOf(values: CodeValues, code: StandardCustomerSalesCode | undefined, customerNo: string): Record<string, unknown> {
  if (code) return Object.fromEntries(editableFields.filter((field) => values[field] !== code[field]).map((field) => [field, values[field]]));
  const filled = Object.entries(values).filter(([, value]) => value !== '' && value !== null);
  return { customerNo, ...Object.fromEntries(filled) };
}

interface CustomerSalesCodeDialogProps {
  customerNo: string;
  /** The assignment changed; a new one when undefined. */
  code: StandardCustomerSalesCode | undefined;
  onClose: () => void;
}

/** Assigns a standard sales code to the customer, or changes an assignment (its code stays: BC does not rename it). */
export function CustomerSalesCodeDialog({ customerNo, code, onClose }: CustomerSalesCodeDialogProps) {
  const t = useCaptions();
  const queryClient = useQueryClient();
  const [values, setValues] = useState(() => formValues(code));
  const [invalid, setInvalid] = useState<FieldErrors>({});
  const request = useDialogRequest(async (body: unknown) => {
    await (code
      ? api.patch(`${customerSalesCodesResource}/${encodeKey(code.id)}`, body, code.version)
      : api.post(customerSalesCodesResource, body));
    await queryClient.invalidateQueries({ queryKey: customerSalesCodesKey(customerNo) });
  }, ['customerNo', 'code', ...editableFields], onClose);
  const errors = { ...request.errors, ...invalid };
  const set = <K extends keyof CodeValues>(field: K, value: CodeValues[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    setInvalid(({ [field]: _fixed, ...rest }) => rest);
  };

  const submit = () => {
    const body = payloadOf(values, code, customerNo);
    if (code && Object.keys(body).length === 0) return request.close();
    const parsed = (code ? standardCustomerSalesCodeSchemas.update : standardCustomerSalesCodeSchemas.create).safeParse(body);
    setInvalid(parsed.success ? {} : fieldErrorsOf(parsed.error));
    if (parsed.success) request.submit(parsed.data);
  };

  return (
    <FormDialog title={code ? t('Recurring Sales Code {{code}}', { code: code.code }) : t('Add Recurring Sales Code')} opened onClose={request.close}
      submitLabel={code ? t('Save') : t('Add')} pending={request.pending} failure={request.failure} onSubmit={submit}>
      <SimpleGrid cols={2} spacing="sm" verticalSpacing="xs">
        {code
          ? <TextInput label={t('Code')} value={code.code} readOnly variant="filled" />
          : <CodeSelect lookup="/standardSalesCodes" label={t('Code')} value={values.code} error={errors.code} onChange={(value) => set('code', value)} />}
        <TextInput label={t('Description')} value={values.description} error={errors.description} placeholder={code ? '' : t('From the code')}
          onChange={(event) => set('description', event.currentTarget.value)} />
        <DateField label={t('Valid From Date')} value={values.validFromDate} error={errors.validFromDate} onCommit={(date) => set('validFromDate', date)} />
        <DateField label={t('Valid To Date')} value={values.validToDate} error={errors.validToDate} onCommit={(date) => set('validToDate', date)} />
        <CodeSelect lookup="/paymentMethods" label={t('Payment Method Code')} value={values.paymentMethodCode} error={errors.paymentMethodCode}
          onChange={(value) => set('paymentMethodCode', value)} />
        <CodeSelect lookup="/paymentTerms" label={t('Payment Terms Code')} value={values.paymentTermsCode} error={errors.paymentTermsCode}
          onChange={(value) => set('paymentTermsCode', value)} />
        <TextInput label={t('Direct Debit Mandate ID')} value={values.directDebitMandateId} error={errors.directDebitMandateId}
          onChange={(event) => set('directDebitMandateId', event.currentTarget.value)} />
        <Checkbox mt="lg" label={t('Blocked')} checked={values.blocked} error={errors.blocked} onChange={(event) => set('blocked', event.currentTarget.checked)} />
        {insertModeFields.map((mode) => (
          <NativeSelect key={mode.field} label={t(mode.label)} value={values[mode.field]} error={errors[mode.field]}
            data={recurringLinesInsertModes.map((option) => ({ value: option, label: t(insertModeCaptions[option]) }))}
            onChange={(event) => set(mode.field, event.currentTarget.value as RecurringLinesInsertMode)} />
        ))}
      </SimpleGrid>
    </FormDialog>
  );
}
