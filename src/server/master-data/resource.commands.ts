import { inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { DomainError } from '../../core/errors.ts';
import type { Executor } from '../db/connection.ts';
import { translateConstraintError } from '../db/constraint-errors.ts';
import { glAccount } from '../db/schema/index.ts';
import { assertManualNumberAllowed, drawNumber } from '../number-series/no-series.commands.ts';
import { todayIsoDate } from '../shared/clock.ts';
import type { Actor, ResourceDefinition, Row, SingletonDefinition } from './resource.ts';
import {
  assertParentExists, describeKey, findRecord, getRecord, getSingleton, keyCondition, withoutHidden,
} from './resource.queries.ts';

export async function createRecord<Create extends z.ZodObject>(
  tx: Executor, definition: ResourceDefinition<Create>, parentKey: string | undefined, input: z.infer<Create>,
): Promise<Row> {
  await assertParentExists(tx, definition, parentKey);
  const values: Row = { ...input };
  if (definition.parent) values[definition.parent.field] = parentKey;
  values[definition.key.field] = await keyForNewRecord(tx, definition, input[definition.key.field]);
  const prepared = definition.prepare ? await definition.prepare(tx, values, undefined) : values;
  await checkAccounts(tx, definition, prepared);
  const key = prepared[definition.key.field];
  const keyText = describeKey(definition, parentKey, key);
  if (key !== undefined && (await findRecord(tx, definition, parentKey, key))) {
    throw new DomainError('ALREADY_EXISTS', { entity: definition.entity, key: keyText }, definition.key.field);
  }
  const record = await writeGuarded(definition.entity, keyText, 'write', async () => {
    const [inserted] = (await tx.insert(definition.table).values(prepared as never).returning()) as Row[];
    return inserted!;
  });
  await definition.validate?.(tx, record, undefined);
  await definition.afterWrite?.(tx, record, undefined);
  return withoutHidden(definition, record);
}

/** The key of a new record: typed by the client (if the series allows) or drawn from the series. */
async function keyForNewRecord(tx: Executor, definition: ResourceDefinition, typed: unknown): Promise<unknown> {
  if (!definition.numberSeries) return typed;
  const { seriesCode, setup } = await definition.numberSeries(tx);
  if (typed !== undefined) {
    if (seriesCode) await assertManualNumberAllowed(tx, seriesCode);
    return typed;
  }
  if (!seriesCode) {
    throw new DomainError('NO_SERIES_NOT_SET_UP', { what: definition.entity.toLowerCase(), setup }, definition.key.field);
  }
  return (await drawNumber(tx, seriesCode, todayIsoDate())).number;
}

export async function updateRecord<Update extends z.ZodObject>(
  tx: Executor, definition: ResourceDefinition<z.ZodObject, Update>, parentKey: string | undefined, key: unknown,
  input: z.infer<Update>, expectedVersion: number | undefined,
): Promise<Row> {
  const previous = await getRecord(tx, definition, parentKey, key, { lock: true });
  const keyText = describeKey(definition, parentKey, key);
  checkVersion(definition.entity, keyText, previous, expectedVersion);
  const changes = definition.prepare ? await definition.prepare(tx, { ...input }, previous) : { ...input };
  await checkAccounts(tx, definition, changes);
  const record = await writeGuarded(definition.entity, keyText, 'write', async () => {
    const [updated] = (await tx.update(definition.table)
      .set({ ...changes, version: sql`version + 1`, updatedAt: sql`now()` } as never)
      .where(keyCondition(definition, parentKey, key)).returning()) as Row[];
    return updated!;
  });
  await definition.validate?.(tx, record, previous);
  await definition.afterWrite?.(tx, record, previous);
  return withoutHidden(definition, record);
}

export async function deleteRecord(
  tx: Executor, definition: ResourceDefinition, parentKey: string | undefined, key: unknown,
  expectedVersion: number | undefined, actor: Actor,
): Promise<void> {
  const record = await getRecord(tx, definition, parentKey, key, { lock: true });
  const keyText = describeKey(definition, parentKey, key);
  checkVersion(definition.entity, keyText, record, expectedVersion);
  await definition.beforeDelete?.(tx, record, actor);
  await writeGuarded(definition.entity, keyText, 'delete', () => tx.delete(definition.table).where(keyCondition(definition, parentKey, key)));
}

export async function updateSingleton<Update extends z.ZodObject>(
  tx: Executor, definition: SingletonDefinition<Update>, input: z.infer<Update>, expectedVersion: number | undefined,
): Promise<Row> {
  const previous = await getSingleton(tx, definition, { lock: true });
  checkVersion(definition.entity, '', previous, expectedVersion);
  await checkAccounts(tx, definition, input);
  const record = await writeGuarded(definition.entity, '', 'write', async () => {
    const [updated] = (await tx.update(definition.table)
      .set({ ...input, version: sql`version + 1`, updatedAt: sql`now()` } as never).returning()) as Row[];
    return updated!;
  });
  await definition.validate?.(tx, record);
  return record;
}

function checkVersion(entity: string, key: string, record: Row, expectedVersion: number | undefined) {
  if (expectedVersion !== undefined && record.version !== expectedVersion) {
    throw new DomainError('VERSION_CONFLICT', { entity, key, currentVersion: record.version as number, sentVersion: expectedVersion });
  }
}

async function writeGuarded<T>(entity: string, key: string, operation: 'write' | 'delete', write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    translateConstraintError(error, { entity, key, operation });
  }
}

/** Posting setups may point only at posting accounts that are not blocked (BC's CheckGLAcc). */
export async function checkAccounts(tx: Executor, definition: { accountFields?: string[] }, values: Row) {
  const fields = (definition.accountFields ?? []).filter((field) => typeof values[field] === 'string');
  if (fields.length === 0) return;
  const numbers = [...new Set(fields.map((field) => values[field] as string))];
  const accounts = await tx.select().from(glAccount).where(inArray(glAccount.no, numbers));
  for (const field of fields) {
    const account = accounts.find((candidate) => candidate.no === values[field]);
    if (!account) throw new DomainError('RELATED_RECORD_NOT_FOUND', { entity: 'G/L Account', value: values[field] as string, field }, field);
    if (account.accountType !== 'posting') throw new DomainError('ACCOUNT_NOT_POSTING', { accountNo: account.no, field }, field);
    if (account.blocked) throw new DomainError('ACCOUNT_BLOCKED', { accountNo: account.no }, field);
  }
}

