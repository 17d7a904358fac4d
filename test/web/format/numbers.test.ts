import { describe, expect, it } from 'vitest';
import { decimalForInput, formatAmount, formatQuantity, formatUnitPrice, parseDecimalInput } from '../../../src/web/format/numbers.ts';

describe('parsing what a user types into a decimal string', () => {
  it.each([
    ['nl-NL', '1,5', '1.5'], ['nl-NL', '1.234,56', '1234.56'], ['nl-NL', '-1.234,56', '-1234.56'], ['nl-NL', '1.500', '1500'],
    ['nl-NL', '3.5', '3.5'], ['nl-NL', '12', '12'], ['nl-NL', ' 7,25 ', '7.25'], ['nl-NL', '', '0'], ['nl-NL', '1 234,5', '1234.5'],
    ['en-US', '1,234.56', '1234.56'], ['en-US', '1.5', '1.5'], ['en-US', '-0.01', '-0.01'], ['en-US', '1,000,000', '1000000'],
    ['en-US', '12345678901234.12345', '12345678901234.12345'],
  ] as const)('%s: %j → %s', (locale, typed, expected) => {
    expect(parseDecimalInput(typed, locale)).toBe(expected);
  });

  it.each([
    ['nl-NL', 'ten'], ['nl-NL', '1,2,3'], ['en-US', '1.2.3'], ['en-US', '1e5'], ['en-US', '12,34'], ['en-US', '--1'], ['nl-NL', '€ 5'],
  ] as const)('%s: refuses %j', (locale, typed) => {
    expect(parseDecimalInput(typed, locale)).toBeNull();
  });
});

describe('showing decimals', () => {
  it('rounds amounts to the cent half away from zero and groups per locale, without floats', () => {
    expect(formatAmount('1234.565', 'nl-NL')).toBe('1.234,57');
    expect(formatAmount('1234.565', 'en-US')).toBe('1,234.57');
    expect(formatAmount('-0.005', 'en-US')).toBe('-0.01');
    expect(formatAmount('9007199254740993.01', 'en-US')).toBe('9,007,199,254,740,993.01');
  });

  it('keeps up to five decimals on unit prices and quantities', () => {
    expect(formatUnitPrice('108.10811', 'nl-NL')).toBe('108,10811');
    expect(formatUnitPrice('45', 'en-US')).toBe('45.00');
    expect(formatQuantity('2.00000', 'en-US')).toBe('2');
    expect(formatQuantity('0.33333', 'nl-NL')).toBe('0,33333');
  });

  it('edits without grouping, and what it shows parses back to the same value', () => {
    for (const value of ['1234.5', '-98765.4321', '0.00001', '1000000']) {
      for (const locale of ['nl-NL', 'en-US'] as const) {
        const shown = decimalForInput(value, locale);
        expect(shown).not.toMatch(locale === 'nl-NL' ? /\./ : /,/);
        expect(parseDecimalInput(shown, locale)).toBe(value);
      }
    }
  });
});
