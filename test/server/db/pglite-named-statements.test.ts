import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PGlite } from '@electric-sql/pglite';
import { openDatabase, type DatabaseHandle } from '../../../src/server/db/connection.ts';

// The embedded database's own query path: it runs whatever TEST_DATABASE_URL says.
describe('repeated statements on the embedded database', () => {
  let handle: DatabaseHandle;
  let client: PGlite;

  beforeAll(async () => {
    handle = await openDatabase({});
    client = (handle.db as unknown as { $client: PGlite }).$client;
    await client.exec(`create table sample (id integer primary key, amount numeric(18,2) not null, on_date date, tags text[], data jsonb)`);
  });
  afterAll(() => handle.close());

  async function preparedNames(): Promise<string[]> {
    return (await client.query<{ statement: string }>('select statement from pg_prepared_statements')).rows.map((row) => row.statement);
  }

  it('are parsed once under a name, and give the rows the unnamed query gave', async () => {
    const text = 'insert into sample (id, amount, on_date, tags, data) values ($1, $2, $3, $4, $5) returning *';
    const first = await client.query(text, [1, '10.50', '2026-12-04', ['a', 'b'], { total: '10.50' }]);
    expect(await preparedNames()).not.toContain(text);
    const second = await client.query(text, [2, '20.25', null, [], null]);
    expect(await preparedNames()).toContain(text);
    const third = await client.query(text, [3, '0.01', '2027-01-31', ['x'], { nested: [1, 2] }]);

    expect(first.rows).toEqual([{ id: 1, amount: '10.50', on_date: new Date('2026-12-04T00:00:00Z'), tags: ['a', 'b'], data: { total: '10.50' } }]);
    expect(second.rows).toEqual([{ id: 2, amount: '20.25', on_date: null, tags: [], data: null }]);
    expect(third.rows).toEqual([{ id: 3, amount: '0.01', on_date: new Date('2027-01-31T00:00:00Z'), tags: ['x'], data: { nested: [1, 2] } }]);
    expect(third.affectedRows).toBe(1);
    expect(third.fields.map((field) => field.name)).toEqual(['id', 'amount', 'on_date', 'tags', 'data']);

    const select = 'select id, amount from sample where id = any($1) order by id';
    for (let run = 0; run < 3; run++) {
      const result = await client.query(select, [[1, 3]], { rowMode: 'array' });
      expect(result.rows).toEqual([[1, '10.50'], [3, '0.01']]);
    }
    const update = 'update sample set amount = amount + $1 where id <= $2';
    await client.query(update, ['1', 0]);
    expect((await client.query(update, ['1', 2])).affectedRows).toBe(2);
  });

  it('give the same result, whole, as PGlite gives for the same query unnamed', async () => {
    const select = 'select id, amount, on_date, tags, data, id * 2 as id from sample where id = $1';
    const update = 'update sample set amount = amount where id = any($1)';
    for (const [text, params] of [[select, [1]], [update, [[1, 2, 3]]]] as const) {
      for (const options of [undefined, { rowMode: 'array' as const }]) {
        const unnamed = await client.query(`${text} -- ${options?.rowMode ?? 'object'}`, [...params], options);
        await client.query(text, [...params], options);
        const named = await client.query(text, [...params], options);
        expect(await preparedNames()).toContain(text);
        expect(named).toEqual(unnamed);
      }
    }
  });

  it('name a statement without parameters too', async () => {
    const select = 'select count(*)::int as rows, min(id) as first from sample';
    const results = [];
    for (let run = 0; run < 3; run++) results.push(await client.query(select));
    expect(await preparedNames()).toContain(select);
    expect(results[2]).toEqual(results[0]);
    expect(results[0]!.rows).toEqual([{ rows: 3, first: 1 }]);
  });

  it('answer a failing run with the database error, and the session goes on', async () => {
    const text = 'select 100 / $1::integer as share';
    await client.query(text, [4]);
    expect((await client.query<{ share: number }>(text, [5])).rows).toEqual([{ share: 20 }]);
    await expect(client.query(text, [0])).rejects.toMatchObject({ code: '22012', query: text, params: [0] });
    expect((await client.query<{ share: number }>(text, [50])).rows).toEqual([{ share: 2 }]);
  });

  it('run inside a transaction and are undone with it, and stay usable after it', async () => {
    const text = 'insert into sample (id, amount) values ($1, $2)';
    await client.query(text, [10, '1']);
    await client.query(text, [11, '1']);
    await expect(client.transaction(async (tx) => {
      await tx.query(text, [12, '1']);
      await tx.query(text, [13, '1']);
      await tx.query(text, [10, '1']);
    })).rejects.toMatchObject({ code: '23505' });
    const ids = await client.query<{ id: number }>('select id from sample where id >= $1 order by id', [10]);
    expect(ids.rows.map((row) => row.id)).toEqual([10, 11]);

    await client.transaction(async (tx) => {
      await tx.query(text, [14, '1']);
      await tx.rollback();
      await expect(tx.query(text, [15, '1'])).rejects.toThrow('Transaction is closed');
    });
    await client.query(text, [16, '1']);
    const after = await client.query<{ id: number }>('select id from sample where id >= $1 order by id', [10]);
    expect(after.rows.map((row) => row.id)).toEqual([10, 11, 16]);
  });
});
