import { NativeSelect, SimpleGrid, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { salesPrepaymentPercentSchemas } from '../../core/master-data/pricing.schemas.ts';
import { salesPrepaymentSalesTypes, type SalesPrepaymentSalesType } from '../../core/sales/prepayment.ts';
import { api, encodeKey } from '../api/client.ts';
import { fieldErrorsOf, type FieldErrors } from '../api/field-errors.ts';
import { DateField } from '../components/date-field.tsx';
import { FormDialog, useDialogRequest } from '../components/form-dialog.tsx';
import { customerLookup } from '../components/lookup-sources.ts';
import { RecordLookup, type LookupSource } from '../components/record-lookup.tsx';
import { decimalForInput, parseDecimalInput } from '../format/numbers.ts';
import { useSession } from '../session/session-store.ts';
import {
  salesPrepaymentPercentsKey, salesPrepaymentPercentsResource, salesTypeCaptions, type SalesPrepaymentPercent,
} from './sales-prepayment-percents.ts';
import { useCaptions } from '../i18n/captions.ts';

const priceGroupLookup: LookupSource<{ code: string; description: string }> = {
  path: '/customerPriceGroups', keyOf: (record) => record.code, describe: (record) => record.description,
};

interface Values {
  salesType: SalesPrepaymentSalesType;
  salesCode: string;
  startingDate: string | null;
  endingDate: string | null;
  /** As typed, in the user's locale. */
  prepaymentPercent: string;
}

const fields = ['itemNo', 'salesType', 'salesCode', 'startingDate', 'endingDate', 'prepaymentPercent'] as const;

interface SalesPrepaymentPercentDialogProps {
  itemNo: string;
  /** The row changed; a new one when undefined. Its key (sales type, code, starting date) stays, as in BC. */
  row: SalesPrepaymentPercent | undefined;
  onClose: () => void;
}

/** Adds a Sales Prepayment % row to the item, or changes a row's Ending Date and Prepayment %; refusals show on their fields. */
export function SalesPrepaymentPercentDialog({ itemNo, row, onClose }: SalesPrepaymentPercentDialogProps) {
  const t = useCaptions();
  const { locale } = useSession();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Values>(() => ({
    salesType: row?.salesType ?? 'customer',
    salesCode: row?.salesCode ?? '',
    startingDate: row?.startingDate ?? null,
    endingDate: row?.endingDate ?? null,
    prepaymentPercent: row ? decimalForInput(row.prepaymentPercent, locale) : '',
  }));
  const [invalid, setInvalid] = useState<FieldErrors>({});
  const request = useDialogRequest(async (body: unknown) => {
    await (row
      ? api.patch(`${salesPrepaymentPercentsResource}/${encodeKey(row.id)}`, body, row.version)
      : api.post(salesPrepaymentPercentsResource, body));
    await queryClient.invalidateQueries({ queryKey: salesPrepaymentPercentsKey(itemNo) });
  }, fields, onClose);
  const errors = { ...request.errors, ...invalid };
  const set = <K extends keyof Values>(field: K, value: Values[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    setInvalid(({ [field]: _fixed, ...rest }) => rest);
  };

  const submit = () => {
    const percent = parseDecimalInput(values.prepaymentPercent, locale) ?? values.prepaymentPercent;
    const body = row
      ? { endingDate: values.endingDate, prepaymentPercent: percent }
      : { itemNo, salesType: values.salesType, salesCode: values.salesCode, startingDate: values.startingDate, endingDate: values.endingDate, prepaymentPercent: percent };
    const parsed = (row ? salesPrepaymentPercentSchemas.update : salesPrepaymentPercentSchemas.create).safeParse(body);
    setInvalid(parsed.success ? {} : fieldErrorsOf(parsed.error));
    if (parsed.success) request.submit(parsed.data);
  };

  const codeSource = values.salesType === 'customer' ? customerLookup : priceGroupLookup;
  return (
    <FormDialog title={row ? t('Sales Prepayment % of item {{item}}', { item: itemNo }) : t('Add Sales Prepayment % to item {{item}}', { item: itemNo })} opened onClose={request.close}
      submitLabel={row ? 'Save' : 'Add'} pending={request.pending} failure={request.failure} onSubmit={submit}>
      <SimpleGrid cols={2} spacing="sm" verticalSpacing="xs">
        <NativeSelect label={t('Sales Type')} value={values.salesType} error={errors.salesType} disabled={row !== undefined}
          data={salesPrepaymentSalesTypes.map((type) => ({ value: type, label: t(salesTypeCaptions[type]) }))}
          onChange={(event) => set('salesType', event.currentTarget.value as SalesPrepaymentSalesType)} />
        {row || values.salesType === 'allCustomers'
          ? <TextInput label={t('Sales Code')} value={values.salesCode} error={errors.salesCode} readOnly variant="filled" />
          : (
            <RecordLookup source={codeSource as LookupSource<unknown>} value={values.salesCode} onChange={(text) => set('salesCode', text)}
              onCommit={(key) => set('salesCode', key)} inputProps={{ label: t('Sales Code'), error: errors.salesCode }} />
          )}
        <DateField label={t('Starting Date')} value={values.startingDate} error={errors.startingDate} readOnly={row !== undefined}
          onCommit={(date) => set('startingDate', date)} />
        <DateField label={t('Ending Date')} value={values.endingDate} error={errors.endingDate} onCommit={(date) => set('endingDate', date)} />
        <TextInput label={t('Prepayment %')} value={values.prepaymentPercent} error={errors.prepaymentPercent} inputMode="decimal" autoComplete="off"
          onChange={(event) => set('prepaymentPercent', event.currentTarget.value)} />
      </SimpleGrid>
    </FormDialog>
  );
}
