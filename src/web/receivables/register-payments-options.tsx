import { Checkbox, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { lineNoLookups } from '../components/lookup-sources.ts';
import { RecordLookup, type LookupSource } from '../components/record-lookup.tsx';
import { caption, useCaptions } from '../i18n/captions.ts';
import type { BalAccountType, RegisterPaymentsOptions } from './register-payments.ts';

const bankAccountLookup: LookupSource<{ no: string; name?: string }> = { path: '/bankAccounts', keyOf: (record) => record.no, describe: (record) => record.name ?? '' };
const balAccountLookups: Readonly<Record<BalAccountType, LookupSource<{ no: string; name?: string; description?: string }>>> = {
  bankAccount: bankAccountLookup,
  glAccount: lineNoLookups.glAccount,
};

function defaultCaption(defaultAccount: string | null): string {
  if (defaultAccount === null) return caption("Left empty: the cash receipts batch's balancing account.");
  if (defaultAccount === '') return caption('The cash receipts batch has no balancing account: choose one.');
  return caption("Left empty: {{account}}, the cash receipts batch's balancing account.", { account: defaultAccount });
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
  const t = useCaptions();
  const [balAccountText, setBalAccountText] = useState(options.balAccountNo);
  return (
    <Stack gap={6}>
      <Group align="start" gap="sm">
        <NativeSelect label={t('Bal. Account Type')} w={170} value={options.balAccountType} error={errors.balAccountType}
          data={[{ value: 'bankAccount', label: t('Bank Account') }, { value: 'glAccount', label: t('G/L Account') }]}
          onChange={(event) => onChange({ ...options, balAccountType: event.currentTarget.value as BalAccountType })} />
        <RecordLookup source={balAccountLookups[options.balAccountType]} value={balAccountText} onChange={setBalAccountText}
          onCommit={(key) => { setBalAccountText(key); onChange({ ...options, balAccountNo: key }); }}
          inputProps={{ label: t('Bal. Account No.'), w: 200, error: errors.balAccountNo, placeholder: t('Default') }} />
        <Text size="xs" c="dimmed" mt={30} data-testid="bal-account-default">{defaultCaption(defaultAccount)}</Text>
      </Group>
      <Checkbox label={t('Post the balance as payment tolerance')} description={t('Unticked: leave the balance as remaining amount.')}
        checked={options.acceptPaymentTolerance} onChange={(event) => onChange({ ...options, acceptPaymentTolerance: event.currentTarget.checked })} />
      <Checkbox label={t('Post a late payment discount as payment discount tolerance')}
        description={t('For a payment after the discount date but within the grace period. Unticked: leave the discount as remaining amount.')}
        checked={options.acceptPaymentDiscountTolerance} onChange={(event) => onChange({ ...options, acceptPaymentDiscountTolerance: event.currentTarget.checked })} />
    </Stack>
  );
}
