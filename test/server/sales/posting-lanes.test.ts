import { describe, expect, it } from 'vitest';
import { Lanes } from '../../../src/server/sales/posting-guard.ts';

/** Work that starts when its lane is free and ends when the test says so. */
function heldWork(started: number[], index: number) {
  let end!: (value: number) => void;
  let fail!: (error: Error) => void;
  const ended = new Promise<number>((resolve, reject) => { end = resolve; fail = reject; });
  return { run: () => { started.push(index); return ended; }, end: () => end(index), fail: () => fail(new Error(`work ${index} failed`)) };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('posting lanes', () => {
  it('runs two at a time and lets the others in as they came, also after a failure', async () => {
    const lanes = new Lanes(2);
    const started: number[] = [];
    const works = Array.from({ length: 5 }, (_, index) => heldWork(started, index));
    const results = works.map((work) => lanes.run(work.run));
    await settle();
    expect(started).toEqual([0, 1]);

    works[1]!.end();
    await settle();
    expect(started).toEqual([0, 1, 2]);

    // A failing work gives its lane to the next one waiting, and its caller gets the error.
    works[0]!.fail();
    await expect(results[0]).rejects.toThrow('work 0 failed');
    await settle();
    expect(started).toEqual([0, 1, 2, 3]);

    // Work arriving while others wait queues behind them.
    const late = heldWork(started, 5);
    const lateResult = lanes.run(late.run);
    works[2]!.end();
    await settle();
    expect(started).toEqual([0, 1, 2, 3, 4]);
    works[3]!.end();
    works[4]!.end();
    await settle();
    expect(started).toEqual([0, 1, 2, 3, 4, 5]);
    late.end();
    expect(await Promise.all([results[1], results[2], results[3], results[4], lateResult])).toEqual([1, 2, 3, 4, 5]);

    // All lanes free again: the next two start at once.
    const again = [heldWork(started, 6), heldWork(started, 7)];
    const againResults = again.map((work) => lanes.run(work.run));
    await settle();
    expect(started.slice(-2)).toEqual([6, 7]);
    again.forEach((work) => work.end());
    expect(await Promise.all(againResults)).toEqual([6, 7]);
  });
});
