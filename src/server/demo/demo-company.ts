import { z } from 'zod';
import type { Executor } from '../db/connection.ts';
import { inArray } from 'drizzle-orm';
import { appUser, assemblyBomComponent, item } from '../db/schema/index.ts';
import { createRecord, updateRecord, updateSingleton } from '../master-data/resource.commands.ts';
import type { ResourceDefinition, Row } from '../master-data/resource.ts';
import { resources, singletons } from '../master-data/registry.ts';
import { itemJournalPost } from '../../core/inventory/item-journal.schemas.ts';
import { postItemJournal } from '../inventory/item-journal.commands.ts';
import { loadSalesContext } from '../sales/sales-context.ts';
import { todayIsoDate } from '../shared/clock.ts';
import { hashPassword } from '../users/password.ts';
import { journalBatchResource } from '../journal/journal-batches.resources.ts';
import { assemblyBoms, demoAdministrator, demoCompanySteps, journalBatches, openingInventory, type DemoRecord } from './demo-company.data.ts';

/** Demo only: printed when the demo company is loaded, to be changed at once. */
export const demoCredentials = { username: 'admin', password: 'admin' };

/**
 * Loads the demo company into an empty database, inside the caller's transaction. Every record goes
 * through the same schema and generic command as an API request, so the demo data obeys every rule.
 * Loading it twice fails (the number series exist already) and the caller's transaction rolls back.
 * The opening inventory is posted on the first day of the work date's year (default: today).
 */
export async function loadDemoCompany(tx: Executor, options: { workDate?: string; onProgress?: DemoProgress } = {}): Promise<void> {
  // The setup and master data steps, then the journal batches, the administrator and the opening inventory.
  const total = demoCompanySteps.length + 3;
  let done = 0;
  const step = (label: string) => options.onProgress?.(done++, total, label);
  for (const [name, data] of demoCompanySteps) {
    step(captionOfStep(name));
    if (isList(data)) {
      const definition = resources.find((candidate) => candidate.name === name && !candidate.parent);
      if (!definition) throw new Error(`The demo company names an unknown resource: ${name}`);
      for (const record of data) await create(tx, definition, undefined, record);
    } else {
      const definition = singletons.find((candidate) => candidate.name === name);
      if (!definition) throw new Error(`The demo company names an unknown setup: ${name}`);
      await updateSingleton(tx, definition, parse(definition.updateSchema, data, definition.entity), undefined);
    }
  }
  // Assembly BOMs are lines of their items, written once the items exist.
  for (const bom of assemblyBoms) {
    const components = await tx.select({ no: item.no, description: item.description, unit: item.baseUnitOfMeasure }).from(item)
      .where(inArray(item.no, bom.components.map((component) => component.no)));
    await tx.insert(assemblyBomComponent).values(bom.components.map((component, index) => {
      const source = components.find((row) => row.no === component.no)!;
      return { parentItemNo: bom.parentItemNo, lineNo: (index + 1) * 10000, no: component.no, quantityPer: component.quantityPer, description: source.description, unitOfMeasureCode: source.unit };
    }));
  }
  step('journal batches');
  for (const { templateName, name, ...batch } of journalBatches) {
    await updateRecord(tx, journalBatchResource, templateName, name, parse(journalBatchResource.updateSchema, batch, journalBatchResource.entity), undefined);
  }
  step('administrator');
  // The demo password is shorter than the user schema allows, so the administrator is written directly.
  await tx.insert(appUser).values({
    ...demoAdministrator, username: demoCredentials.username, passwordHash: await hashPassword(demoCredentials.password),
  });
  step('opening inventory');
  await postOpeningInventory(tx, options.workDate ?? todayIsoDate());
  options.onProgress?.(total, total, 'done');
}

/** Told before each step of the load: how many are done, of how many, and what comes now. */
export type DemoProgress = (done: number, total: number, step: string) => void;

/** 'paymentTerms' → 'payment terms'. */
function captionOfStep(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

/** Stock to sell from, through the item journal like any adjustment: item entries and their G/L. */
async function postOpeningInventory(tx: Executor, workDate: string) {
  const postingDate = `${workDate.slice(0, 4)}-01-01`;
  const context = await loadSalesContext(tx, workDate, demoCredentials.username);
  const input = itemJournalPost.parse({
    lines: openingInventory.map((line) => ({ postingDate, entryType: 'positiveAdjustment', documentNo: 'OPENING', ...line })),
  });
  await postItemJournal(tx, input, context);
}

/** Creates a record, then the records nested in it under the name of their resource (a series' `lines`). */
async function create(tx: Executor, definition: ResourceDefinition, parentKey: string | undefined, record: DemoRecord) {
  const input: Row = { ...record };
  const nested = resources.filter((child) => child.parent?.resource === definition.name && child.name in input)
    .map((child) => {
      const records = input[child.name] as DemoRecord[];
      delete input[child.name];
      return { child, records };
    });
  const created = await createRecord(tx, definition, parentKey, parse(definition.createSchema, input, definition.entity));
  for (const { child, records } of nested) {
    for (const childRecord of records) await create(tx, child, String(created[child.parent!.parentField]), childRecord);
  }
}

function isList(data: DemoRecord | readonly DemoRecord[]): data is readonly DemoRecord[] {
  return Array.isArray(data);
}

/** Validates input with the resource's schema, exactly as the HTTP layer does. */
function parse(schema: z.ZodObject, input: DemoRecord, entity: string): Row {
  const result = schema.safeParse(input);
  if (!result.success) throw new Error(`Demo ${entity} ${JSON.stringify(input)} is invalid:\n${z.prettifyError(result.error)}`);
  return result.data;
}
