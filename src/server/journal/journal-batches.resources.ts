/**
 * Journal templates and their batches as master data (generic list/get/create/change/delete with
 * versions): GET /api/v1/journalTemplates, …/journalTemplates/{templateName}/batches. Deleting a
 * template or a batch deletes its draft lines with it, as in BC.
 */
import { eq } from 'drizzle-orm';
import { DomainError } from '../../core/errors.ts';
import { defaultSourceCodes, type JournalTemplateType } from '../../core/journal/journal-batch.ts';
import { journalBatchSchemas, journalTemplateSchemas } from '../../core/journal/journal-batch.schemas.ts';
import type { JournalAccountType } from '../../core/journal/journal-line.ts';
import type { Executor } from '../db/connection.ts';
import { bankAccount, customer, generalJournalBatch, generalJournalTemplate, glAccount, vendor } from '../db/schema/index.ts';
import type { ResourceDefinition, Row } from '../master-data/resource.ts';

export const journalTemplateResource: ResourceDefinition = {
  name: 'journalTemplates', entity: 'Journal Template', table: generalJournalTemplate, area: 'setup',
  key: { param: 'name', field: 'name', kind: 'code' },
  createSchema: journalTemplateSchemas.create, updateSchema: journalTemplateSchemas.update,
  filters: ['type'], search: ['description'],
  // A new template's entries carry the standard source code of its type unless it names its own.
  prepare: async (_tx, values, previous) =>
    (previous || values.sourceCode !== undefined ? values : { ...values, sourceCode: defaultSourceCodes[(values.type as JournalTemplateType | undefined) ?? 'general'] }),
};

export const journalBatchResource: ResourceDefinition = {
  name: 'batches', entity: 'Journal Batch', table: generalJournalBatch, area: 'setup',
  parent: { resource: 'journalTemplates', entity: 'Journal Template', param: 'templateName', field: 'journalTemplateName', table: generalJournalTemplate, parentField: 'name' },
  key: { param: 'name', field: 'name', kind: 'code' },
  createSchema: journalBatchSchemas.create, updateSchema: journalBatchSchemas.update,
  filters: ['noSeriesCode', 'balAccountType', 'balAccountNo'], search: ['description'],
  validate: (tx, record) => assertBalancingAccount(tx, record),
};

const balancingTables = {
  glAccount: { table: glAccount, key: glAccount.no, entity: 'G/L Account' },
  customer: { table: customer, key: customer.no, entity: 'Customer' },
  vendor: { table: vendor, key: vendor.no, entity: 'Vendor' },
  bankAccount: { table: bankAccount, key: bankAccount.no, entity: 'Bank Account' },
} as const;

/** Bal. Account No. names a record of its Bal. Account Type (BC's table relation); posting checks the rest. */
async function assertBalancingAccount(tx: Executor, record: Row): Promise<void> {
  const type = record.balAccountType as JournalAccountType | null;
  const no = record.balAccountNo as string | null;
  if (!no) return;
  if (!type) throw new DomainError('INVALID_INPUT', { detail: 'Bal. Account Type must be given with a Bal. Account No.' }, 'balAccountType');
  const { table, key, entity } = balancingTables[type];
  const [found] = await tx.select({ no: key }).from(table).where(eq(key, no)).limit(1);
  if (!found) throw new DomainError('RELATED_RECORD_NOT_FOUND', { entity, value: no, field: 'balAccountNo' }, 'balAccountNo');
}
