import { bankAccountPostingGroupSchemas, bankAccountSchemas } from '../../core/master-data/bank-account.schemas.ts';
import { bankAccount, bankAccountPostingGroup } from '../db/schema/index.ts';
import type { ResourceDefinition } from '../master-data/resource.ts';

/** Bank accounts and the posting groups naming their G/L account (spec §1.6, §22.1); set up by setup roles. */
export const bankAccountResources: ResourceDefinition[] = [
  {
    name: 'bankAccountPostingGroups', entity: 'Bank Account Posting Group', table: bankAccountPostingGroup, area: 'setup',
    key: { param: 'code', field: 'code', kind: 'code' },
    createSchema: bankAccountPostingGroupSchemas.create, updateSchema: bankAccountPostingGroupSchemas.update,
    filters: ['glAccountNo'], search: ['description'], accountFields: ['glAccountNo'],
  },
  {
    name: 'bankAccounts', entity: 'Bank Account', table: bankAccount, area: 'setup',
    key: { param: 'no', field: 'no', kind: 'code' },
    createSchema: bankAccountSchemas.create, updateSchema: bankAccountSchemas.update,
    filters: ['currencyCode', 'bankAccPostingGroup', 'blocked'], search: ['name', 'bankAccountNo', 'iban'],
  },
];
