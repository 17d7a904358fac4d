import type { Item } from '../api/types.ts';
import { withNoField, type FieldGroup } from '../components/record-fields.ts';
import { itemTypeCaptions } from './item-captions.ts';

export const costingMethodCaptions: Readonly<Record<Item['costingMethod'], string>> = { fifo: 'FIFO', average: 'Average', standard: 'Standard' };
const defaultYesNoCaptions = { default: 'Default', no: 'No', yes: 'Yes' } as const;
const reserveCaptions = { never: 'Never', optional: 'Optional', always: 'Always' } as const;
const replenishmentCaptions = { purchase: 'Purchase', prodOrder: 'Prod. Order', assembly: 'Assembly', transfer: 'Transfer' } as const;
const assemblyPolicyCaptions = { assembleToStock: 'Assemble-to-Stock', assembleToOrder: 'Assemble-to-Order' } as const;

/** The item card's FastTabs, as in Business Central. */
export const itemFieldGroups: readonly FieldGroup[] = [
  {
    title: 'Item',
    fields: [
      { name: 'description', label: 'Description', kind: 'text' },
      { name: 'description2', label: 'Description 2', kind: 'text' },
      { name: 'searchDescription', label: 'Search Description', kind: 'text' },
      { name: 'type', label: 'Type', kind: 'choice', options: itemTypeCaptions },
      { name: 'baseUnitOfMeasure', label: 'Base Unit of Measure', kind: 'code', lookup: '/unitsOfMeasure' },
      { name: 'gtin', label: 'GTIN', kind: 'text' },
      { name: 'blocked', label: 'Blocked', kind: 'boolean' },
      { name: 'salesBlocked', label: 'Sales Blocked', kind: 'boolean' },
    ],
  },
  {
    title: 'Prices & Sales',
    fields: [
      { name: 'unitPrice', label: 'Unit Price', kind: 'decimal' },
      { name: 'priceIncludesVat', label: 'Price Includes VAT', kind: 'boolean' },
      { name: 'salesUnitOfMeasure', label: 'Sales Unit of Measure', kind: 'code', lookup: '/unitsOfMeasure' },
      { name: 'itemDiscountGroup', label: 'Item Disc. Group', kind: 'code', lookup: '/itemDiscountGroups' },
      { name: 'allowInvoiceDiscount', label: 'Allow Invoice Disc.', kind: 'boolean' },
    ],
  },
  {
    title: 'Costs & Posting',
    fields: [
      { name: 'costingMethod', label: 'Costing Method', kind: 'choice', options: costingMethodCaptions },
      { name: 'unitCost', label: 'Unit Cost', kind: 'decimal' },
      { name: 'standardCost', label: 'Standard Cost', kind: 'decimal' },
      { name: 'lastDirectCost', label: 'Last Direct Cost', kind: 'decimal' },
      { name: 'genProdPostingGroup', label: 'Gen. Prod. Posting Group', kind: 'code', lookup: '/genProductPostingGroups' },
      { name: 'vatProdPostingGroup', label: 'VAT Prod. Posting Group', kind: 'code', lookup: '/vatProductPostingGroups' },
      { name: 'inventoryPostingGroup', label: 'Inventory Posting Group', kind: 'code', lookup: '/inventoryPostingGroups' },
    ],
  },
  {
    title: 'Inventory & Replenishment',
    fields: [
      { name: 'preventNegativeInventory', label: 'Prevent Negative Inventory', kind: 'choice', options: defaultYesNoCaptions },
      { name: 'stockoutWarning', label: 'Stockout Warning', kind: 'choice', options: defaultYesNoCaptions },
      { name: 'reserve', label: 'Reserve', kind: 'choice', options: reserveCaptions },
      { name: 'critical', label: 'Critical', kind: 'boolean' },
      { name: 'replenishmentSystem', label: 'Replenishment System', kind: 'choice', options: replenishmentCaptions },
      { name: 'assemblyPolicy', label: 'Assembly Policy', kind: 'choice', options: assemblyPolicyCaptions },
      { name: 'vendorNo', label: 'Vendor No.', kind: 'text' },
      { name: 'vendorItemNo', label: 'Vendor Item No.', kind: 'text' },
      { name: 'purchasingCode', label: 'Purchasing Code', kind: 'code', lookup: '/purchasingCodes', emptyAsText: true },
      { name: 'leadTimeCalculation', label: 'Lead Time Calculation', kind: 'text' },
      { name: 'safetyLeadTime', label: 'Safety Lead Time', kind: 'text' },
    ],
  },
];

/** A new item may be given its number; left empty, the Inventory Setup's series assigns one. */
export const newItemFieldGroups: readonly FieldGroup[] = withNoField(itemFieldGroups);

/** What a new item starts with: the API's own defaults, shown (the Item view lacks the replenishment fields, hence the record type). */
export const newItemDefaults: Record<string, unknown> = {
  type: 'inventory', costingMethod: 'fifo', allowInvoiceDiscount: true, preventNegativeInventory: 'default', stockoutWarning: 'default',
  reserve: 'optional', replenishmentSystem: 'purchase', assemblyPolicy: 'assembleToStock', unitPrice: '0', unitCost: '0',
};
