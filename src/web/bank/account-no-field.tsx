import { RecordLookup } from '../components/record-lookup.tsx';
import type { ReconciliationAccountType } from '../../core/bank/reconciliation.schemas.ts';
import { accountLookups } from './account-lookups.ts';

interface AccountNoFieldProps {
  label: string;
  accountType: ReconciliationAccountType;
  value: string;
  onChange: (value: string) => void;
  error?: string;
}

/** An account's No. with the lookup of its type: type the number, or part of the name and pick. */
export function AccountNoField({ label, accountType, value, onChange, error }: AccountNoFieldProps) {
  return (
    <RecordLookup source={accountLookups[accountType]} value={value} onChange={onChange} onCommit={(key) => onChange(key.trim().toUpperCase())}
      inputProps={{ label, w: 240, error }} />
  );
}
