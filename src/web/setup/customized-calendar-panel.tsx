/**
 * BC's Customized Calendar of a party (the company, a customer; locations and shipping agents show
 * theirs in their setup dialog): its exceptions to the base calendar it uses, which the delivery date
 * calculation reads together with that calendar's own changes.
 */
import { Fieldset, Text } from '@mantine/core';
import { useCaptions } from '../i18n/captions.ts';
import { customizedChangesRows, type CalendarSourceType } from './calendar-pages.ts';
import { SetupRowsPanel } from './setup-rows-panel.tsx';

interface CustomizedCalendarPanelProps {
  sourceType: CalendarSourceType;
  /** The customer's number; '' for the company. */
  sourceCode: string;
  /** The base calendar the party uses as saved, null when it has none. */
  baseCalendarCode: string | null;
}

export function CustomizedCalendarPanel({ sourceType, sourceCode, baseCalendarCode }: CustomizedCalendarPanelProps) {
  const t = useCaptions();
  if (!baseCalendarCode) {
    return (
      <Fieldset legend={t('Customized Calendar Changes')} aria-label={t('Customized Calendar Changes')}>
        <Text size="sm" c="dimmed">{t('Choose a Base Calendar Code and save to customize the calendar.')}</Text>
      </Fieldset>
    );
  }
  // Keyed by the calendar: another base calendar has its own customized changes.
  return <SetupRowsPanel key={baseCalendarCode} spec={customizedChangesRows(sourceType, sourceCode, baseCalendarCode)} />;
}
