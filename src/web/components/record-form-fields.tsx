import { Checkbox, Fieldset, NativeSelect, SimpleGrid, TextInput } from '@mantine/core';
import type { FieldErrors } from '../api/field-errors.ts';
import { useCaptions } from '../i18n/captions.ts';
import { CodeSelect } from './code-select.tsx';
import { RecordLookup } from './record-lookup.tsx';
import type { FieldGroup, FieldSpec, FormValue, FormValues } from './record-fields.ts';

interface RecordFormFieldsProps {
  groups: readonly FieldGroup[];
  values: FormValues;
  errors: FieldErrors;
  onChange: (name: string, value: FormValue) => void;
}

/** The FastTabs of a card: each group a fieldset of inputs, with its API or validation error under each field. */
export function RecordFormFields({ groups, values, errors, onChange }: RecordFormFieldsProps) {
  const t = useCaptions();
  return groups.map((group) => (
    <Fieldset key={group.title} legend={t(group.title)}>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm" verticalSpacing="xs">
        {group.fields.map((field) => <FormField key={field.name} field={field} value={values[field.name] ?? null} error={errors[field.name]} onChange={onChange} />)}
      </SimpleGrid>
    </Fieldset>
  ));
}

interface FormFieldProps {
  field: FieldSpec;
  value: FormValue;
  error: string | undefined;
  onChange: (name: string, value: FormValue) => void;
}

function FormField({ field, value, error, onChange }: FormFieldProps) {
  const t = useCaptions();
  switch (field.kind) {
    case 'boolean':
      return <Checkbox mt="lg" label={t(field.label)} checked={value === true} error={error} onChange={(event) => onChange(field.name, event.currentTarget.checked)} />;
    case 'choice':
      return (
        <NativeSelect label={t(field.label)} value={String(value ?? '')} error={error} onChange={(event) => onChange(field.name, event.currentTarget.value)}
          data={Object.entries(field.options).map(([option, caption]) => ({ value: option, label: t(caption) }))} />
      );
    case 'code':
      return <CodeSelect lookup={field.lookup} label={field.label} value={typeof value === 'string' ? value : null} error={error} onChange={(code) => onChange(field.name, code)} />;
    case 'record':
      return (
        <RecordLookup source={field.source} value={typeof value === 'string' ? value : ''} onChange={(text) => onChange(field.name, text || null)}
          onCommit={(key) => onChange(field.name, key || null)} inputProps={{ label: t(field.label), error }} />
      );
    default:
      return (
        <TextInput label={t(field.label)} value={String(value ?? '')} error={error} inputMode={field.kind === 'decimal' ? 'decimal' : undefined}
          styles={field.kind === 'decimal' ? { input: { textAlign: 'right' } } : undefined} onChange={(event) => onChange(field.name, event.currentTarget.value)} />
      );
  }
}
