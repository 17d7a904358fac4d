import { eq, sql } from 'drizzle-orm';
import { dec, type Decimal } from '../../core/money/decimal.ts';
import type { Executor } from '../db/connection.ts';
import { currency, generalLedgerSetup, inventorySetup, salesReceivablesSetup } from '../db/schema/index.ts';

/** The setup a sales command reads, loaded once per command. */
export interface SalesContext {
  workDate: string;
  /** Who is acting, for archives and, later, the ledgers' user IDs. */
  username: string;
  salesSetup: typeof salesReceivablesSetup.$inferSelect;
  glSetup: typeof generalLedgerSetup.$inferSelect;
  inventorySetup: typeof inventorySetup.$inferSelect;
}

export async function loadSalesContext(tx: Executor, workDate: string, username = ''): Promise<SalesContext> {
  // The three one-row setups in one statement: every sales request reads them.
  const [row] = await tx.select({ salesSetup: salesReceivablesSetup, glSetup: generalLedgerSetup, inventorySetup })
    .from(salesReceivablesSetup).innerJoin(generalLedgerSetup, sql`true`).innerJoin(inventorySetup, sql`true`);
  return { workDate, username, salesSetup: row!.salesSetup, glSetup: row!.glSetup, inventorySetup: row!.inventorySetup };
}

/** Rounding precisions of the document currency (blank = local currency from the G/L setup). */
export async function currencyPrecisions(tx: Executor, context: Pick<SalesContext, 'glSetup'>, currencyCode: string | null): Promise<{ amount: Decimal; unitAmount: Decimal }> {
  if (!currencyCode) return { amount: dec(context.glSetup.amountRoundingPrecision), unitAmount: dec(context.glSetup.unitAmountRoundingPrecision) };
  const [row] = await tx.select().from(currency).where(eq(currency.code, currencyCode));
  return { amount: dec(row!.amountRoundingPrecision), unitAmount: dec(row!.unitAmountRoundingPrecision) };
}
