import { Checkbox, Select, Text, TextInput } from '@mantine/core';
import { createContext, useContext, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { dec } from '../../core/money/decimal.ts';
import { headerFieldsEditableWhenReleased } from '../../core/sales/status.ts';
import { encodeKey } from '../api/client.ts';
import type { SalesDocument } from '../api/types.ts';
import { RecordLookup, type LookupSource } from '../components/record-lookup.tsx';
import { useUnsavedGuard } from '../components/unsaved-guard.ts';
import { decimalForInput, parseDecimalInput } from '../format/numbers.ts';
import { useCaptions } from '../i18n/captions.ts';
import { useSession } from '../session/session-store.ts';

type Address<P extends string> = Record<`${P}${'Name' | 'Name2' | 'Address' | 'Address2' | 'City' | 'PostCode' | 'County' | 'CountryRegionCode' | 'Contact' | 'PhoneNo' | 'Email'}`, string>;

/**
 * A sales document as GET returns it: besides what the lines grid and totals read (SalesDocument),
 * the header's whole record, which the header tabs show.
 */
export type HeaderDocument = SalesDocument & Address<'sellTo'> & Address<'billTo'> & Address<'shipTo'> & {
  shipToCode: string | null;
  salespersonCode: string | null;
  paymentTermsCode: string | null;
  paymentMethodCode: string | null;
  paymentDiscountPercent: string;
  paymentDiscountDate: string | null;
  invoiceDiscountCalculation: 'none' | 'percent' | 'amount';
  invoiceDiscountValue: string;
  shipmentMethodCode: string | null;
  shippingAgentCode: string | null;
  shippingAgentServiceCode: string;
  packageTrackingNo: string;
  requestedDeliveryDate: string | null;
  promisedDeliveryDate: string | null;
  shippingAdvice: 'partial' | 'complete';
  appliesToDocumentType: 'invoice' | 'creditMemo' | null;
  appliesToDocumentNo: string | null;
};

/** Saves one header field (PATCH), as the page's commitHeader does. */
export type HeaderCommit = (field: string, value: string | boolean | string[]) => void;

/** Whether a header field may change now: anything while open, a few fields when released (core/sales/status.ts). */
export function headerEditable(document: Pick<SalesDocument, 'status'>, field: string): boolean {
  return document.status === 'open' || headerFieldsEditableWhenReleased.includes(field);
}

interface Described { code: string; description?: string; name?: string }
const lookup = (path: string): LookupSource<Described> => ({ path, keyOf: (record) => record.code, describe: (record) => record.description ?? record.name ?? '' });

export const salespersonLookup = lookup('/salespeople');
export const currencyCodeLookup = lookup('/currencies');
export const paymentTermsCodeLookup = lookup('/paymentTerms');
export const paymentMethodLookup = lookup('/paymentMethods');
export const shipmentMethodLookup = lookup('/shipmentMethods');
export const shippingAgentLookup = lookup('/shippingAgents');

/** The sell-to customer's ship-to addresses. */
export function shipToLookup(customerNo: string): LookupSource<{ code: string; name: string; city: string }> {
  return { path: `/customers/${encodeKey(customerNo)}/shipToAddresses`, keyOf: (record) => record.code, describe: (record) => `${record.name} · ${record.city}` };
}

/** The version of the document the header shows: a field whose save went through shows what was saved, even if that is what it was. */
const HeaderVersion = createContext<number | undefined>(undefined);
export const HeaderVersionProvider = HeaderVersion.Provider;

/**
 * What is typed in a header field: it shows until the saved value changes, or until the save it was
 * committed with went through (the server may keep the value it had, e.g. an invoice discount it
 * calculates itself); a refused save leaves it, with the error.
 */
function useDraft(saved: string) {
  const version = useContext(HeaderVersion);
  const [draft, setDraftState] = useState<string | null>(null);
  // The guard reads the draft as it is now: one just cleared must not ask until React renders again.
  const draftNow = useRef<string | null>(null);
  const setDraft = (next: string | null) => { draftNow.current = next; setDraftState(next); };
  const committedAt = useRef<number | undefined | null>(null);
  // Typed and not yet committed (a commit on its way is saved whatever happens to the page).
  useUnsavedGuard(() => draftNow.current !== null && committedAt.current === null);
  useEffect(() => setDraft(null), [saved]);
  useEffect(() => {
    if (committedAt.current === null || committedAt.current === version) return;
    committedAt.current = null;
    setDraft(null);
  }, [version]);
  return { draft, setDraft, committed: () => { committedAt.current = version; } };
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
  readOnly?: boolean;
}

export function HeaderText<F extends string>({ label, field, saved, error, onCommit, readOnly = false }: HeaderTextProps<F>) {
  const { draft, setDraft, committed } = useDraft(saved);
  const commit = () => {
    if (draft === null) return;
    if (draft === saved) return setDraft(null);
    committed();
    onCommit(field, draft);
  };
  const handleKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') commit();
    if (event.key === 'Escape') setDraft(null);
  };
  return (
    <TextInput label={label} value={draft ?? saved} error={error} readOnly={readOnly} variant={readOnly ? 'filled' : 'default'}
      onChange={(event) => setDraft(event.currentTarget.value)} onBlur={commit} onKeyDown={handleKeyDown} />
  );
}

interface HeaderDecimalProps {
  label: string;
  /** The saved value, a plain decimal string. */
  saved: string;
  readOnly: boolean;
  error: string | undefined;
  /** The typed value as a plain decimal (as typed when it is none, for the schema to refuse). */
  onCommit: (value: string) => void;
}

/** A percentage or amount of the header in the user's locale; saved when left or on Enter, Escape puts the saved value back. */
export function HeaderDecimal({ label, saved, readOnly, error, onCommit }: HeaderDecimalProps) {
  const { locale } = useSession();
  const { draft, setDraft, committed } = useDraft(saved);
  const commit = () => {
    if (draft === null) return;
    const value = parseDecimalInput(draft, locale);
    if (value !== null && dec(value).eq(dec(saved))) return setDraft(null);
    committed();
    onCommit(value ?? draft);
  };
  const handleKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') commit();
    if (event.key === 'Escape') setDraft(null);
  };
  return (
    <TextInput label={label} value={draft ?? decimalForInput(saved, locale)} error={error} readOnly={readOnly} variant={readOnly ? 'filled' : 'default'}
      inputMode="decimal" autoComplete="off" onChange={(event) => setDraft(event.currentTarget.value)} onBlur={commit} onKeyDown={handleKeyDown} />
  );
}

interface HeaderChoiceProps<V extends string> {
  label: string;
  saved: V | null;
  options: ReadonlyArray<{ value: V; label: string }>;
  readOnly: boolean;
  error: string | undefined;
  onCommit: (value: V) => void;
}

/** An option field of the header (Shipping Advice, Applies-to Doc. Type): saved when chosen; the options' English captions shown in the user's language. */
export function HeaderChoice<V extends string>({ label, saved, options, readOnly, error, onCommit }: HeaderChoiceProps<V>) {
  const t = useCaptions();
  return (
    <Select label={label} data={options.map((option) => ({ value: option.value, label: t(option.label) }))} value={saved} allowDeselect={false} readOnly={readOnly}
      variant={readOnly ? 'filled' : 'default'} error={error} comboboxProps={{ withinPortal: true }}
      onChange={(value) => { if (value !== null && value !== saved) onCommit(value as V); }} />
  );
}

/** A yes/no field of the header (Prices Including VAT): saved when ticked. */
export function HeaderCheckbox({ label, saved, readOnly, error, onCommit }: { label: string; saved: boolean; readOnly: boolean; error: string | undefined; onCommit: (value: boolean) => void }) {
  return <Checkbox mt="lg" label={label} checked={saved} disabled={readOnly} error={error} onChange={(event) => onCommit(event.currentTarget.checked)} />;
}
