/**
 * What a document line reads from its item or G/L account, sales or purchase alike: the item (not
 * blocked), the account (a posting account open to direct posting), the unit of measure's factor
 * and the VAT of the line's posting groups.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { DomainError } from '../../core/errors.ts';
import type { Executor } from '../db/connection.ts';
import { glAccount, item, itemUnitOfMeasure, vatPostingSetup } from '../db/schema/index.ts';

export type ItemRow = typeof item.$inferSelect;
export type GlAccountRow = typeof glAccount.$inferSelect;

export async function itemForLine(tx: Executor, no: string): Promise<ItemRow> {
  const [source] = await tx.select().from(item).where(eq(item.no, no));
  if (!source) throw new DomainError('RELATED_RECORD_NOT_FOUND', { entity: 'Item', value: no, field: 'no' }, 'no');
  if (source.blocked) throw new DomainError('ITEM_BLOCKED', { itemNo: source.no }, 'no');
  return source;
}

/** Lines the system adds (service charge) may use accounts closed to direct posting, as in BC. */
export async function accountForLine(tx: Executor, no: string, systemCreated: boolean): Promise<GlAccountRow> {
  const [account] = await tx.select().from(glAccount).where(eq(glAccount.no, no));
  if (!account) throw new DomainError('RELATED_RECORD_NOT_FOUND', { entity: 'G/L Account', value: no, field: 'no' }, 'no');
  if (account.accountType !== 'posting') throw new DomainError('ACCOUNT_NOT_POSTING', { accountNo: account.no, field: 'no' }, 'no');
  if (account.blocked) throw new DomainError('ACCOUNT_BLOCKED', { accountNo: account.no }, 'no');
  if (!account.directPosting && !systemCreated) throw new DomainError('DIRECT_POSTING_NOT_ALLOWED', { accountNo: account.no }, 'no');
  return account;
}

/** Qty. per Unit of Measure of the item's unit; a unit the item does not have is refused. */
export async function quantityPerUnit(tx: Executor, itemNo: string, unitOfMeasureCode: string): Promise<string> {
  const [unit] = await tx.select().from(itemUnitOfMeasure)
    .where(and(eq(itemUnitOfMeasure.itemNo, itemNo), eq(itemUnitOfMeasure.code, unitOfMeasureCode)));
  if (!unit) throw new DomainError('ITEM_UNIT_OF_MEASURE_MISSING', { itemNo, unitOfMeasure: unitOfMeasureCode }, 'unitOfMeasureCode');
  return unit.quantityPerUnitOfMeasure;
}

export interface LineVat { vatPercent: string; vatIdentifier: string; vatCalculationType: string }

/** VAT %, identifier and calculation type of the VAT posting setup of the line's groups. */
export async function lineVat(tx: Executor, vatBus: string | null, vatProd: string | null): Promise<LineVat> {
  if (!vatProd) return { vatPercent: '0', vatIdentifier: '', vatCalculationType: 'normal' };
  const [setup] = await tx.select().from(vatPostingSetup).where(and(
    vatBus === null ? isNull(vatPostingSetup.vatBusPostingGroup) : eq(vatPostingSetup.vatBusPostingGroup, vatBus),
    eq(vatPostingSetup.vatProdPostingGroup, vatProd),
  ));
  if (!setup) throw new DomainError('POSTING_SETUP_MISSING', { vatBusPostingGroup: vatBus ?? '', vatProdPostingGroup: vatProd }, 'no');
  if (setup.blocked) throw new DomainError('VAT_POSTING_SETUP_BLOCKED', { vatBusPostingGroup: vatBus ?? '', vatProdPostingGroup: vatProd }, 'no');
  return { vatPercent: setup.vatPercent, vatIdentifier: setup.vatIdentifier, vatCalculationType: setup.vatCalculationType };
}
