import { Alert, Loader, Modal } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../api/client.ts';
import { messageOf } from '../api/field-errors.ts';
import type { LedgerEntry } from '../api/posting-types.ts';
import type { Page } from '../api/types.ts';
import { EntriesTable } from '../ledgers/entries-table.tsx';
import { ledgerSpecs, type LedgerSpec } from '../ledgers/ledger-specs.ts';
import { useSession } from '../session/session-store.ts';
import type { CustomerLedgerEntry } from './customer-entries.ts';

/** The detailed entries of one entry, with what each application touched and whether it was undone. */
const spec: LedgerSpec = {
  ...ledgerSpecs.detailedCustomerLedgerEntries,
  columns: [
    ...ledgerSpecs.detailedCustomerLedgerEntries.columns,
    { field: 'appliedCustomerLedgerEntryNo', label: 'Applied Cust. Ledger Entry No.', kind: 'integer' },
    { field: 'unapplied', label: 'Unapplied', kind: 'boolean' },
  ],
};

/** BC's Detailed Cust. Ledger Entries of an entry: the initial entry, its applications, discounts, tolerance, gains and losses. */
export function DetailedEntriesDialog({ entry, onClose }: { entry: CustomerLedgerEntry; onClose: () => void }) {
  const { locale } = useSession();
  const detailed = useQuery({
    queryKey: ['entries', 'detailedCustomerLedgerEntries', { customerLedgerEntryNo: entry.entryNo }],
    queryFn: () => api.get<Page<LedgerEntry>>(withQuery('/detailedCustomerLedgerEntries', { customerLedgerEntryNo: entry.entryNo, limit: 1000 })),
  });
  return (
    <Modal opened onClose={onClose} size="90%" title={`Detailed Cust. Ledger Entries – entry ${entry.entryNo} (${entry.documentNo})`}>
      {detailed.error && <Alert color="red" role="alert">{messageOf(detailed.error)}</Alert>}
      {detailed.isPending ? <Loader size="sm" /> : <EntriesTable spec={spec} entries={detailed.data?.items ?? []} locale={locale} showTotals />}
    </Modal>
  );
}
