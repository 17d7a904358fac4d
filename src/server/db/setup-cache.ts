/**
 * Setup rows kept in memory between transactions (issue 21: every posting read the same setup tables,
 * ~8 statements of a 23-statement posting). What is kept is keyed by the setup's version, which every
 * statement changing one of those tables renews (triggers of migration 0045, a random value each
 * time). A transaction reads the version once; rows kept under it are the rows it would read itself,
 * on this process or any other, and a database cloned from another shares them only while neither
 * changed its setup. The rows are frozen: they are shared by every transaction of the same version.
 */
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Executor } from './connection.ts';
import { reusableSelect } from './reusable-select.ts';
import { setupVersion } from './schema/index.ts';

/** Tables whose rows may be kept here: those migration 0045 gives the version trigger. */
export type CachedSetupTable =
  | 'sales_receivables_setup' | 'general_ledger_setup' | 'inventory_setup' | 'customer_posting_group'
  | 'general_posting_setup' | 'vat_posting_setup' | 'inventory_posting_setup' | 'payment_method' | 'currency' | 'location' | 'approval_workflow'
  | 'payment_terms' | 'payment_service_setup' | 'customer_invoice_discount';

const selectVersion = reusableSelect((db) => db.select({ version: setupVersion.version }).from(setupVersion));
/** The version each open transaction read (one statement per transaction). */
const versionOfTransaction = new WeakMap<object, Promise<string>>();
/** Kept values by version; only the last few versions, so a busy setup page does not grow the heap. */
const kept = new Map<string, Map<string, Promise<unknown>>>();
const versionsKept = 8;

function versionOf(tx: Executor): Promise<string> {
  const read = async () => (await selectVersion(tx))[0]?.version ?? '';
  // Outside a transaction every statement may see another version: no reuse.
  if (!(tx instanceof PgTransaction)) return read();
  let version = versionOfTransaction.get(tx);
  if (!version) {
    version = read();
    versionOfTransaction.set(tx, version);
  }
  return version;
}

/** Rows and arrays of rows are frozen; other objects (a Date, a Decimal) are left as they are. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)
    && (Array.isArray(value) || Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/**
 * `load(tx)` as of the setup version `tx` sees, loaded once per version and process. `key` starts with
 * the table read (only the tables of CachedSetupTable renew the version) and must change with every
 * argument of `load`.
 */
export async function cachedSetup<T>(tx: Executor, key: `${CachedSetupTable}${string}`, load: (tx: Executor) => Promise<T>): Promise<T> {
  const version = await versionOf(tx);
  const values = kept.get(version) ?? new Map<string, Promise<unknown>>();
  if (!kept.has(version)) {
    kept.set(version, values);
    if (kept.size > versionsKept) kept.delete(kept.keys().next().value!);
  }
  const shared = values.get(key) as Promise<T> | undefined;
  if (shared) {
    // Another transaction's read that failed (its transaction aborted) is not this one's failure.
    try {
      return await shared;
    } catch {
      return load(tx);
    }
  }
  const value = load(tx).then(deepFreeze);
  values.set(key, value);
  value.catch(() => values.delete(key));
  return value;
}
