/**
 * A transaction that is always rolled back: Preview Posting releases an open document in it (the
 * only write a preview makes) and plans the posting, which it never appends.
 */
import type { Executor } from '../db/connection.ts';

/** Thrown inside a transaction to roll it back while carrying out what it saw. */
export class PreviewRollback<T> extends Error {
  constructor(readonly result: T) {
    super('preview rolled back');
  }
}

/** Runs `work` in a transaction that is always rolled back, and returns what it produced. */
export async function inRolledBackTransaction<T>(db: Executor, work: (tx: Executor) => Promise<T>): Promise<T> {
  try {
    await db.transaction(async (tx) => {
      throw new PreviewRollback(await work(tx as Executor));
    });
  } catch (error) {
    if (error instanceof PreviewRollback) return error.result as T;
    throw error;
  }
  throw new Error('unreachable: the preview transaction always rolls back');
}
