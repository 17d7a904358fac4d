import { Button } from '@mantine/core';
import { useCaptions } from '../i18n/captions.ts';
import type { LineFilter, Reconciliation } from './reconciliation-types.ts';

const filters: ReadonlyArray<{ filter: LineFilter; label: string; count: (journal: Reconciliation) => number }> = [
  { filter: 'all', label: 'All', count: (journal) => journal.lineCount },
  { filter: 'toReview', label: 'Lines to Review', count: (journal) => journal.linesToReview },
  { filter: 'withDifference', label: 'Lines with Difference', count: (journal) => journal.linesWithDifference },
];

/** BC's Show All / Show Lines to Review / Show Lines with Difference, with how many lines each shows. */
export function LineFilterButtons({ journal, filter, onChange }: { journal: Reconciliation | undefined; filter: LineFilter; onChange: (filter: LineFilter) => void }) {
  const t = useCaptions();
  return (
    <Button.Group aria-label={t('Show lines')}>
      {filters.map((option) => (
        <Button key={option.filter} variant={option.filter === filter ? 'filled' : 'default'} aria-pressed={option.filter === filter}
          onClick={() => onChange(option.filter)} rightSection={journal ? <span data-count={option.filter}>{option.count(journal)}</span> : undefined}>
          {t(option.label)}
        </Button>
      ))}
    </Button.Group>
  );
}
