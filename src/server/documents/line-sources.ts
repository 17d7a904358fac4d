/**
 * What a document line reads from its item or G/L account, sales or purchase alike: the item (not
 * blocked), the account (a posting account open to direct posting), the unit of measure's factor
 * and the VAT of the line's posting groups.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { DomainError } from '../../core/errors.ts';
import type { Executor } from '../db/connection.ts';
import { glAccount, item, itemUnitOfMeasure } from '../db/schema/index.ts';
import { type VatPostingSetupRow, vatPostingSetups } from './vat-posting-setups.ts';

export type ItemRow = typeof item.$inferSelect;
export type GlAccountRow = typeof glAccount.$inferSelect;

/** A line as far as its sources go: what `prefetch` loads for. */
export interface LineKey { type?: string | null | undefined; no?: string | null | undefined }

const distinct = (values: readonly (string | null | undefined)[]) => [...new Set(values.filter((value): value is string => Boolean(value)))];
const unitKey = (itemNo: string, code: string) => `${itemNo}\u0000${code}`;
// A VAT setup's business group may be blank (null): kept apart from any code.
const vatKey = (bus: string | null, prod: string) => `${bus ?? '\u0000'}\u0001${prod}`;

/**
 * The items, units, accounts and VAT setups the lines of one command read. `prefetch` loads those
 * of many lines in a fixed number of statements (a document of N lines costs no more than one of
 * one line); a row not prefetched is read when asked. A row once read is kept for the command: it
 * lives as long as one request's write, in which master data does not change. A miss is never
 * kept, so a row written meanwhile (a catalog item made an item) is found.
 */
export class LineSources {
  protected readonly items = new Map<string, ItemRow>();
  private readonly units = new Map<string, string>();
  private readonly accounts = new Map<string, GlAccountRow>();
  private vatSetups?: Promise<Map<string, VatPostingSetupRow>>;
  private readonly memos = new Map<string, Promise<unknown>>();

  constructor(readonly tx: Executor) {}

  /** Any other value the lines read alike (a currency's rounding): read once for the command. */
  once<T>(key: string, load: () => Promise<T>): Promise<T> {
    if (!this.memos.has(key)) this.memos.set(key, load());
    return this.memos.get(key) as Promise<T>;
  }

  async prefetch(lines: readonly LineKey[]): Promise<void> {
    const itemNos = distinct(lines.filter((line) => line.type === 'item').map((line) => line.no));
    const accountNos = distinct(lines.filter((line) => line.type === 'glAccount').map((line) => line.no));
    if (itemNos.length > 0) {
      for (const row of await this.tx.select().from(item).where(inArray(item.no, itemNos))) this.items.set(row.no, row);
      for (const row of await this.tx.select().from(itemUnitOfMeasure).where(inArray(itemUnitOfMeasure.itemNo, itemNos))) {
        this.units.set(unitKey(row.itemNo, row.code), row.quantityPerUnitOfMeasure);
      }
    }
    if (accountNos.length > 0) {
      for (const row of await this.tx.select().from(glAccount).where(inArray(glAccount.no, accountNos))) this.accounts.set(row.no, row);
    }
  }

  async item(no: string): Promise<ItemRow | undefined> {
    return this.items.get(no) ?? remember(this.items, no, (await this.tx.select().from(item).where(eq(item.no, no)))[0]);
  }

  async account(no: string): Promise<GlAccountRow | undefined> {
    return this.accounts.get(no) ?? remember(this.accounts, no, (await this.tx.select().from(glAccount).where(eq(glAccount.no, no)))[0]);
  }

  async quantityPerUnit(itemNo: string, code: string): Promise<string | undefined> {
    const key = unitKey(itemNo, code);
    const cached = this.units.get(key);
    if (cached !== undefined) return cached;
    const [row] = await this.tx.select().from(itemUnitOfMeasure).where(and(eq(itemUnitOfMeasure.itemNo, itemNo), eq(itemUnitOfMeasure.code, code)));
    return remember(this.units, key, row?.quantityPerUnitOfMeasure);
  }

  /** The VAT setups by business and product group: the whole (small) table, kept between commands while the setup does not change. */
  private vatSetupTable(): Promise<Map<string, VatPostingSetupRow>> {
    this.vatSetups ??= vatPostingSetups(this.tx).then((rows) => new Map(rows.map((row) => [vatKey(row.vatBusPostingGroup, row.vatProdPostingGroup!), row])));
    return this.vatSetups;
  }

  async vatSetup(bus: string | null, prod: string): Promise<VatPostingSetupRow | undefined> {
    return (await this.vatSetupTable()).get(vatKey(bus, prod));
  }

  /** VAT setups of these business groups for one product group. */
  async vatSetupsOf(buses: readonly string[], prod: string): Promise<VatPostingSetupRow[]> {
    const table = await this.vatSetupTable();
    return buses.map((bus) => table.get(vatKey(bus, prod))).filter((row): row is VatPostingSetupRow => row !== undefined);
  }
}

function remember<T>(cache: Map<string, T>, key: string, value: T | undefined): T | undefined {
  if (value !== undefined) cache.set(key, value);
  return value;
}

export async function itemForLine(sources: LineSources, no: string): Promise<ItemRow> {
  const source = await sources.item(no);
  if (!source) throw new DomainError('RELATED_RECORD_NOT_FOUND', { entity: 'Item', value: no, field: 'no' }, 'no');
  if (source.blocked) throw new DomainError('ITEM_BLOCKED', { itemNo: source.no }, 'no');
  return source;
}

/** Lines the system adds (service charge) may use accounts closed to direct posting, as in BC. */
export async function accountForLine(sources: LineSources, no: string, systemCreated: boolean): Promise<GlAccountRow> {
  const account = await sources.account(no);
  if (!account) throw new DomainError('RELATED_RECORD_NOT_FOUND', { entity: 'G/L Account', value: no, field: 'no' }, 'no');
  if (account.accountType !== 'posting') throw new DomainError('ACCOUNT_NOT_POSTING', { accountNo: account.no, field: 'no' }, 'no');
  if (account.blocked) throw new DomainError('ACCOUNT_BLOCKED', { accountNo: account.no }, 'no');
  if (!account.directPosting && !systemCreated) throw new DomainError('DIRECT_POSTING_NOT_ALLOWED', { accountNo: account.no }, 'no');
  return account;
}

/** Qty. per Unit of Measure of the item's unit; a unit the item does not have is refused. */
export async function quantityPerUnit(sources: LineSources, itemNo: string, unitOfMeasureCode: string): Promise<string> {
  const factor = await sources.quantityPerUnit(itemNo, unitOfMeasureCode);
  if (factor === undefined) throw new DomainError('ITEM_UNIT_OF_MEASURE_MISSING', { itemNo, unitOfMeasure: unitOfMeasureCode }, 'unitOfMeasureCode');
  return factor;
}

export interface LineVat { vatPercent: string; vatIdentifier: string; vatCalculationType: string }

/** VAT %, identifier and calculation type of the VAT posting setup of the line's groups. */
export async function lineVat(sources: LineSources, vatBus: string | null, vatProd: string | null): Promise<LineVat> {
  if (!vatProd) return { vatPercent: '0', vatIdentifier: '', vatCalculationType: 'normal' };
  const setup = await sources.vatSetup(vatBus, vatProd);
  if (!setup) throw new DomainError('POSTING_SETUP_MISSING', { vatBusPostingGroup: vatBus ?? '', vatProdPostingGroup: vatProd }, 'no');
  if (setup.blocked) throw new DomainError('VAT_POSTING_SETUP_BLOCKED', { vatBusPostingGroup: vatBus ?? '', vatProdPostingGroup: vatProd }, 'no');
  return { vatPercent: setup.vatPercent, vatIdentifier: setup.vatIdentifier, vatCalculationType: setup.vatCalculationType };
}
