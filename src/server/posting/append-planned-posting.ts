/**
 * The last steps every document posting takes once its plan is checked (DESIGN §4): the entries'
 * numbers and the series' in one statement, which locks the series' lines until COMMIT, so that from
 * that draw on everything is one statement; the placeholders replaced; the append prepared with the
 * series' advance and the source document's write (its last numbers, or its deletion). Only a refusal
 * by the series (exhausted, date order) can still roll back drawn entry numbers, as any rollback does.
 */
import type { SQL } from 'drizzle-orm';
import type { Posting } from '../../core/posting/posting.ts';
import type { Executor } from '../db/connection.ts';
import { type PendingAppend, prepareAppend } from '../ledger/append-posting.ts';
import { rowCounts } from '../ledger/posting-rows.ts';
import { type NumberRequest, drawNumbers, resolveNumbers } from './posting-numbers.ts';

/** The other side a posting moves with it (a drop shipment's purchase or sale): its lines advanced before the draw, its rows queued after. */
export interface LinkedDocuments<P> {
  finish(tx: Executor): Promise<(numbers: ReadonlyMap<string, string>) => SQL[]>;
  queue(pending: PendingAppend, numbers: ReadonlyMap<string, string>, plan: P): void;
}

export async function appendPlannedPosting<P extends { posting: Posting; numbers: N }, N>(
  tx: Executor, planned: { plan: P; requests: readonly NumberRequest[] }, postingDate: string,
  sourceWrite: (numbers: N) => SQL | null, linked: LinkedDocuments<P> | null,
): Promise<{ plan: P; appended: PendingAppend }> {
  const linkedWrites = linked ? await linked.finish(tx) : null;
  const drawn = await drawNumbers(tx, rowCounts(planned.plan.posting), planned.requests, postingDate);
  const plan = resolveNumbers(planned.plan, drawn.numbers);
  const appended = await prepareAppend(tx, plan.posting, drawn.entryNumbers);
  appended.alsoWrite(drawn.update);
  appended.alsoWrite(sourceWrite(plan.numbers));
  if (linked && linkedWrites) {
    for (const write of linkedWrites(drawn.numbers)) appended.alsoWrite(write);
    linked.queue(appended, drawn.numbers, plan);
  }
  return { plan, appended };
}

/** Several linked sides moved by one posting (a drop shipment's purchase, an assembly made to order), as one; null when none. */
export function combineLinked<P>(parts: readonly (LinkedDocuments<P> | null)[]): LinkedDocuments<P> | null {
  const present = parts.filter((part): part is LinkedDocuments<P> => part !== null);
  if (present.length <= 1) return present[0] ?? null;
  return {
    async finish(tx) {
      const writes: ((numbers: ReadonlyMap<string, string>) => SQL[])[] = [];
      for (const part of present) writes.push(await part.finish(tx));
      return (numbers) => writes.flatMap((write) => write(numbers));
    },
    queue(pending, numbers, plan) {
      for (const part of present) part.queue(pending, numbers, plan);
    },
  };
}
