import { describe, expect, it } from 'vitest';
import { parseDateInput } from '../../../src/web/format/date-input.ts';

const workDate = '2026-11-24';

describe('dates typed the Business Central way', () => {
  it.each([
    ['nl-NL', '25-11-2026', '2026-11-25'], ['nl-NL', '25/11', '2026-11-25'], ['nl-NL', '2511', '2026-11-25'],
    ['nl-NL', '251126', '2026-11-25'], ['nl-NL', '25112026', '2026-11-25'], ['nl-NL', '3', '2026-11-03'],
    ['nl-NL', '1.2.27', '2027-02-01'], ['en-US', '11/25/2026', '2026-11-25'], ['en-US', '1125', '2026-11-25'],
    ['en-US', '2/29/2028', '2028-02-29'], ['nl-NL', 'w', workDate], ['nl-NL', 'W', workDate],
  ] as const)('%s: %j → %s', (locale, typed, expected) => {
    expect(parseDateInput(typed, locale, workDate)).toBe(expected);
  });

  it('answers null for an empty input and undefined for what is not a date', () => {
    expect(parseDateInput('  ', 'nl-NL', workDate)).toBeNull();
    for (const typed of ['31-11-2026', '29-02-2026', '123', 'tomorrow', '1-2-3-4', '25-13']) {
      expect(parseDateInput(typed, 'nl-NL', workDate), typed).toBeUndefined();
    }
    expect(parseDateInput('25/11', 'en-US', workDate)).toBeUndefined();
  });

  it('takes t as today', () => {
    expect(parseDateInput('t', 'en-US', workDate)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
