import type { Executor } from '../db/connection.ts';
import { reusableSelect } from '../db/reusable-select.ts';
import { vatPostingSetup } from '../db/schema/index.ts';
import { cachedSetup } from '../db/setup-cache.ts';

export type VatPostingSetupRow = typeof vatPostingSetup.$inferSelect;

const selectVatPostingSetups = reusableSelect((db) => db.select().from(vatPostingSetup));

/** Every VAT posting setup (a small table), kept while the setup does not change: lines and postings read them alike. */
export function vatPostingSetups(tx: Executor): Promise<readonly VatPostingSetupRow[]> {
  return cachedSetup(tx, 'vat_posting_setup', selectVatPostingSetups);
}
