import { Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { countRecords, withQuery } from '../api/client.ts';
import { useCaptions } from '../i18n/captions.ts';
import { documentKinds, type DocumentKind } from '../sales/document-kinds.ts';
import { useSession } from '../session/session-store.ts';

interface CueDefinition {
  label: string;
  kind: DocumentKind;
  filters: Record<string, string>;
}

/** The Sales Order Processor's activities: counts that open the list filtered the same way. */
const cues: readonly CueDefinition[] = [
  { label: 'Open sales quotes', kind: documentKinds.quote, filters: { status: 'open' } },
  { label: 'Sales orders – open', kind: documentKinds.order, filters: { status: 'open' } },
  { label: 'Sales orders – released', kind: documentKinds.order, filters: { status: 'released' } },
  { label: 'Sales invoices', kind: documentKinds.invoice, filters: {} },
  { label: 'Sales credit memos', kind: documentKinds.creditMemo, filters: {} },
  { label: 'Sales return orders', kind: documentKinds.returnOrder, filters: {} },
];

export function HomePage() {
  const { username } = useSession();
  const t = useCaptions();
  return (
    <Stack>
      <Title order={2}>{t('Welcome, {{name}}', { name: username ?? '' })}</Title>
      <Title order={4}>{t('Sales activities')}</Title>
      <SimpleGrid cols={{ base: 2, md: 3, xl: 6 }} maw={1200}>
        {cues.map((cue) => <Cue key={cue.label} cue={cue} />)}
      </SimpleGrid>
    </Stack>
  );
}

function Cue({ cue }: { cue: CueDefinition }) {
  const t = useCaptions();
  const count = useQuery({ queryKey: ['count', cue.kind.resource, cue.filters], queryFn: () => countRecords(`/${cue.kind.resource}`, cue.filters) });
  return (
    <Card component={Link} to={withQuery(`/sales/${cue.kind.path}`, cue.filters)} withBorder padding="md">
      {/* The visible caption and count are the link's name (an aria-label of other words would hide them). */}
      <Text size="sm" c="gray.7">{t(cue.label)}</Text>
      <Text fz={32} fw={700} c="teal.8" data-testid="cue-count">{count.isError ? '!' : (count.data ?? '…')}</Text>
    </Card>
  );
}
