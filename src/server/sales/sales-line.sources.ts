import { and, eq, inArray, or } from 'drizzle-orm';
import type { Executor } from '../db/connection.ts';
import { salesLineDiscount, salesPrepaymentPercent, salesPrice } from '../db/schema/index.ts';
import { LineSources, type ItemRow, type LineKey } from '../documents/line-sources.ts';

type SalesPriceRow = typeof salesPrice.$inferSelect;
type SalesLineDiscountRow = typeof salesLineDiscount.$inferSelect;
type PrepaymentPercentRow = typeof salesPrepaymentPercent.$inferSelect;

const discountKey = (type: 'item' | 'itemDiscountGroup', code: string) => `${type}\u0000${code}`;

/**
 * What sales lines read besides item, unit, account and VAT: the items' price and line discount
 * agreements and prepayment percentages. Prefetched for all lines of a document at once; an item
 * not prefetched has its agreements read when asked (see LineSources).
 */
export class SalesLineSources extends LineSources {
  private readonly prices = new Map<string, SalesPriceRow[]>();
  private readonly discounts = new Map<string, SalesLineDiscountRow[]>();
  private readonly prepaymentPercents = new Map<string, PrepaymentPercentRow[]>();

  /** `documentType`: only orders read prepayment percentages. */
  constructor(tx: Executor, private readonly documentType: string) {
    super(tx);
  }

  override async prefetch(lines: readonly LineKey[]): Promise<void> {
    await super.prefetch(lines);
    const items = [...this.items.values()];
    if (items.length === 0) return;
    await this.loadAgreements(items);
    if (this.documentType === 'order') await this.loadPrepaymentPercents(items.map((row) => row.no));
  }

  private async loadAgreements(items: readonly ItemRow[]): Promise<void> {
    const itemNos = items.map((row) => row.no);
    const groups = [...new Set(items.map((row) => row.itemDiscountGroup).filter((group): group is string => Boolean(group)))];
    for (const no of itemNos) this.prices.set(no, []);
    for (const row of await this.tx.select().from(salesPrice).where(inArray(salesPrice.itemNo, itemNos))) this.prices.get(row.itemNo)!.push(row);
    for (const no of itemNos) this.discounts.set(discountKey('item', no), []);
    for (const group of groups) this.discounts.set(discountKey('itemDiscountGroup', group), []);
    const discountRows = await this.tx.select().from(salesLineDiscount).where(or(
      and(eq(salesLineDiscount.type, 'item'), inArray(salesLineDiscount.code, itemNos)),
      groups.length > 0 ? and(eq(salesLineDiscount.type, 'itemDiscountGroup'), inArray(salesLineDiscount.code, groups)) : undefined,
    ));
    for (const row of discountRows) this.discounts.get(discountKey(row.type as 'item' | 'itemDiscountGroup', row.code))?.push(row);
  }

  private async loadPrepaymentPercents(itemNos: readonly string[]): Promise<void> {
    for (const no of itemNos) this.prepaymentPercents.set(no, []);
    for (const row of await this.tx.select().from(salesPrepaymentPercent).where(inArray(salesPrepaymentPercent.itemNo, itemNos))) {
      this.prepaymentPercents.get(row.itemNo)!.push(row);
    }
  }

  /** The item's price agreements. */
  async pricesOf(source: ItemRow): Promise<SalesPriceRow[]> {
    if (!this.prices.has(source.no)) await this.loadAgreements([source]);
    return this.prices.get(source.no)!;
  }

  /** The line discounts of the item and of its item discount group. */
  async discountsOf(source: ItemRow): Promise<SalesLineDiscountRow[]> {
    const group = source.itemDiscountGroup ? discountKey('itemDiscountGroup', source.itemDiscountGroup) : null;
    if (!this.discounts.has(discountKey('item', source.no)) || (group && !this.discounts.has(group))) await this.loadAgreements([source]);
    return [...this.discounts.get(discountKey('item', source.no))!, ...(group ? this.discounts.get(group)! : [])];
  }

  /** The item's Sales Prepayment % rows. */
  async prepaymentPercentsOf(itemNo: string): Promise<PrepaymentPercentRow[]> {
    if (!this.prepaymentPercents.has(itemNo)) await this.loadPrepaymentPercents([itemNo]);
    return this.prepaymentPercents.get(itemNo)!;
  }
}
