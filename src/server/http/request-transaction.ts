import { AsyncLocalStorage } from 'node:async_hooks';
import type { Executor } from '../db/connection.ts';

/**
 * The transaction a request's command runs in when the request must be recorded with its effect
 * (an Idempotency-Key). Routes reach the database through `getDb()`, which answers this transaction
 * while one is open for the request, so the command's own `transaction()` becomes a savepoint of it.
 */
const requestTransaction = new AsyncLocalStorage<Executor>();

export function runInRequestTransaction<T>(tx: Executor, run: () => T): T {
  return requestTransaction.run(tx, run);
}

export function requestScopedDb(root: () => Executor): () => Executor {
  return () => requestTransaction.getStore() ?? root();
}
