import { Fieldset, SimpleGrid, Text, TextInput } from '@mantine/core';
import { useEffect, useState, type KeyboardEvent } from 'react';
import type { SalesDocument } from '../api/types.ts';
import { DateField } from '../components/date-field.tsx';
import { customerLookup, locationLookup } from '../components/lookup-sources.ts';
import { RecordLookup, type LookupSource } from '../components/record-lookup.tsx';
import { dateFieldCaptions, type DocumentKind, type HeaderDateField } from './document-kinds.ts';
import { HeaderCodeField } from './header-code-field.tsx';
import { hasPrepaymentFields, PrepaymentHeaderFields, type PrepaymentHeaderField } from './prepayment-header-fields.tsx';
import { PaymentServiceSetField } from '../payment-services/payment-service-set-field.tsx';
import { paymentServiceDocumentTypes } from '../../core/master-data/payment-service.schemas.ts';

const carriesPaymentServices = (kind: DocumentKind) => (paymentServiceDocumentTypes as readonly string[]).includes(kind.type);

export type HeaderField = 'sellToCustomerNo' | 'externalDocumentNo' | 'yourReference' | 'locationCode' | 'paymentServiceSet' | HeaderDateField | PrepaymentHeaderField;

interface DocumentHeaderFieldsProps {
  kind: DocumentKind;
  document: SalesDocument;
  errors: Readonly<Record<string, string>>;
  onCommit: (field: HeaderField, value: string | boolean | string[]) => void;
}

/** The General FastTab: customer, references and dates (and an order's Prepayment FastTab); each field saves when it is left. */
export function DocumentHeaderFields({ kind, document, errors, onCommit }: DocumentHeaderFieldsProps) {
  const open = document.status === 'open';
  return (
    <>
      <Fieldset legend="General">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm" verticalSpacing="xs">
          <PartyField source={customerLookup} label="Customer No." testId="customer-name" saved={document.sellToCustomerNo} name={document.sellToName} open={open}
            error={errors.sellToCustomerNo} onCommit={(no) => onCommit('sellToCustomerNo', no)} />
          <HeaderCodeField source={locationLookup} label="Location Code" saved={document.locationCode} open={open} error={errors.locationCode}
            onCommit={(code) => onCommit('locationCode', code)} />
          <HeaderText label="External Document No." field="externalDocumentNo" saved={document.externalDocumentNo} error={errors.externalDocumentNo} onCommit={onCommit} />
          <HeaderText label="Your Reference" field="yourReference" saved={document.yourReference} error={errors.yourReference} onCommit={onCommit} />
          {kind.dateFields.map((field) => (
            <DateField key={field} label={dateFieldCaptions[field]} value={document[field]} error={errors[field]} onCommit={(value) => onCommit(field, value ?? '')}
              readOnly={!open && field !== 'shipmentDate'} />
          ))}
          {carriesPaymentServices(kind) && (
            <PaymentServiceSetField saved={document.paymentServiceSet} error={errors.paymentServiceSet} onCommit={(codes) => onCommit('paymentServiceSet', codes)} />
          )}
        </SimpleGrid>
      </Fieldset>
      {hasPrepaymentFields(kind) && <PrepaymentHeaderFields kind={kind} document={document} errors={errors} onCommit={onCommit} />}
    </>
  );
}

interface PartyFieldProps<T> {
  source: LookupSource<T>;
  label: string;
  /** The test id of the name shown under the number. */
  testId: string;
  saved: string;
  name: string;
  open: boolean;
  error: string | undefined;
  onCommit: (no: string) => void;
}

/** The customer (vendor) of the document: a number lookup with the name under it; a change takes the new party's defaults. */
export function PartyField<T>({ source, label, testId, saved, name, open, error, onCommit }: PartyFieldProps<T>) {
  const [text, setText] = useState<string | null>(null);
  useEffect(() => setText(null), [saved]);
  const commit = (no: string) => {
    if (no.toUpperCase() === saved) setText(null);
    else if (no) onCommit(no);
  };
  return (
    <div>
      <RecordLookup source={source} value={text ?? saved} onChange={setText} onCommit={commit}
        inputProps={{ label, readOnly: !open, variant: open ? 'default' : 'filled', error }} />
      <Text size="xs" c="dimmed" mt={2} data-testid={testId}>{name}</Text>
    </div>
  );
}

interface HeaderTextProps<F extends string> {
  label: string;
  field: F;
  saved: string;
  error: string | undefined;
  onCommit: (field: F, value: string) => void;
}

export function HeaderText<F extends string>({ label, field, saved, error, onCommit }: HeaderTextProps<F>) {
  const [draft, setDraft] = useState<string | null>(null);
  // What was typed shows until the saved value changes (or stays, with the error, if the save is refused).
  useEffect(() => setDraft(null), [saved]);
  const commit = () => {
    if (draft === null) return;
    if (draft === saved) setDraft(null);
    else onCommit(field, draft);
  };
  const handleKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') commit();
    if (event.key === 'Escape') setDraft(null);
  };
  return (
    <TextInput label={label} value={draft ?? saved} error={error}
      onChange={(event) => setDraft(event.currentTarget.value)} onBlur={commit} onKeyDown={handleKeyDown} />
  );
}
