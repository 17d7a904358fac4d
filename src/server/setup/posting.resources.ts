import {
  customerPostingGroupSchemas, genBusinessPostingGroupSchemas, genProductPostingGroupSchemas, generalPostingSetupAccounts,
  generalPostingSetupSchemas, glAccountSchemas, inventoryPostingGroupSchemas, inventoryPostingSetupAccounts,
  inventoryPostingSetupSchemas, vatBusinessPostingGroupSchemas, vatPostingSetupAccounts, vatPostingSetupSchemas,
  vatProductPostingGroupSchemas, vendorPostingGroupSchemas,
} from '../../core/master-data/posting.schemas.ts';
import {
  customerPostingGroup, genBusinessPostingGroup, genProductPostingGroup, generalPostingSetup, glAccount, inventoryPostingGroup,
  inventoryPostingSetup, salesLine, vatBusinessPostingGroup, vatPostingSetup, vatProductPostingGroup, vendorPostingGroup,
} from '../db/schema/index.ts';
import type { ResourceDefinition, Row } from '../master-data/resource.ts';
import { and, eq, sql } from 'drizzle-orm';
import { DomainError } from '../../core/errors.ts';
import type { Executor } from '../db/connection.ts';

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
    validate: async (tx, record, previous) => {
      if (previous && (previous.salesPrepaymentsAccount ?? null) !== (record.salesPrepaymentsAccount ?? null)) await assertPrepaymentAccountFree(tx, previous);
    },
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

/**
 * Spec §26.1: the Sales Prepayments Account stays while an order line of these groups has invoiced
 * prepayment not yet deducted (it would be deducted from another account than it was invoiced to).
 */
async function assertPrepaymentAccountFree(tx: Executor, setup: Row): Promise<void> {
  const genBus = (setup.genBusPostingGroup as string | null) ?? '';
  const [line] = await tx.select({ documentNo: salesLine.documentNo, lineNo: salesLine.lineNo }).from(salesLine).where(and(
    eq(salesLine.documentType, 'order'), eq(salesLine.genProdPostingGroup, setup.genProdPostingGroup as string),
    sql`coalesce(${salesLine.genBusPostingGroup}, '') = ${genBus}`, sql`${salesLine.prepmtAmtInv} <> ${salesLine.prepmtAmtDeducted}`,
  )).limit(1);
  if (line) throw new DomainError('PREPAYMENT_ACCOUNT_IN_USE', { lineNo: line.lineNo, no: line.documentNo }, 'salesPrepaymentsAccount');
}
