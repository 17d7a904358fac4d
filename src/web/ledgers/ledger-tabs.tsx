import { Badge, Tabs, Text } from '@mantine/core';
import type { SupportedLocale } from '../format/locales.ts';
import type { LedgerSection } from './entry-format.ts';
import { EntriesTable } from './entries-table.tsx';
import { useCaptions } from '../i18n/captions.ts';

/** One tab per ledger, captioned with its number of entries, as BC's Navigate and posting preview show them. */
export function LedgerTabs({ sections, locale }: { sections: readonly LedgerSection[]; locale: SupportedLocale }) {
  const t = useCaptions();
  const first = sections.find((section) => section.count > 0) ?? sections[0];
  if (!first) return <Text c="dimmed">{t('No entries.')}</Text>;
  return (
    <Tabs defaultValue={first.spec.name} keepMounted={false}>
      <Tabs.List>
        {sections.map(({ spec, count }) => (
          <Tabs.Tab key={spec.name} value={spec.name} rightSection={<Badge size="sm" variant={count > 0 ? 'filled' : 'light'} data-count={spec.name}>{count}</Badge>}>
            {t(spec.caption)}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {sections.map(({ spec, entries, count }) => (
        <Tabs.Panel key={spec.name} value={spec.name} pt="xs">
          {count > entries.length && <Text size="xs" c="dimmed">{t('The first {{shown}} of {{count}} entries.', { shown: entries.length, count })}</Text>}
          <EntriesTable spec={spec} entries={entries} locale={locale} showTotals={spec.name === 'glEntries' || spec.name === 'vatEntries'} />
        </Tabs.Panel>
      ))}
    </Tabs>
  );
}
