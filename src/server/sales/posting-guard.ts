/**
 * One posting per document at a time. In one process (always the case with the embedded database,
 * where transactions queue on one connection) a second post of a document already being posted is
 * refused at once instead of queueing behind the first and posting again; across processes the
 * posting's SELECT … FOR UPDATE NOWAIT does the same (sales-post.ts).
 *
 * And at most four postings of a process at a time, the others waiting first come, first served.
 * Node runs their JavaScript on one core, so beyond a few at once (one in JavaScript while the
 * others wait on the database) they post no faster; they only hold more connections and wait on each other's item locks (SELECT … FOR UPDATE), which PostgreSQL does not
 * grant in order of arrival. Issue 21's bench on PostgreSQL 15, 8 clients in one process, runs of each:
 * - all selling the same items: p99 517–696 ms with no limit, 333–416 ms in four lanes, 235–297 ms
 *   in two, at about the same rate;
 * - each selling its own items: 65–69/s with no limit, 55–80/s in four lanes, 50–54/s in two.
 * Four keeps the second and brings the first under 500 ms; a posting waiting on another process's
 * lock still leaves lanes to the rest.
 */
import { DomainError } from '../../core/errors.ts';

const postingNow = new Set<string>();

/** `lanes` pieces of work at a time; the rest wait in the order they came. */
export class Lanes {
  #busy = 0;
  readonly #waiting: (() => void)[] = [];
  constructor(readonly lanes: number) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.#busy < this.lanes) this.#busy++;
    // The lane is handed over by the work that leaves it (#leave), so nothing arriving meanwhile takes it first.
    else await new Promise<void>((go) => this.#waiting.push(go));
    try {
      return await work();
    } finally {
      this.#leave();
    }
  }

  #leave(): void {
    const next = this.#waiting.shift();
    if (next) next();
    else this.#busy--;
  }
}

const postingLanes = new Lanes(4);

export async function whilePosting<T>(entity: string, documentType: string, no: string, work: () => Promise<T>): Promise<T> {
  const key = `${documentType}:${no}`;
  if (postingNow.has(key)) throw new DomainError('DOCUMENT_BEING_POSTED', { entity, no });
  postingNow.add(key);
  try {
    return await postingLanes.run(work);
  } finally {
    postingNow.delete(key);
  }
}
