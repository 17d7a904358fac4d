import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../db/connection.ts';
import { purchaseLineDiscount, purchasePrice } from '../db/schema/index.ts';
import { LineSources, type LineKey } from '../documents/line-sources.ts';

type PurchasePriceRow = typeof purchasePrice.$inferSelect;
type PurchaseLineDiscountRow = typeof purchaseLineDiscount.$inferSelect;

/**
 * What purchase lines read besides item, unit, account and VAT: the vendor's price and line discount
 * agreements for the lines' items, prefetched for all lines at once (see LineSources).
 */
export class PurchaseLineSources extends LineSources {
  private readonly prices = new Map<string, PurchasePriceRow[]>();
  private readonly discounts = new Map<string, PurchaseLineDiscountRow[]>();

  constructor(tx: Executor, private readonly vendorNo: string) {
    super(tx);
  }

  override async prefetch(lines: readonly LineKey[]): Promise<void> {
    await super.prefetch(lines);
    await this.loadAgreements([...this.items.keys()]);
  }

  private async loadAgreements(itemNos: readonly string[]): Promise<void> {
    if (itemNos.length === 0) return;
    for (const no of itemNos) {
      this.prices.set(no, []);
      this.discounts.set(no, []);
    }
    const prices = await this.tx.select().from(purchasePrice).where(and(eq(purchasePrice.vendorNo, this.vendorNo), inArray(purchasePrice.itemNo, [...itemNos])));
    for (const row of prices) this.prices.get(row.itemNo)!.push(row);
    const discounts = await this.tx.select().from(purchaseLineDiscount)
      .where(and(eq(purchaseLineDiscount.vendorNo, this.vendorNo), inArray(purchaseLineDiscount.itemNo, [...itemNos])));
    for (const row of discounts) this.discounts.get(row.itemNo)!.push(row);
  }

  /** The vendor's cost agreements for the item. */
  async pricesOf(itemNo: string): Promise<PurchasePriceRow[]> {
    if (!this.prices.has(itemNo)) await this.loadAgreements([itemNo]);
    return this.prices.get(itemNo)!;
  }

  /** The vendor's line discounts for the item. */
  async discountsOf(itemNo: string): Promise<PurchaseLineDiscountRow[]> {
    if (!this.discounts.has(itemNo)) await this.loadAgreements([itemNo]);
    return this.discounts.get(itemNo)!;
  }
}
