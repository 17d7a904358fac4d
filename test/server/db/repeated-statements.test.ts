import { describe, expect, it } from 'vitest';
import { StatementNames } from '../../../src/server/db/repeated-statements.ts';

describe('names for repeated statements', () => {
  it('names a text the second time it is seen, and always by the same name', () => {
    const names = new StatementNames();
    const text = 'select * from item where no = $1';
    expect(names.nameOf(text)).toBeUndefined();
    const name = names.nameOf(text);
    expect(name).toMatch(/^ledgerline_\d+$/);
    expect(names.nameOf(text)).toBe(name);
    const other = `${text} and blocked = $2`;
    names.nameOf(other);
    expect(names.nameOf(other)).toMatch(/^ledgerline_\d+$/);
    expect(names.nameOf(other)).not.toBe(name);
  });

  it('stops naming new texts at the most names, and keeps the names it gave', () => {
    const names = new StatementNames(3);
    const texts = ['a', 'b', 'c', 'd'].map((table) => `select * from ${table} where id = $1`);
    const given = texts.map((text) => [names.nameOf(text), names.nameOf(text)][1]);
    expect(given.slice(0, 3).every((name) => name !== undefined)).toBe(true);
    expect(given[3]).toBeUndefined();
    expect(names.nameOf(texts[0]!)).toBe(given[0]);
  });

  it('forgets texts seen once when too many have been, so they are named only if seen again soon', () => {
    const names = new StatementNames(500, 2);
    names.nameOf('select $1');
    names.nameOf('select $1, $2');
    names.nameOf('select $1, $2, $3');
    expect(names.nameOf('select $1')).toBeUndefined();
    expect(names.nameOf('select $1')).toMatch(/^ledgerline_\d+$/);
  });
});
