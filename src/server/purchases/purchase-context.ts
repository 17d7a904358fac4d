import { sql } from 'drizzle-orm';
import type { Executor } from '../db/connection.ts';
import { generalLedgerSetup, inventorySetup, purchasesPayablesSetup } from '../db/schema/index.ts';

/** The setup a purchase command reads, loaded once per command. */
export interface PurchaseContext {
  workDate: string;
  username: string;
  purchasesSetup: typeof purchasesPayablesSetup.$inferSelect;
  glSetup: typeof generalLedgerSetup.$inferSelect;
  inventorySetup: typeof inventorySetup.$inferSelect;
}

export async function loadPurchaseContext(tx: Executor, workDate: string, username = ''): Promise<PurchaseContext> {
  const [row] = await tx.select({ purchasesSetup: purchasesPayablesSetup, glSetup: generalLedgerSetup, inventorySetup })
    .from(purchasesPayablesSetup).innerJoin(generalLedgerSetup, sql`true`).innerJoin(inventorySetup, sql`true`);
  return { workDate, username, purchasesSetup: row!.purchasesSetup, glSetup: row!.glSetup, inventorySetup: row!.inventorySetup };
}
