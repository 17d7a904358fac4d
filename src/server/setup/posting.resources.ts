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

/** A posting group: a code and a description, searched by description, written by setup roles. */
function group(name: string, entity: string, table: ResourceDefinition['table'], schemas: { create: ResourceDefinition['createSchema']; update: ResourceDefinition['updateSchema'] }): ResourceDefinition {
  return { name, entity, table, area: 'setup', key: byCode, createSchema: schemas.create, updateSchema: schemas.update, filters: [], search: ['description'] };
}

export const postingResources: ResourceDefinition[] = [
  {
    name: 'glAccounts', entity: 'G/L Account', table: glAccount, area: 'setup',
    key: { param: 'no', field: 'no', kind: 'code' },
    createSchema: glAccountSchemas.create, updateSchema: glAccountSchemas.update,
    filters: ['accountType', 'incomeBalance', 'accountCategory', 'blocked', 'directPosting'], search: ['name'],
  },
  group('genBusinessPostingGroups', 'Gen. Business Posting Group', genBusinessPostingGroup, genBusinessPostingGroupSchemas),
  group('genProductPostingGroups', 'Gen. Product Posting Group', genProductPostingGroup, genProductPostingGroupSchemas),
  group('vatBusinessPostingGroups', 'VAT Business Posting Group', vatBusinessPostingGroup, vatBusinessPostingGroupSchemas),
  group('vatProductPostingGroups', 'VAT Product Posting Group', vatProductPostingGroup, vatProductPostingGroupSchemas),
  group('inventoryPostingGroups', 'Inventory Posting Group', inventoryPostingGroup, inventoryPostingGroupSchemas),
  {
    ...group('customerPostingGroups', 'Customer Posting Group', customerPostingGroup, customerPostingGroupSchemas),
    accountFields: Object.keys(customerPostingGroupSchemas.update.shape).filter((field) => field.endsWith('Account')),
  },
  { ...group('vendorPostingGroups', 'Vendor Posting Group', vendorPostingGroup, vendorPostingGroupSchemas), accountFields: ['payablesAccount'] },
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
