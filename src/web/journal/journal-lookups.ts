import { lineNoLookups } from '../components/lookup-sources.ts';
import type { LookupSource } from '../components/record-lookup.tsx';
import type { JournalAccountType } from './journal-types.ts';

interface AccountRecord { no: string; name?: string; city?: string }

const accountLookup = (path: string): LookupSource<AccountRecord> => ({
  path, keyOf: (record) => record.no, describe: (record) => [record.name, record.city].filter(Boolean).join(' · '),
});

/** What an Account No. (Bal. Account No.) looks up, by its account type; G/L accounts those that allow direct posting. */
export const accountLookups: Readonly<Record<JournalAccountType, LookupSource<AccountRecord>>> = {
  glAccount: lineNoLookups.glAccount,
  customer: accountLookup('/customers'),
  vendor: accountLookup('/vendors'),
  bankAccount: accountLookup('/bankAccounts'),
};

export const currencyLookup: LookupSource<{ code: string; description: string }> = {
  path: '/currencies', keyOf: (record) => record.code, describe: (record) => record.description,
};
