import { Alert, Fieldset, Group, Loader, ScrollArea, Select, Table, Tabs } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useLocation } from 'react-router';
import { api, encodeKey, withQuery } from '../api/client.ts';
import { messageOf } from '../api/field-errors.ts';
import { DateField } from '../components/date-field.tsx';
import { formatDate } from '../format/dates.ts';
import type { SupportedLocale } from '../format/locales.ts';
import { formatQuantity } from '../format/numbers.ts';
import { useCaptions } from '../i18n/captions.ts';
import { useSession } from '../session/session-store.ts';

/** The figures both views show, as GET …/availabilityByPeriod and …/availabilityByLocation answer them. */
interface AvailabilityFigures { inventory: string; grossRequirement: string; scheduledReceipt: string; projectedAvailableBalance: string }
interface PeriodRow extends AvailabilityFigures { periodStart: string; periodEnd: string }
interface LocationRow extends AvailabilityFigures { locationCode: string }

type PeriodType = 'day' | 'week' | 'month' | 'quarter' | 'year';
const periodTypes: ReadonlyArray<{ value: PeriodType; label: string }> = [
  { value: 'day', label: 'Day' }, { value: 'week', label: 'Week' }, { value: 'month', label: 'Month' },
  { value: 'quarter', label: 'Quarter' }, { value: 'year', label: 'Year' },
];
/** BC's Item Availability by Periods shows a screenful of periods; twelve covers a year by month. */
const periodCount = 12;
/** The location filter's "all locations" (the API's filter left out), apart from '' (the blank location). */
const allLocations = '*';

const figureColumns: ReadonlyArray<{ field: keyof AvailabilityFigures; label: string }> = [
  { field: 'inventory', label: 'Inventory' },
  { field: 'grossRequirement', label: 'Gross Requirement' },
  { field: 'scheduledReceipt', label: 'Scheduled Receipt' },
  { field: 'projectedAvailableBalance', label: 'Projected Available Balance' },
];

/**
 * BC's Item Availability by Periods and by Location on the item card: what is in stock, needed,
 * expected and left over per period (from the work date) or per location (up to a date).
 * The document FactBox links here as `#availability`.
 */
export function ItemAvailabilityPanel({ itemNo }: { itemNo: string }) {
  const t = useCaptions();
  const ref = useRef<HTMLFieldSetElement>(null);
  const { hash } = useLocation();
  useEffect(() => {
    if (hash === '#availability') ref.current?.scrollIntoView({ block: 'start' });
  }, [hash]);
  return (
    <Fieldset ref={ref} id="availability" legend={t('Availability')} aria-label={t('Availability')}>
      <Tabs defaultValue="period" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="period">{t('By Period')}</Tabs.Tab>
          <Tabs.Tab value="location">{t('By Location')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="period" pt="xs"><AvailabilityByPeriod itemNo={itemNo} /></Tabs.Panel>
        <Tabs.Panel value="location" pt="xs"><AvailabilityByLocation itemNo={itemNo} /></Tabs.Panel>
      </Tabs>
    </Fieldset>
  );
}

function AvailabilityByPeriod({ itemNo }: { itemNo: string }) {
  const t = useCaptions();
  const { locale, workDate } = useSession();
  const [periodType, setPeriodType] = useState<PeriodType>('week');
  const [location, setLocation] = useState(allLocations);
  const path = withQuery(`/items/${encodeKey(itemNo)}/availabilityByPeriod`, { periodType, periods: periodCount, from: workDate });
  // withQuery leaves out empty values, but '' asks for the blank location: it is added by hand.
  const url = location === allLocations ? path : `${path}&locationCode=${encodeURIComponent(location)}`;
  const rows = useQuery({ queryKey: ['itemAvailabilityByPeriod', itemNo, periodType, location, workDate], queryFn: () => api.get<{ items: PeriodRow[] }>(url) });
  const locations = useQuery({ queryKey: ['itemAvailabilityByLocation', itemNo, workDate], queryFn: () => api.get<{ items: LocationRow[] }>(`/items/${encodeKey(itemNo)}/availabilityByLocation`) });
  const locationOptions = [
    { value: allLocations, label: t('All locations') },
    ...(locations.data?.items ?? []).map((row) => ({ value: row.locationCode, label: row.locationCode || t('(no location)') })),
  ];
  return (
    <>
      <Group gap="sm" mb="xs">
        <Select label={t('View by')} data={periodTypes.map((choice) => ({ value: choice.value, label: t(choice.label) }))} value={periodType} allowDeselect={false}
          onChange={(value) => value && setPeriodType(value as PeriodType)} w={160} comboboxProps={{ withinPortal: true }} />
        <Select label={t('Location Code')} data={locationOptions} value={location} allowDeselect={false} onChange={(value) => value !== null && setLocation(value)} w={200}
          comboboxProps={{ withinPortal: true }} />
      </Group>
      {rows.error && <Alert color="red" role="alert">{messageOf(rows.error)}</Alert>}
      {rows.isPending && <Loader size="sm" />}
      {rows.data && (
        <FiguresTable label={t('Availability by period')} rows={rows.data.items} rowKey={(row) => row.periodStart} locale={locale}
          lead={[{ label: t('Period Start'), render: (row) => formatDate(row.periodStart, locale) }, { label: t('Period End'), render: (row) => formatDate(row.periodEnd, locale) }]} />
      )}
    </>
  );
}

function AvailabilityByLocation({ itemNo }: { itemNo: string }) {
  const t = useCaptions();
  const { locale, workDate } = useSession();
  const [date, setDate] = useState<string | null>(null);
  const upTo = date ?? workDate;
  const rows = useQuery({
    queryKey: ['itemAvailabilityByLocation', itemNo, upTo],
    queryFn: () => api.get<{ items: LocationRow[] }>(withQuery(`/items/${encodeKey(itemNo)}/availabilityByLocation`, { date: upTo })),
  });
  return (
    <>
      <Group gap="sm" mb="xs">
        <DateField label={t('Up to date')} value={upTo} onCommit={setDate} />
      </Group>
      {rows.error && <Alert color="red" role="alert">{messageOf(rows.error)}</Alert>}
      {rows.isPending && <Loader size="sm" />}
      {rows.data && (
        <FiguresTable label={t('Availability by location')} rows={rows.data.items} rowKey={(row) => row.locationCode} locale={locale}
          lead={[{ label: t('Location Code'), render: (row) => row.locationCode || t('(no location)') }]} />
      )}
    </>
  );
}

interface FiguresTableProps<Row extends AvailabilityFigures> {
  label: string;
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  /** The columns that name a row (period, location), before the figures. */
  lead: ReadonlyArray<{ label: string; render: (row: Row) => string }>;
  locale: SupportedLocale;
}

function FiguresTable<Row extends AvailabilityFigures>({ label, rows, rowKey, lead, locale }: FiguresTableProps<Row>) {
  const t = useCaptions();
  if (rows.length === 0) return <Alert color="gray">{t('Nothing to show.')}</Alert>;
  return (
    <ScrollArea type="auto">
      <Table withTableBorder striped fz="sm" aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            {lead.map((column) => <Table.Th key={column.label}>{column.label}</Table.Th>)}
            {figureColumns.map((column) => <Table.Th key={column.field} ta="right">{t(column.label)}</Table.Th>)}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={rowKey(row)} data-row={rowKey(row)}>
              {lead.map((column) => <Table.Td key={column.label}>{column.render(row)}</Table.Td>)}
              {figureColumns.map((column) => <Table.Td key={column.field} ta="right" data-availability={column.field}>{formatQuantity(row[column.field], locale)}</Table.Td>)}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea>
  );
}
