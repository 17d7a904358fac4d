import { Alert, Anchor, Fieldset, Group, Loader, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, withQuery } from '../api/client.ts';
import { messageOf } from '../api/field-errors.ts';
import type { Page } from '../api/types.ts';
import type { LedgerEntry } from '../api/posting-types.ts';
import { useSession } from '../session/session-store.ts';
import { EntriesTable } from './entries-table.tsx';
import type { LedgerSpec } from './ledger-specs.ts';
import { useCaptions } from '../i18n/captions.ts';

const shownAtMost = 25;

interface EntriesPanelProps {
  spec: LedgerSpec;
  /** e.g. { customerNo: 'C00010' }: the API filter, and the list page's when following "Show all". */
  filters: Record<string, string>;
  title?: string;
}

/** A card's part with the first entries of a ledger for this record, and the way to all of them. */
export function EntriesPanel({ spec, filters, title = spec.caption }: EntriesPanelProps) {
  const t = useCaptions();
  const { locale } = useSession();
  const entries = useQuery({
    queryKey: ['entries', spec.name, filters],
    queryFn: () => api.get<Page<LedgerEntry>>(withQuery(`/${spec.name}`, { ...filters, limit: shownAtMost })),
  });
  return (
    <Fieldset legend={t(title)} aria-label={t(title)}>
      {entries.error && <Alert color="red" role="alert">{messageOf(entries.error)}</Alert>}
      {entries.isPending ? <Loader size="sm" /> : <EntriesTable spec={spec} entries={entries.data?.items ?? []} locale={locale} />}
      <Group justify="space-between" mt={4}>
        <Text size="xs" c="dimmed">{entries.data?.nextCursor ? t('The first {{shown}} entries.', { shown: shownAtMost }) : ''}</Text>
        {spec.path && <Anchor component={Link} to={withQuery(`/ledgers/${spec.path}`, filters)} size="sm">{t('Show all {{entries}}', { entries: t(spec.caption).toLowerCase() })}</Anchor>}
      </Group>
    </Fieldset>
  );
}
