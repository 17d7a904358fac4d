import type { Item } from '../api/types.ts';

export const itemTypeCaptions: Readonly<Record<Item['type'], string>> = {
  inventory: 'Inventory',
  service: 'Service',
  nonInventory: 'Non-Inventory',
};
