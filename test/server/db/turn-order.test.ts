import { describe, expect, it } from 'vitest';
import { asArrivingWork, TurnQueue } from '../../../src/server/db/turn-order.ts';

/** Takes a turn, notes the name, and ends the turn. */
async function useTurn(queue: TurnQueue, served: string[], name: string) {
  const endTurn = await queue.take();
  served.push(name);
  endTurn();
}

/** Work that starts on its turn and ends when the test says so. */
function heldWork(started: number[], index: number) {
  let end!: (value: number) => void;
  let fail!: (error: Error) => void;
  const ended = new Promise<number>((resolve, reject) => { end = resolve; fail = reject; });
  return { run: () => { started.push(index); return ended; }, end: () => end(index), fail: () => fail(new Error(`work ${index} failed`)) };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

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

  it('with two holders (postings: four), runs two at a time and lets the others in as they came, also after a failure', async () => {
    const queue = new TurnQueue(2);
    const started: number[] = [];
    const works = Array.from({ length: 5 }, (_, index) => heldWork(started, index));
    const results = works.map((work) => queue.run(work.run));
    await settle();
    expect(started).toEqual([0, 1]);

    works[1]!.end();
    await settle();
    expect(started).toEqual([0, 1, 2]);

    // A failing work gives its turn to the next one waiting, and its caller gets the error.
    works[0]!.fail();
    await expect(results[0]).rejects.toThrow('work 0 failed');
    await settle();
    expect(started).toEqual([0, 1, 2, 3]);

    // Work arriving while others wait queues behind them.
    const late = heldWork(started, 5);
    const lateResult = queue.run(late.run);
    works[2]!.end();
    await settle();
    expect(started).toEqual([0, 1, 2, 3, 4]);
    works[3]!.end();
    works[4]!.end();
    await settle();
    expect(started).toEqual([0, 1, 2, 3, 4, 5]);
    late.end();
    expect(await Promise.all([results[1], results[2], results[3], results[4], lateResult])).toEqual([1, 2, 3, 4, 5]);

    // Both turns free again: the next two start at once.
    const again = [heldWork(started, 6), heldWork(started, 7)];
    const againResults = again.map((work) => queue.run(work.run));
    await settle();
    expect(started.slice(-2)).toEqual([6, 7]);
    again.forEach((work) => work.end());
    expect(await Promise.all(againResults)).toEqual([6, 7]);
  });
});
