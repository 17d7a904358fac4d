import { getTableColumns, sql } from 'drizzle-orm';
import * as drizzleUtils from 'drizzle-orm/utils';
import { describe, expect, it } from 'vitest';
import { orderSelectedFields } from '../../../src/server/db/drizzle-internals.ts';
import { flatRowMapper, keysCopier } from '../../../src/server/db/row-mapper.ts';
import { bankAccount, postedAssemblyHeader, salesLine } from '../../../src/server/db/schema/index.ts';

// Compiled once per selection; must map exactly as drizzle's own mapResultRow does.
const { mapResultRow } = drizzleUtils as unknown as { mapResultRow(fields: unknown, row: unknown[], joins: undefined): Record<string, unknown> };

describe('flatRowMapper', () => {
  it('maps array rows of whole tables as drizzle does: dates, timestamps, numerics, integers, jsonb, nulls', () => {
    const assemblyFields = orderSelectedFields(getTableColumns(postedAssemblyHeader));
    const assemblyRow = assemblyFields.map(({ path }) => ({
      no: 'PA1', quantity: '2.50000', salesLineNo: '10000', postingDate: '2026-01-31', createdAt: '2026-01-31 10:15:00.123+00', reversed: false, dueDate: null,
    } as Record<string, unknown>)[path[0]!] ?? null);
    const bankFields = orderSelectedFields(getTableColumns(bankAccount));
    const bankRow = bankFields.map(({ path }) => (path[0] === 'statementCsvMapping' ? '{"delimiter":";","columns":[1,2]}' : path[0] === 'no' ? 'B1' : null));
    for (const [fields, row] of [[assemblyFields, assemblyRow], [bankFields, bankRow]] as const) {
      const mapped = flatRowMapper(fields)!([row, row]);
      expect(mapped).toEqual([mapResultRow(fields, row, undefined), mapResultRow(fields, row, undefined)]);
    }
    const [assembly] = flatRowMapper(assemblyFields)!([assemblyRow]);
    expect(assembly!.createdAt).toBeInstanceOf(Date);
    expect(assembly!.salesLineNo).toBe(10000);
    expect(flatRowMapper(bankFields)!([bankRow])[0]!.statementCsvMapping).toEqual({ delimiter: ';', columns: [1, 2] });
  });

  it('takes any key as data, never as code, and keeps SQL fields\' decoders', () => {
    const odd = 'a"b\\c`${globalThis.hacked = 1}';
    const fields = orderSelectedFields({ [odd]: sql<number>`1`.mapWith(Number), lineNo: getTableColumns(salesLine).lineNo });
    expect(flatRowMapper(fields)!([['7', '20000']])).toEqual([{ [odd]: 7, lineNo: 20000 }]);
    expect((globalThis as { hacked?: number }).hacked).toBeUndefined();
  });

  it('leaves nested selections (joins) to drizzle', () => {
    expect(flatRowMapper(orderSelectedFields({ line: { no: getTableColumns(salesLine).no } }))).toBeUndefined();
  });
});

describe('keysCopier', () => {
  it('copies the keys listed, a missing one as undefined (left out of JSON), and nothing else', () => {
    const copy = keysCopier(['no', 'amount', 'missing', 'it\'s "quoted"'])({ no: 'X1', amount: '1.00', other: true, 'it\'s "quoted"': 3 });
    expect(copy).toEqual({ no: 'X1', amount: '1.00', missing: undefined, 'it\'s "quoted"': 3 });
    expect(JSON.parse(JSON.stringify(copy))).toEqual({ no: 'X1', amount: '1.00', 'it\'s "quoted"': 3 });
  });
});
