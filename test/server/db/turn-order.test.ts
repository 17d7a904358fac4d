import { describe, expect, it } from 'vitest';
import { asArrivingWork, TurnQueue } from '../../../src/server/db/turn-order.ts';

/** Takes a turn, notes the name, and ends the turn. */
async function useTurn(queue: TurnQueue, served: string[], name: string) {
  const endTurn = await queue.take();
  served.push(name);
  endTurn();
}

describe('turns at the embedded database', () => {
  it('serves work outside a request first come, first served, one at a time', async () => {
    const queue = new TurnQueue();
    const served: string[] = [];
    const endHolder = await queue.take();
    const waiting = ['a', 'b', 'c'].map((name) => useTurn(queue, served, name));
    await Promise.resolve();
    expect(served).toEqual([]);
    endHolder();
    await Promise.all(waiting);
    expect(served).toEqual(['a', 'b', 'c']);
  });

  it("serves a request's later query before the queries of requests that came after it", async () => {
    const queue = new TurnQueue();
    const served: string[] = [];
    const endHolder = await queue.take();
    let firstQueryDone!: () => void;
    const firstQuery = new Promise<void>((resolve) => { firstQueryDone = resolve; });
    // The older request arrives first but asks for its second turn only after the newer one asked.
    const older = asArrivingWork(async () => {
      await firstQuery;
      await useTurn(queue, served, 'older, second query');
    });
    const newer = asArrivingWork(() => useTurn(queue, served, 'newer, first query'));
    const outside = useTurn(queue, served, 'outside any request');
    await Promise.resolve();
    firstQueryDone();
    await firstQuery;
    await Promise.resolve();
    endHolder();
    await Promise.all([older, newer, outside]);
    expect(served).toEqual(['older, second query', 'newer, first query', 'outside any request']);
  });

  it('ends a turn once, however often its end is called', async () => {
    const queue = new TurnQueue();
    const served: string[] = [];
    const endFirst = await queue.take();
    const second = queue.take();
    const third = useTurn(queue, served, 'third');
    endFirst();
    endFirst();
    const endSecond = await second;
    await Promise.resolve();
    expect(served).toEqual([]);
    endSecond();
    await third;
    expect(served).toEqual(['third']);
  });
});
