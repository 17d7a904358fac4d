/**
 * The order in which work waiting for the embedded database gets it: oldest work first. PGlite has
 * one session, so a request reaches it once per query or transaction, and served in the order the
 * queries arrive, a list read of three queries waited for the whole queue three times and one of two
 * queries twice, while both were the same kind of request. A request's queries carry the number it
 * got when it arrived (`asArrivingWork`), so its later queries go before those of requests that
 * came after it, and every request waits for the queue about once. Work outside a request (jobs, the
 * CLI) gets a number per query: first come, first served.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

const arrival = new AsyncLocalStorage<number>();
let lastNumber = 0;

/** Runs `work` (a request, from its first hook on) and all that continues from it under a new number. */
export function asArrivingWork<T>(work: () => T): T {
  return arrival.run(++lastNumber, work);
}

function orderOfCurrentWork(): number {
  return arrival.getStore() ?? ++lastNumber;
}

interface Waiting { order: number; go: () => void }

/**
 * `holders` at a time (one for the embedded database's session; a few for postings, see
 * sales/posting-guard.ts); when one lets go, the waiting work with the lowest number goes next.
 */
export class TurnQueue {
  #holding = 0;
  readonly #waiting: Waiting[] = [];
  constructor(readonly holders = 1) {}

  /** Resolves when it is this work's turn, with the function that ends the turn. */
  async take(): Promise<() => void> {
    const order = orderOfCurrentWork();
    if (this.#holding < this.holders) this.#holding++;
    else await new Promise<void>((go) => this.#waiting.push({ order, go }));
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.#next();
    };
  }

  /** Runs `work` in a turn of its own. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    const endTurn = await this.take();
    try {
      return await work();
    } finally {
      endTurn();
    }
  }

  /** A turn ended: handed straight to the next waiting work (so nothing that asks before it resumes can slip in), or freed. */
  #next(): void {
    if (this.#waiting.length === 0) {
      this.#holding--;
      return;
    }
    let first = 0;
    for (let index = 1; index < this.#waiting.length; index++) {
      if (this.#waiting[index]!.order < this.#waiting[first]!.order) first = index;
    }
    const [next] = this.#waiting.splice(first, 1);
    next!.go();
  }
}
