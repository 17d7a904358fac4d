import { lineNoLookups } from '../components/lookup-sources.ts';
import type { LookupSource } from '../components/record-lookup.tsx';
import type { ReconciliationAccountType } from '../../core/bank/reconciliation.schemas.ts';

interface AccountRecord { no: string; name?: string; description?: string }

/** The account types a reconciliation line may post to, with BC's captions. */
export const accountTypeOptions: ReadonlyArray<{ value: ReconciliationAccountType; label: string }> = [
  { value: 'glAccount', label: 'G/L Account' },
  { value: 'customer', label: 'Customer' },
  { value: 'vendor', label: 'Vendor' },
  { value: 'bankAccount', label: 'Bank Account' },
];

/** Where each account type's No. is looked up; G/L accounts are posting accounts open to direct posting. */
export const accountLookups: Readonly<Record<ReconciliationAccountType, LookupSource<AccountRecord>>> = {
  glAccount: lineNoLookups.glAccount,
  customer: { path: '/customers', keyOf: (record) => record.no, describe: (record) => record.name ?? '' },
  vendor: { path: '/vendors', keyOf: (record) => record.no, describe: (record) => record.name ?? '' },
  bankAccount: { path: '/bankAccounts', keyOf: (record) => record.no, describe: (record) => record.name ?? '' },
};
