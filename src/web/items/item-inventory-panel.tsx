import { Alert, Fieldset, Loader, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api, encodeKey } from '../api/client.ts';
import { messageOf } from '../api/field-errors.ts';
import type { ItemInventory } from '../api/posting-types.ts';
import type { SupportedLocale } from '../format/locales.ts';
import { formatAmount, formatQuantity, formatUnitPrice } from '../format/numbers.ts';
import { useSession } from '../session/session-store.ts';
import { useCaptions } from '../i18n/captions.ts';

/** Inventory per location: a row for every location that ever held the item ('' = no location). */
function locationRows(inventory: ItemInventory): Array<{ locationCode: string; quantity: string }> {
  return inventory.byLocation;
}

/** The item's inventory (Σ item ledger entries), by location, and its value at the unit cost. */
export function ItemInventoryPanel({ itemNo }: { itemNo: string }) {
  const t = useCaptions();
  const { locale } = useSession();
  const inventory = useQuery({ queryKey: ['itemInventory', itemNo], queryFn: () => api.get<ItemInventory>(`/items/${encodeKey(itemNo)}/inventory`) });
  return (
    <Fieldset legend={t('Inventory')} aria-label={t('Inventory')}>
      {inventory.error && <Alert color="red" role="alert">{messageOf(inventory.error)}</Alert>}
      {inventory.isPending && <Loader size="sm" />}
      {inventory.data && <InventoryFigures inventory={inventory.data} locale={locale} />}
    </Fieldset>
  );
}

function InventoryFigures({ inventory, locale }: { inventory: ItemInventory; locale: SupportedLocale }) {
  const t = useCaptions();
  const figures: Array<[string, string, string]> = [['Inventory', 'inventory', formatQuantity(inventory.inventory, locale)]];
  if (inventory.unitCost) figures.push(['Unit Cost', 'unitCost', formatUnitPrice(inventory.unitCost, locale)]);
  if (inventory.inventoryValue) figures.push(['Inventory Value', 'inventoryValue', formatAmount(inventory.inventoryValue, locale)]);
  const locations = locationRows(inventory);
  return (
    <Stack gap="xs">
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
        {figures.map(([label, field, value]) => (
          <Stack key={field} gap={0}><Text size="xs" c="dimmed">{t(label)}</Text><Text size="sm" fw={600} data-figure={field}>{value}</Text></Stack>
        ))}
      </SimpleGrid>
      {locations.length > 0 && (
        <Table withTableBorder maw={420} fz="sm" aria-label={t('Inventory by location')}>
          <Table.Thead><Table.Tr><Table.Th>{t('Location Code')}</Table.Th><Table.Th ta="right">{t('Inventory')}</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {locations.map((row) => (
              <Table.Tr key={row.locationCode}><Table.Td>{row.locationCode || t('(no location)')}</Table.Td><Table.Td ta="right">{formatQuantity(row.quantity, locale)}</Table.Td></Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
