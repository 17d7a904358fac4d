import { eq, sql } from 'drizzle-orm';
import { dec, type Decimal } from '../../core/money/decimal.ts';
import type { Executor } from '../db/connection.ts';
import { reusableSelect } from '../db/reusable-select.ts';
import { cachedSetup } from '../db/setup-cache.ts';
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

// The three one-row setups in one statement, built once: every sales request reads them.
const selectSetups = reusableSelect((db) => db.select({ salesSetup: salesReceivablesSetup, glSetup: generalLedgerSetup, inventorySetup })
  .from(salesReceivablesSetup).innerJoin(generalLedgerSetup, sql`true`).innerJoin(inventorySetup, sql`true`));

export async function loadSalesContext(tx: Executor, workDate: string, username = ''): Promise<SalesContext> {
  const row = await cachedSetup(tx, 'sales_receivables_setup+general_ledger_setup+inventory_setup', async (db) => (await selectSetups(db))[0]);
  return { workDate, username, salesSetup: row!.salesSetup, glSetup: row!.glSetup, inventorySetup: row!.inventorySetup };
}

const selectCurrency = reusableSelect((db) => db.select().from(currency).where(eq(currency.code, sql.placeholder('code'))));

/** Rounding precisions of the document currency (blank = local currency from the G/L setup). */
export async function currencyPrecisions(tx: Executor, context: Pick<SalesContext, 'glSetup'>, currencyCode: string | null): Promise<{ amount: Decimal; unitAmount: Decimal }> {
  if (!currencyCode) return { amount: dec(context.glSetup.amountRoundingPrecision), unitAmount: dec(context.glSetup.unitAmountRoundingPrecision) };
  const row = await cachedSetup(tx, `currency:${currencyCode}`, async (db) => (await selectCurrency(db, { code: currencyCode }))[0]);
  return { amount: dec(row!.amountRoundingPrecision), unitAmount: dec(row!.unitAmountRoundingPrecision) };
}
