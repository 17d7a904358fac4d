import {
  bankAccountPostingGroupSchemas, bankAccountSchemas, customerBankAccountSchemas, textToAccountMappingSchemas,
} from '../../core/master-data/bank-account.schemas.ts';
import { DomainError } from '../../core/errors.ts';
import { bankAccount, bankAccountPostingGroup, customer, customerBankAccount, textToAccountMapping } from '../db/schema/index.ts';
import type { Row } from '../master-data/resource.ts';
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
  {
    name: 'customerBankAccounts', entity: 'Customer Bank Account', table: customerBankAccount, area: 'customers',
    parent: { resource: 'customers', entity: 'Customer', param: 'customerNo', field: 'customerNo', table: customer, parentField: 'no' },
    key: { param: 'code', field: 'code', kind: 'code' },
    createSchema: customerBankAccountSchemas.create, updateSchema: customerBankAccountSchemas.update,
    filters: ['iban'], search: ['name', 'iban', 'bankAccountNo'],
  },
  {
    name: 'textToAccountMappings', entity: 'Text-to-Account Mapping', table: textToAccountMapping, area: 'setup',
    key: { param: 'id', field: 'id', kind: 'integer' },
    createSchema: textToAccountMappingSchemas.create, updateSchema: textToAccountMappingSchemas.update,
    filters: ['balSourceType'], search: ['mappingText'], accountFields: ['debitAccNo', 'creditAccNo'],
    validate: async (_tx, record) => checkMapping(record),
  },
];

/** BC: a mapping posts to a G/L account by the line's sign, or to its balancing source; it must name one or the other. */
function checkMapping(record: Row): void {
  const type = (record.balSourceType as string | undefined) ?? 'glAccount';
  if (type === 'glAccount' && !record.debitAccNo && !record.creditAccNo) {
    throw new DomainError('INVALID_INPUT', { detail: 'A mapping to G/L accounts needs a debit or a credit account.' }, 'creditAccNo');
  }
  if (type !== 'glAccount' && !record.balSourceNo) {
    throw new DomainError('INVALID_INPUT', { detail: 'A mapping to a customer, vendor or bank account needs its number in balSourceNo.' }, 'balSourceNo');
  }
}
