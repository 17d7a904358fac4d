import { Button, Checkbox, Fieldset, Group, Modal, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState, type KeyboardEvent } from 'react';
import { dec } from '../../core/money/decimal.ts';
import type { SalesDocument } from '../api/types.ts';
import { DateField } from '../components/date-field.tsx';
import type { LookupSource } from '../components/record-lookup.tsx';
import { decimalForInput, parseDecimalInput } from '../format/numbers.ts';
import { useCaptions } from '../i18n/captions.ts';
import { useSession } from '../session/session-store.ts';
import type { DocumentKind } from './document-kinds.ts';
import { HeaderCodeField } from './header-code-field.tsx';

export type PrepaymentHeaderField =
  | 'prepaymentPercent' | 'compressPrepayment' | 'prepmtPaymentTermsCode' | 'prepaymentDueDate' | 'prepmtPmtDiscountDate' | 'prepmtPaymentDiscountPercent';

const paymentTermsLookup: LookupSource<{ code: string; description: string }> = {
  path: '/paymentTerms', keyOf: (record) => record.code, describe: (record) => record.description,
};

/** The documents with a Prepayment FastTab: orders, and quotes with the percentage only (spec §26.1). */
export function hasPrepaymentFields(kind: DocumentKind): boolean {
  return kind.type === 'order' || kind.type === 'quote';
}

interface PrepaymentHeaderFieldsProps {
  kind: DocumentKind;
  document: SalesDocument;
  errors: Readonly<Record<string, string>>;
  onCommit: (field: PrepaymentHeaderField, value: string | boolean) => void;
}

/**
 * The Prepayment FastTab of an order (spec §26.1): its percentage (a change sets every line's, after
 * a confirmation), Compress Prepayment, the prepayment terms and dates, and the last prepayment
 * documents posted. A quote has the percentage only.
 */
export function PrepaymentHeaderFields({ kind, document, errors, onCommit }: PrepaymentHeaderFieldsProps) {
  const t = useCaptions();
  const open = document.status === 'open';
  const order = kind.type === 'order';
  return (
    <Fieldset legend={t('Prepayment')}>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm" verticalSpacing="xs">
        <PrepaymentPercentField document={document} open={open} error={errors.prepaymentPercent} onCommit={(value) => onCommit('prepaymentPercent', value)} />
        {order && (
          <>
            <Checkbox mt="lg" label={t('Compress Prepayment')} checked={document.compressPrepayment} disabled={!open} error={errors.compressPrepayment}
              onChange={(event) => onCommit('compressPrepayment', event.currentTarget.checked)} />
            {/* Blank clears it: the prepayment is then due on the Document Date. */}
            <HeaderCodeField source={paymentTermsLookup} label={t('Prepmt. Payment Terms Code')} saved={document.prepmtPaymentTermsCode} open={open}
              error={errors.prepmtPaymentTermsCode} onCommit={(code) => onCommit('prepmtPaymentTermsCode', code)} />
            <DateField label={t('Prepayment Due Date')} value={document.prepaymentDueDate} error={errors.prepaymentDueDate} readOnly={!open}
              onCommit={(value) => onCommit('prepaymentDueDate', value ?? '')} />
            <DateField label={t('Prepmt. Pmt. Discount Date')} value={document.prepmtPmtDiscountDate} error={errors.prepmtPmtDiscountDate} readOnly={!open}
              onCommit={(value) => onCommit('prepmtPmtDiscountDate', value ?? '')} />
            <PercentField label={t('Prepmt. Payment Discount %')} saved={document.prepmtPaymentDiscountPercent} open={open} error={errors.prepmtPaymentDiscountPercent}
              onCommit={(value) => onCommit('prepmtPaymentDiscountPercent', value)} />
            <TextInput label={t('Last Prepayment No.')} value={document.lastPrepaymentNo ?? ''} readOnly variant="filled" />
            <TextInput label={t('Last Prepmt. Cr. Memo No.')} value={document.lastPrepmtCrMemoNo ?? ''} readOnly variant="filled" />
          </>
        )}
      </SimpleGrid>
    </Fieldset>
  );
}

/** The header's Prepayment %: on a document with lines, a change replaces every line's percentage, so it asks first. */
function PrepaymentPercentField({ document, open, error, onCommit }: { document: SalesDocument; open: boolean; error: string | undefined; onCommit: (value: string) => void }) {
  const t = useCaptions();
  const [asking, setAsking] = useState<{ value: string; cancel: () => void } | null>(null);
  const hasLines = document.lines.some((line) => line.type !== 'comment' && line.no !== '');
  const commit = (value: string, cancel: () => void) => (hasLines ? setAsking({ value, cancel }) : onCommit(value));
  const answer = (yes: boolean) => {
    if (!asking) return;
    if (yes) onCommit(asking.value);
    else asking.cancel();
    setAsking(null);
  };
  return (
    <>
      <PercentField label={t('Prepayment %')} saved={document.prepaymentPercent} open={open} error={error} onCommit={commit} />
      <Modal opened={asking !== null} onClose={() => answer(false)} title={t('Change Prepayment %')}>
        <Stack gap="sm">
          <Text size="sm">
            {t('Changing Prepayment % on the header sets it on every line of the document, replacing the percentages the lines have now. Do you want to change it?')}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => answer(false)}>{t('No')}</Button>
            <Button onClick={() => answer(true)} data-autofocus>{t('Yes')}</Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

interface PercentFieldProps {
  label: string;
  /** The saved percentage, a plain decimal string. */
  saved: string;
  open: boolean;
  error: string | undefined;
  /** The typed value as a plain decimal (or as typed when it is none, for the schema to refuse); `cancel` puts the saved value back. */
  onCommit: (value: string, cancel: () => void) => void;
}

/** A percentage of the header, in the user's locale; saved when left or on Enter, Escape puts the saved value back. */
function PercentField({ label, saved, open, error, onCommit }: PercentFieldProps) {
  const { locale } = useSession();
  const [draft, setDraft] = useState<string | null>(null);
  useEffect(() => setDraft(null), [saved]);
  const commit = () => {
    if (draft === null) return;
    const value = parseDecimalInput(draft, locale);
    if (value !== null && dec(value).eq(dec(saved))) return setDraft(null);
    onCommit(value ?? draft, () => setDraft(null));
  };
  const handleKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') commit();
    if (event.key === 'Escape') setDraft(null);
  };
  return (
    <TextInput label={label} value={draft ?? decimalForInput(saved, locale)} error={error} readOnly={!open} variant={open ? 'default' : 'filled'}
      inputMode="decimal" autoComplete="off" onChange={(event) => setDraft(event.currentTarget.value)} onBlur={commit} onKeyDown={handleKeyDown} />
  );
}
