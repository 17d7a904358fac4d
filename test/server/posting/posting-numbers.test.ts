import { describe, expect, it } from 'vitest';
import { Decimal } from '../../../src/core/money/decimal.ts';
import { numberToken, resolveNumbers } from '../../../src/server/posting/posting-numbers.ts';

describe('placeholders of numbers drawn last', () => {
  const invoice = numberToken('invoice');
  const shipment = numberToken('shipment');
  const numbers = new Map([[invoice, 'PSI-1001'], [shipment, 'PSS-2002']]);

  it('replaces every placeholder, in strings, nested objects and arrays, and leaves the plan it was given as it was', () => {
    const item = { no: '1000', unitCost: new Decimal('12.5') };
    const plan = {
      header: { no: invoice, description: `Invoice ${invoice} of shipment ${shipment}` },
      lines: [{ documentNo: invoice, item }, { documentNo: 'MANUAL-1', item }],
      amounts: [new Decimal('10.00'), new Decimal('-2.50')],
      count: 2, open: true, note: null,
    };
    const before = JSON.stringify(plan);
    const resolved = resolveNumbers(plan, numbers);

    expect(resolved).toEqual({
      header: { no: 'PSI-1001', description: 'Invoice PSI-1001 of shipment PSS-2002' },
      lines: [{ documentNo: 'PSI-1001', item }, { documentNo: 'MANUAL-1', item }],
      amounts: [new Decimal('10.00'), new Decimal('-2.50')],
      count: 2, open: true, note: null,
    });
    expect(JSON.stringify(plan)).toBe(before);
    // What holds no placeholder is not copied: the same objects, Decimals included.
    expect(resolved.lines[1]).toBe(plan.lines[1]);
    expect(resolved.lines[0]!.item).toBe(item);
    expect(resolved.amounts).toBe(plan.amounts);
    expect(resolved.lines).not.toBe(plan.lines);
  });

  it('copies an object shared by many entries once, and the copies share it', () => {
    const document = { documentNo: invoice, description: 'Order 1001' };
    const plan = { entries: [{ amount: '1.00', document }, { amount: '-1.00', document }], header: { document } };
    const resolved = resolveNumbers(plan, numbers);
    expect(resolved.entries[0]!.document).toEqual({ documentNo: 'PSI-1001', description: 'Order 1001' });
    expect(resolved.entries[1]!.document).toBe(resolved.entries[0]!.document);
    expect(resolved.header.document).toBe(resolved.entries[0]!.document);
    expect(document.documentNo).toBe(invoice);
  });

  it('answers the plan itself when nothing in it is a placeholder', () => {
    const plan = { lines: [{ no: 'A', quantity: new Decimal(3) }], tags: ['x'] };
    expect(resolveNumbers(plan, numbers)).toBe(plan);
  });
});
