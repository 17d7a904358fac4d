import { Anchor } from '@mantine/core';
import { Link, useParams } from 'react-router';
import type { LedgerEntry } from '../api/posting-types.ts';
import { NotFoundPage } from '../layout/not-found-page.tsx';
import type { ListFilter } from '../lists/list-filters.tsx';
import { ListPage, type ListColumn } from '../lists/list-page.tsx';
import { partyLedgerOf, type PartyLedger } from '../receivables/party-entries.ts';
import { PartyEntryActions } from '../receivables/party-entry-actions.tsx';
import { caption } from '../i18n/captions.ts';
import { findEntriesPath } from './entries-table.tsx';
import { formatEntryValue, isNumericKind } from './entry-format.ts';
import { ledgerSpecByPath, type LedgerFilter, type LedgerSpec } from './ledger-specs.ts';

const yesNo = [{ value: 'true', label: 'Yes' }, { value: 'false', label: 'No' }];

function listFilter(filter: LedgerFilter): ListFilter {
  return filter.kind === 'boolean' ? { field: filter.field, label: filter.label, options: yesNo } : { field: filter.field, label: filter.label, kind: filter.kind };
}

function listColumns(spec: LedgerSpec): ListColumn<LedgerEntry>[] {
  return spec.columns.map((column) => ({
    key: column.field,
    label: column.label,
    numeric: isNumericKind(column.kind),
    render: (entry, locale) => {
      const text = formatEntryValue(entry[column.field], column.kind, locale, caption);
      return column.field === 'documentNo' && text ? <Anchor component={Link} to={findEntriesPath(text)} fz="sm">{text}</Anchor> : text;
    },
  }));
}

/** Customer and vendor ledger entries are acted on (Apply, Unapply, Reverse, Detailed Entries); the other ledgers are read. */
const entryActions = (ledger: PartyLedger): ListColumn<LedgerEntry> => ({
  key: 'actions', label: 'Actions', sortField: null, render: (entry) => <PartyEntryActions ledger={ledger} row={entry} />,
});

/**
 * A ledger's entries, newest first (any column sorts, on the server), with the customer, vendor,
 * account or item name beside its number, filtered by the fields BC users filter on (kept in the address).
 */
export function LedgerListPage() {
  const spec = ledgerSpecByPath(useParams().ledger);
  if (!spec) return <NotFoundPage />;
  const party = partyLedgerOf(spec.name);
  const columns = party ? [...listColumns(spec), entryActions(party)] : listColumns(spec);
  return (
    <ListPage key={spec.name} title={spec.caption} resource={`/${spec.name}`} columns={columns} rowKey={(entry) => String(entry.entryNo)}
      filters={spec.filters.map(listFilter)} searchable={spec.searchable} defaultSort="-entryNo" />
  );
}
