import { Switch } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useCaptions } from '../i18n/captions.ts';
import type { AnyDocumentKind } from './document-kinds.ts';
import { prepaymentColumnsOf, type GridLine } from './line-fields.ts';
import { hasLinePrepayment } from './prepayment.ts';

/** Whether any line of the document carries a prepayment: a percentage, or prepayment invoiced or deducted. */
/**
 * Whether order (quote) lines show their prepayment columns (spec §26.3): on as soon as a line has
 * a prepayment (a header Prepayment % sets every line's), and as the switch above the grid says after that.
 */
export function usePrepaymentColumns(kind: AnyDocumentKind, lines: readonly GridLine[]) {
  const t = useCaptions();
  const prepaid = hasLinePrepayment(lines);
  const [chosen, setChosen] = useState<boolean | null>(null);
  // Lines that get a prepayment switch the columns on, whatever was chosen before.
  useEffect(() => {
    if (prepaid) setChosen(null);
  }, [prepaid]);
  const applies = prepaymentColumnsOf(kind).length > 0;
  const shown = chosen ?? prepaid;
  return {
    shown: applies && shown,
    toggle: applies
      ? <Switch size="xs" label={t('Show prepayment columns')} checked={shown} onChange={(event) => setChosen(event.currentTarget.checked)} />
      : null,
  };
}
