import {
  customerPostingGroupSchemas, genBusinessPostingGroupSchemas, genProductPostingGroupSchemas, generalPostingSetupAccounts,
  generalPostingSetupSchemas, glAccountSchemas, inventoryPostingGroupSchemas, inventoryPostingSetupAccounts,
  inventoryPostingSetupSchemas, vatBusinessPostingGroupSchemas, vatPostingSetupAccounts, vatPostingSetupSchemas,
  vatProductPostingGroupSchemas, vendorPostingGroupSchemas,
} from '../../core/master-data/posting.schemas.ts';
import {
  customerPostingGroup, genBusinessPostingGroup, genProductPostingGroup, generalPostingSetup, glAccount, inventoryPostingGroup,
  inventoryPostingSetup, vatBusinessPostingGroup, vatPostingSetup, vatProductPostingGroup, vendorPostingGroup,
} from '../db/schema/index.ts';
import type { ResourceDefinition } from '../master-data/resource.ts';

const byCode = { param: 'code', field: 'code', kind: 'code' } as const;
const byId = { param: 'id', field: 'id', kind: 'uuid' } as const;

export const postingResources: ResourceDefinition[] = [
  {
    name: 'glAccounts', entity: 'G/L Account', table: glAccount, area: 'setup',
    key: { param: 'no', field: 'no', kind: 'code' },
    createSchema: glAccountSchemas.create, updateSchema: glAccountSchemas.update,
    filters: ['accountType', 'incomeBalance', 'accountCategory', 'blocked', 'directPosting'], search: ['name'],
  },
  {
    name: 'genBusinessPostingGroups', entity: 'Gen. Business Posting Group', table: genBusinessPostingGroup, area: 'setup', key: byCode,
    createSchema: genBusinessPostingGroupSchemas.create, updateSchema: genBusinessPostingGroupSchemas.update, filters: [], search: ['description'],
  },
  {
    name: 'genProductPostingGroups', entity: 'Gen. Product Posting Group', table: genProductPostingGroup, area: 'setup', key: byCode,
    createSchema: genProductPostingGroupSchemas.create, updateSchema: genProductPostingGroupSchemas.update, filters: [], search: ['description'],
  },
  {
    name: 'vatBusinessPostingGroups', entity: 'VAT Business Posting Group', table: vatBusinessPostingGroup, area: 'setup', key: byCode,
    createSchema: vatBusinessPostingGroupSchemas.create, updateSchema: vatBusinessPostingGroupSchemas.update, filters: [], search: ['description'],
  },
  {
    name: 'vatProductPostingGroups', entity: 'VAT Product Posting Group', table: vatProductPostingGroup, area: 'setup', key: byCode,
    createSchema: vatProductPostingGroupSchemas.create, updateSchema: vatProductPostingGroupSchemas.update, filters: [], search: ['description'],
  },
  {
    name: 'inventoryPostingGroups', entity: 'Inventory Posting Group', table: inventoryPostingGroup, area: 'setup', key: byCode,
    createSchema: inventoryPostingGroupSchemas.create, updateSchema: inventoryPostingGroupSchemas.update, filters: [], search: ['description'],
  },
  {
    name: 'customerPostingGroups', entity: 'Customer Posting Group', table: customerPostingGroup, area: 'setup', key: byCode,
    createSchema: customerPostingGroupSchemas.create, updateSchema: customerPostingGroupSchemas.update, filters: [], search: ['description'],
    accountFields: Object.keys(customerPostingGroupSchemas.update.shape).filter((field) => field.endsWith('Account')),
  },
  {
    name: 'vendorPostingGroups', entity: 'Vendor Posting Group', table: vendorPostingGroup, area: 'setup', key: byCode,
    createSchema: vendorPostingGroupSchemas.create, updateSchema: vendorPostingGroupSchemas.update, filters: [], search: ['description'],
    accountFields: ['payablesAccount'],
  },
  {
    name: 'generalPostingSetups', entity: 'General Posting Setup', table: generalPostingSetup, area: 'setup', key: byId,
    createSchema: generalPostingSetupSchemas.create, updateSchema: generalPostingSetupSchemas.update,
    filters: ['genBusPostingGroup', 'genProdPostingGroup'], accountFields: [...generalPostingSetupAccounts],
  },
  {
    name: 'vatPostingSetups', entity: 'VAT Posting Setup', table: vatPostingSetup, area: 'setup', key: byId,
    createSchema: vatPostingSetupSchemas.create, updateSchema: vatPostingSetupSchemas.update,
    filters: ['vatBusPostingGroup', 'vatProdPostingGroup', 'vatIdentifier', 'vatCalculationType'], accountFields: [...vatPostingSetupAccounts],
  },
  {
    name: 'inventoryPostingSetups', entity: 'Inventory Posting Setup', table: inventoryPostingSetup, area: 'setup', key: byId,
    createSchema: inventoryPostingSetupSchemas.create, updateSchema: inventoryPostingSetupSchemas.update,
    filters: ['locationCode', 'inventoryPostingGroup'], accountFields: [...inventoryPostingSetupAccounts],
  },
];
