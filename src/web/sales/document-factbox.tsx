import { Alert, Anchor, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, type ReactNode } from 'react';
import { Link } from 'react-router';
import { dec } from '../../core/money/decimal.ts';
import { api, encodeKey, withQuery } from '../api/client.ts';
import { messageOf } from '../api/field-errors.ts';
import type { ItemInventory } from '../api/posting-types.ts';
import type { SalesDocument } from '../api/types.ts';
import { formatAmount, formatQuantity } from '../format/numbers.ts';
import { useCaptions } from '../i18n/captions.ts';
import { useSession } from '../session/session-store.ts';
import { useLineReservations } from './reservations.ts';

/** A line as GET returns it: its quantity in the base unit, too, which inventory is counted in. */
type Line = SalesDocument['lines'][number] & { quantityBase?: string };

/** What GET /customers/{no}/statistics answers that the FactBox shows (amounts in LCY, at the work date). */
interface CustomerFigures { balanceLcy: string; balanceDueLcy: string; creditLimitLcy: string }

interface DocumentFactBoxProps {
  document: SalesDocument;
  /** The line the cursor is on (BC's current line), if any. */
  line: Line | undefined;
}

/**
 * BC's FactBoxes beside a sales document: the bill-to customer's balance, credit limit and overdue
 * amount, and the availability of the current line's item. Below the page on narrow screens.
 */
export function DocumentFactBox({ document, line }: DocumentFactBoxProps) {
  const t = useCaptions();
  return (
    <Stack gap="sm" component="aside" aria-label={t('FactBox')}>
      <CustomerFactBox customerNo={document.billToCustomerNo} name={document.billToName} version={document.version} />
      {line?.type === 'item' && line.no !== '' && <ItemFactBox line={line} order={document.documentType === 'order' ? document : undefined} />}
    </Stack>
  );
}

function FactBox({ title, children }: { title: ReactNode; children: ReactNode }) {
  return (
    <Paper withBorder p="sm" radius="sm">
      <Title order={4} size="h5" mb={6}>{title}</Title>
      {children}
    </Paper>
  );
}

function Figure({ label, field, children }: { label: string; field: string; children: ReactNode }) {
  return (
    <Group justify="space-between" gap="xs" wrap="nowrap">
      <Text size="sm" c="dimmed">{label}</Text>
      <Text size="sm" fw={600} ta="right" data-figure={field}>{children}</Text>
    </Group>
  );
}

function CustomerFactBox({ customerNo, name, version }: { customerNo: string; name: string; version: number }) {
  const t = useCaptions();
  const { locale, workDate } = useSession();
  const queryClient = useQueryClient();
  const key = ['customerStatistics', customerNo, workDate];
  const statistics = useQuery({ queryKey: key, queryFn: () => api.get<CustomerFigures>(`/customers/${encodeKey(customerNo)}/statistics`) });
  // A posting from this page changes the balance: read it again after every later change of the document.
  const seenVersion = useRef(version);
  useEffect(() => {
    if (seenVersion.current === version) return;
    seenVersion.current = version;
    void queryClient.invalidateQueries({ queryKey: ['customerStatistics', customerNo] });
  }, [queryClient, customerNo, version]);
  const figures = statistics.data;
  const openEntries = withQuery('/ledgers/customer-ledger-entries', { customerNo, open: 'true' });
  return (
    <FactBox title={t('Customer Statistics')}>
      <Text size="sm" mb={4}>
        <Anchor component={Link} to={`/customers/${encodeKey(customerNo)}`} size="sm">{customerNo}</Anchor> · {name}
      </Text>
      {statistics.error && <Alert color="red" role="alert">{messageOf(statistics.error)}</Alert>}
      {statistics.isPending && <Loader size="sm" />}
      {figures && (
        <Stack gap={2}>
          <Figure label={t('Balance (LCY)')} field="balanceLcy">
            <Anchor component={Link} to={openEntries} inherit>{formatAmount(figures.balanceLcy, locale)}</Anchor>
          </Figure>
          <Figure label={t('Credit Limit (LCY)')} field="creditLimitLcy">{formatAmount(figures.creditLimitLcy, locale)}</Figure>
          <Figure label={t('Overdue Amounts (LCY)')} field="balanceDueLcy">
            <Text span inherit c={dec(figures.balanceDueLcy).gt(0) ? 'red.8' : undefined}>{formatAmount(figures.balanceDueLcy, locale)}</Text>
          </Figure>
        </Stack>
      )}
    </FactBox>
  );
}

/** The current line's item: what is in stock in total and at the line's location, against what the line asks. */
function ItemFactBox({ line, order }: { line: Line; order: { no: string; version: number } | undefined }) {
  const t = useCaptions();
  const { locale } = useSession();
  const inventory = useQuery({ queryKey: ['itemInventory', line.no], queryFn: () => api.get<ItemInventory>(`/items/${encodeKey(line.no)}/inventory`) });
  const location = line.locationCode ?? '';
  const atLocation = inventory.data?.byLocation.find((row) => row.locationCode === location)?.quantity ?? '0';
  return (
    <FactBox title={t('Item Availability')}>
      <Text size="sm" mb={4}>
        <Anchor component={Link} to={`/items/${encodeKey(line.no)}`} size="sm">{line.no}</Anchor> · {line.description}
      </Text>
      {inventory.error && <Alert color="red" role="alert">{messageOf(inventory.error)}</Alert>}
      {inventory.isPending && <Loader size="sm" />}
      {inventory.data && (
        <Stack gap={2}>
          <Figure label={t('Inventory')} field="inventory">{formatQuantity(inventory.data.inventory, locale)}</Figure>
          <Figure label={location ? t('Inventory at {{location}}', { location }) : t('Inventory (no location)')} field="inventoryAtLocation">{formatQuantity(atLocation, locale)}</Figure>
          <Figure label={t('Quantity on this line (base)')} field="lineQuantityBase">{formatQuantity(line.quantityBase ?? line.quantity, locale)}</Figure>
          {order && <ReservedFigure order={order} lineNo={line.lineNo} />}
          <Anchor component={Link} to={`/items/${encodeKey(line.no)}#availability`} size="sm">{t('Availability by period and location')}</Anchor>
        </Stack>
      )}
    </FactBox>
  );
}

/** How much of an order line is reserved (base unit): what its shipment may take that other orders may not. */
function ReservedFigure({ order, lineNo }: { order: { no: string; version: number }; lineNo: number }) {
  const t = useCaptions();
  const { locale } = useSession();
  const reservations = useLineReservations(order.no, lineNo, order.version);
  if (!reservations.data) return null;
  return <Figure label={t('Reserved Quantity')} field="reservedQuantity">{formatQuantity(reservations.data.reservedQuantity, locale)}</Figure>;
}
