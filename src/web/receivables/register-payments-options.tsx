import { Checkbox, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { lineNoLookups } from '../components/lookup-sources.ts';
import { RecordLookup, type LookupSource } from '../components/record-lookup.tsx';
import type { BalAccountType, RegisterPaymentsOptions } from './register-payments.ts';

const bankAccountLookup: LookupSource<{ no: string; name?: string }> = { path: '/bankAccounts', keyOf: (record) => record.no, describe: (record) => record.name ?? '' };
const balAccountLookups: Readonly<Record<BalAccountType, LookupSource<{ no: string; name?: string; description?: string }>>> = {
  bankAccount: bankAccountLookup,
  glAccount: lineNoLookups.glAccount,
};

function defaultCaption(defaultAccount: string | null): string {
  if (defaultAccount === null) return "Left empty: the cash receipts batch's balancing account.";
  if (defaultAccount === '') return 'The cash receipts batch has no balancing account: choose one.';
  return `Left empty: ${defaultAccount}, the cash receipts batch's balancing account.`;
}

interface OptionsProps {
  options: RegisterPaymentsOptions;
  onChange: (options: RegisterPaymentsOptions) => void;
  /** The server's errors of the balancing account fields. */
  errors: Readonly<Record<string, string>>;
  /** The account the server balances on when none is chosen; '' for none, null while unknown. */
  defaultAccount: string | null;
}

/**
 * BC's Payment Registration Setup, per posting: the balancing account (left empty, the server's
 * default), and the answers to the tolerance warnings, as the Cash Receipt Journal's post dialog has them.
 */
export function RegisterPaymentsOptionsFields({ options, onChange, errors, defaultAccount }: OptionsProps) {
  const [balAccountText, setBalAccountText] = useState(options.balAccountNo);
  return (
    <Stack gap={6}>
      <Group align="start" gap="sm">
        <NativeSelect label="Bal. Account Type" w={170} value={options.balAccountType} error={errors.balAccountType}
          data={[{ value: 'bankAccount', label: 'Bank Account' }, { value: 'glAccount', label: 'G/L Account' }]}
          onChange={(event) => onChange({ ...options, balAccountType: event.currentTarget.value as BalAccountType })} />
        <RecordLookup source={balAccountLookups[options.balAccountType]} value={balAccountText} onChange={setBalAccountText}
          onCommit={(key) => { setBalAccountText(key); onChange({ ...options, balAccountNo: key }); }}
          inputProps={{ label: 'Bal. Account No.', w: 200, error: errors.balAccountNo, placeholder: 'Default' }} />
        <Text size="xs" c="dimmed" mt={30} data-testid="bal-account-default">{defaultCaption(defaultAccount)}</Text>
      </Group>
      <Checkbox label="Post the balance as payment tolerance" description="Unticked: leave the balance as remaining amount."
        checked={options.acceptPaymentTolerance} onChange={(event) => onChange({ ...options, acceptPaymentTolerance: event.currentTarget.checked })} />
      <Checkbox label="Post a late payment discount as payment discount tolerance"
        description="For a payment after the discount date but within the grace period. Unticked: leave the discount as remaining amount."
        checked={options.acceptPaymentDiscountTolerance} onChange={(event) => onChange({ ...options, acceptPaymentDiscountTolerance: event.currentTarget.checked })} />
    </Stack>
  );
}
