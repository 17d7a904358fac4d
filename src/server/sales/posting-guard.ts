/**
 * One posting per document at a time. In one process (always the case with the embedded database,
 * where transactions queue on one connection) a second post of a document already being posted is
 * refused at once instead of queueing behind the first and posting again; across processes the
 * posting's SELECT … FOR UPDATE NOWAIT does the same (sales-post.ts).
 *
 * And at most four postings of a process at a time, the others waiting their turn, oldest request
 * first (db/turn-order.ts). Node runs their JavaScript on one core, so beyond a few at once (one in
 * JavaScript while the others wait on the database) they post no faster; they only hold more
 * connections and wait on each other's item locks (SELECT … FOR UPDATE), which PostgreSQL does not
 * grant in order of arrival. Issue 21's bench on PostgreSQL 15, 8 clients in one process, runs of each:
 * - all selling the same items: p99 517–696 ms with no limit, 333–416 ms four at a time, 235–297 ms
 *   two at a time, at about the same rate;
 * - each selling its own items: 65–69/s with no limit, 55–80/s four at a time, 50–54/s two at a time.
 * Four keeps the second and brings the first under 500 ms; a posting waiting on another process's
 * lock still leaves turns to the rest.
 */
import { DomainError } from '../../core/errors.ts';
import { TurnQueue } from '../db/turn-order.ts';

const postingNow = new Set<string>();

const postingTurns = new TurnQueue(4);

export async function whilePosting<T>(entity: string, documentType: string, no: string, work: () => Promise<T>): Promise<T> {
  const key = `${documentType}:${no}`;
  if (postingNow.has(key)) throw new DomainError('DOCUMENT_BEING_POSTED', { entity, no });
  postingNow.add(key);
  try {
    return await postingTurns.run(work);
  } finally {
    postingNow.delete(key);
  }
}
