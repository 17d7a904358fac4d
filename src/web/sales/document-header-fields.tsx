import { Fieldset, SimpleGrid, Text, TextInput } from '@mantine/core';
import { useEffect, useState, type KeyboardEvent } from 'react';
import type { SalesDocument } from '../api/types.ts';
import { DateField } from '../components/date-field.tsx';
import { customerLookup, locationLookup } from '../components/lookup-sources.ts';
import { RecordLookup } from '../components/record-lookup.tsx';
import { dateFieldCaptions, type DocumentKind, type HeaderDateField } from './document-kinds.ts';

export type HeaderField = 'sellToCustomerNo' | 'externalDocumentNo' | 'yourReference' | 'locationCode' | HeaderDateField;

interface DocumentHeaderFieldsProps {
  kind: DocumentKind;
  document: SalesDocument;
  errors: Readonly<Record<string, string>>;
  onCommit: (field: HeaderField, value: string) => void;
}

/** The General FastTab: customer, references and dates; each field saves when it is left. */
export function DocumentHeaderFields({ kind, document, errors, onCommit }: DocumentHeaderFieldsProps) {
  const open = document.status === 'open';
  const [customerText, setCustomerText] = useState<string | null>(null);
  useEffect(() => setCustomerText(null), [document.sellToCustomerNo]);
  const commitCustomer = (no: string) => {
    if (no.toUpperCase() === document.sellToCustomerNo) setCustomerText(null);
    else if (no) onCommit('sellToCustomerNo', no);
  };
  return (
    <Fieldset legend="General">
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm" verticalSpacing="xs">
        <div>
          <RecordLookup source={customerLookup} value={customerText ?? document.sellToCustomerNo} onChange={setCustomerText} onCommit={commitCustomer}
            inputProps={{ label: 'Customer No.', readOnly: !open, variant: open ? 'default' : 'filled', error: errors.sellToCustomerNo }} />
          <Text size="xs" c="dimmed" mt={2} data-testid="customer-name">{document.sellToName}</Text>
        </div>
        <HeaderLocation document={document} open={open} error={errors.locationCode} onCommit={onCommit} />
        <HeaderText label="External Document No." field="externalDocumentNo" saved={document.externalDocumentNo} error={errors.externalDocumentNo} onCommit={onCommit} />
        <HeaderText label="Your Reference" field="yourReference" saved={document.yourReference} error={errors.yourReference} onCommit={onCommit} />
        {kind.dateFields.map((field) => (
          <DateField key={field} label={dateFieldCaptions[field]} value={document[field]} error={errors[field]} onCommit={(value) => onCommit(field, value ?? '')}
            readOnly={!open && field !== 'shipmentDate'} />
        ))}
      </SimpleGrid>
    </Fieldset>
  );
}

interface HeaderLocationProps {
  document: SalesDocument;
  open: boolean;
  error: string | undefined;
  onCommit: (field: HeaderField, value: string) => void;
}

/** Location Code: where the lines ship from; a change moves the lines that shipped from the old one. Blank clears it. */
function HeaderLocation({ document, open, error, onCommit }: HeaderLocationProps) {
  const saved = document.locationCode ?? '';
  const [draft, setDraft] = useState<string | null>(null);
  useEffect(() => setDraft(null), [saved]);
  const commit = (code: string) => {
    if (code.trim().toUpperCase() === saved) setDraft(null);
    else onCommit('locationCode', code.trim());
  };
  return (
    <RecordLookup source={locationLookup} value={draft ?? saved} onChange={setDraft} onCommit={commit}
      inputProps={{ label: 'Location Code', readOnly: !open, variant: open ? 'default' : 'filled', error }} />
  );
}

interface HeaderTextProps {
  label: string;
  field: HeaderField;
  saved: string;
  error: string | undefined;
  onCommit: (field: HeaderField, value: string) => void;
}

function HeaderText({ label, field, saved, error, onCommit }: HeaderTextProps) {
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
