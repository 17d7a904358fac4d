import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { DatabaseHandle, Executor } from '../../../src/server/db/connection.ts';
import { noSeries, noSeriesLine } from '../../../src/server/db/schema/index.ts';
import { drawNumber, peekNumber } from '../../../src/server/number-series/no-series.commands.ts';
import { freshDatabase } from '../../support/database.ts';

let database: DatabaseHandle;
beforeEach(async () => {
  database = await freshDatabase();
  await database.db.insert(noSeries).values({ code: 'PS-INV', dateOrder: true });
  await database.db.insert(noSeriesLine).values([
    { seriesCode: 'PS-INV', lineNo: 10000, startingNo: 'PSI26-0001', endingNo: 'PSI26-9999' },
    { seriesCode: 'PS-INV', lineNo: 20000, startingDate: '2027-01-01', startingNo: 'PSI27-0001' },
  ]);
});
afterEach(() => database.close());

const draw = (tx: Executor, date = '2026-03-01') => drawNumber(tx, 'PS-INV', date);

describe('drawing numbers', () => {
  it('gives a number back when the transaction that drew it rolls back', async () => {
    expect((await database.db.transaction((tx) => draw(tx as Executor))).number).toBe('PSI26-0001');
    await expect(database.db.transaction(async (tx) => {
      expect((await draw(tx as Executor)).number).toBe('PSI26-0002');
      throw new Error('posting failed');
    })).rejects.toThrow('posting failed');
    expect((await database.db.transaction((tx) => draw(tx as Executor))).number).toBe('PSI26-0002');
  });

  it('hands out distinct consecutive numbers to concurrent transactions', async () => {
    const numbers = await Promise.all(Array.from({ length: 8 }, () =>
      database.db.transaction(async (tx) => (await draw(tx as Executor)).number)));
    expect(numbers.sort()).toEqual(Array.from({ length: 8 }, (_, index) => `PSI26-000${index + 1}`));
  });

  it('switches to the line of the new year and keeps dates in order', async () => {
    await database.db.transaction((tx) => draw(tx as Executor, '2026-12-31'));
    expect((await database.db.transaction((tx) => draw(tx as Executor, '2027-01-02'))).number).toBe('PSI27-0001');
    await expect(database.db.transaction((tx) => draw(tx as Executor, '2027-01-01')))
      .rejects.toMatchObject({ code: 'NO_SERIES_DATE_ORDER' });
    expect(await peekNumber(database.db, 'PS-INV', '2027-01-03')).toEqual({ number: 'PSI27-0002', warning: false });
    const [line] = await database.db.select().from(noSeriesLine).where(eq(noSeriesLine.lineNo, 20000));
    expect(line).toMatchObject({ lastNoUsed: 'PSI27-0001', lastDateUsed: '2027-01-02' });
  });
});
