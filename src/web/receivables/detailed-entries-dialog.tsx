import { Alert, Loader, Modal } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../api/client.ts';
import { messageOf } from '../api/field-errors.ts';
import type { LedgerEntry } from '../api/posting-types.ts';
import type { Page } from '../api/types.ts';
import { EntriesTable } from '../ledgers/entries-table.tsx';
import { ledgerSpecs, type LedgerSpec } from '../ledgers/ledger-specs.ts';
import { useCaptions } from '../i18n/captions.ts';
import { useSession } from '../session/session-store.ts';
import type { PartyLedger, PartyLedgerEntry } from './party-entries.ts';

/** The detailed entries of one entry, with what each application touched and whether it was undone. */
function detailedSpec({ detailed }: PartyLedger): LedgerSpec {
  const base = ledgerSpecs[detailed.name];
  return { ...base, columns: [...base.columns, detailed.appliedColumn, { field: 'unapplied', label: 'Unapplied', kind: 'boolean' }] };
}

/** BC's Detailed Cust. (Vendor) Ledger Entries of an entry: the initial entry, its applications, discounts, tolerance, gains and losses. */
export function DetailedEntriesDialog({ ledger, entry, onClose }: { ledger: PartyLedger; entry: PartyLedgerEntry; onClose: () => void }) {
  const { locale } = useSession();
  const t = useCaptions();
  const spec = detailedSpec(ledger);
  const filter = { [ledger.detailed.entryNoField]: entry.entryNo };
  const detailed = useQuery({
    queryKey: ['entries', spec.name, filter],
    queryFn: () => api.get<Page<LedgerEntry>>(withQuery(`/${spec.name}`, { ...filter, limit: 1000 })),
  });
  return (
    <Modal opened onClose={onClose} size="90%" title={t('{{ledger}} – entry {{entryNo}} ({{documentNo}})', { ledger: t(spec.caption), entryNo: entry.entryNo, documentNo: entry.documentNo })}>
      {detailed.error && <Alert color="red" role="alert">{messageOf(detailed.error)}</Alert>}
      {detailed.isPending ? <Loader size="sm" /> : <EntriesTable spec={spec} entries={detailed.data?.items ?? []} locale={locale} showTotals />}
    </Modal>
  );
}
