import { describe, expect, it } from 'vitest';
import { localizedMessage, localizedWarning } from '../../../src/web/format/messages.ts';

// The API's refusals worded again in the web app: the words follow the caption language, the amounts
// and dates the number and date format, each on its own.
describe('refusal messages in the user\'s language and format', () => {
  const discount = { discountAmount: '5000.5', base: '1234.56' };

  it('words them in English by default, with amounts and dates in the locale', () => {
    expect(localizedMessage('INVOICE_DISCOUNT_TOO_LARGE', discount, 'nl-NL'))
      .toBe('The invoice discount 5.000,50 must lie between 0 and the invoice discount base 1.234,56.');
    expect(localizedMessage('QUOTE_EXPIRED', { no: 'SQ1', validUntil: '2026-03-02', workDate: '2026-03-10' }, 'en-US', 'en'))
      .toBe('Quote SQ1 expired on 03/02/2026 (work date 03/10/2026); extend its Quote Valid Until Date to convert it.');
  });

  it('words them in Dutch when the language is nl, in either number format', () => {
    expect(localizedMessage('INVOICE_DISCOUNT_TOO_LARGE', discount, 'nl-NL', 'nl'))
      .toBe('De factuurkorting 5.000,50 moet tussen 0 en het factuurkortingsbasisbedrag 1.234,56 liggen.');
    expect(localizedMessage('INVOICE_DISCOUNT_TOO_LARGE', discount, 'en-US', 'nl'))
      .toBe('De factuurkorting 5,000.50 moet tussen 0 en het factuurkortingsbasisbedrag 1,234.56 liggen.');
    expect(localizedMessage('LINE_DISCOUNT_OUT_OF_RANGE', { grossAmount: '200', lineDiscountPercent: '120.5' }, 'nl-NL', 'nl'))
      .toBe('De regelkorting moet tussen 0 % en 100 % van Aantal × Eenheidsprijs (200,00) liggen; deze zou 120,5 % zijn.');
    expect(localizedMessage('APPLIED_AMOUNT_TOO_LARGE', { entryNo: 17, remaining: '99.9', appliedAmount: '100' }, 'nl-NL', 'nl'))
      .toBe('Post 17 heeft nog maar 99,90 openstaand (na een eventuele betalingskorting), minder dan het vereffende bedrag 100,00.');
    expect(localizedMessage('QUOTE_EXPIRED', { no: 'SQ1', validUntil: '2026-03-02', workDate: '2026-03-10' }, 'nl-NL', 'nl'))
      .toBe('Offerte SQ1 is verlopen op 02-03-2026 (werkdatum 10-03-2026); verleng de Offerte geldig tot datum om deze te converteren.');
    expect(localizedMessage('EXCHANGE_RATE_MISSING', { currencyCode: 'USD', date: '2026-01-31' }, 'en-US', 'nl'))
      .toBe('Valuta USD heeft geen wisselkoers die begint op of vóór 01/31/2026.');
    expect(localizedMessage('INVOICE_DISCOUNT_NOT_ALLOWED', { discountAmount: '10' }, 'nl-NL', 'nl'))
      .toBe('Geen enkele regel staat factuurkorting toe (Fact.korting toestaan), dus de factuurkorting 10,00 kan niet worden toegepast.');
  });

  it('words the promising and reservation refusals with quantities and dates in the locale', () => {
    const params = { itemNo: 'A', locationCode: 'MAIN', toShip: '2.00000', inventory: '1234.50000', reserved: '4.00000', free: '1.00000' };
    expect(localizedMessage('RESERVED_FOR_OTHER_DEMAND', params, 'nl-NL')).toContain('of the 1.234,5 in inventory 4 are reserved');
    expect(localizedMessage('RESERVED_FOR_OTHER_DEMAND', params, 'nl-NL', 'nl')).toContain('van de 1.234,5 in voorraad zijn er 4 gereserveerd');
    expect(localizedMessage('NO_DATE_IN_PROMISING_WINDOW', { lineNo: 10000, itemNo: 'B', windowEnd: '2026-04-12' }, 'nl-NL')).toContain('until 12-04-2026');
    expect(localizedMessage('RESERVE_QUANTITY_INVALID', { quantity: '5.00000', open: '4.00000' }, 'nl-NL', 'nl')).toBe(
      'Het te reserveren aantal moet groter zijn dan 0 en ten hoogste de 4 die nog niet gereserveerd zijn, niet 5.');
    expect(localizedMessage('NOTHING_TO_RESERVE', { lineNo: 10000, no: 'SO1' }, 'nl-NL', 'nl')).toContain('Regel 10000 van order SO1');
    // A window without end is no date: the API's own words stand.
    expect(localizedMessage('NO_DATE_IN_PROMISING_WINDOW', { lineNo: 10000, itemNo: 'B', windowEnd: '(no end)' }, 'nl-NL')).toBeNull();
  });

  it('leaves the API\'s own detail for other codes and for values that are not what they should be, in either language', () => {
    for (const language of ['en', 'nl'] as const) {
      expect(localizedMessage('ITEM_BLOCKED', { itemNo: '1000' }, 'nl-NL', language)).toBeNull();
      expect(localizedMessage('INVOICE_DISCOUNT_TOO_LARGE', { discountAmount: 'a lot', base: '10' }, 'nl-NL', language)).toBeNull();
      expect(localizedMessage('QUOTE_EXPIRED', { no: 'SQ1', validUntil: '2 March', workDate: '2026-03-10' }, 'nl-NL', language)).toBeNull();
      expect(localizedMessage('EXCHANGE_RATE_MISSING', undefined, 'nl-NL', language)).toBeNull();
    }
  });
});

describe('credit warnings in the user\'s language and format', () => {
  const limit = {
    code: 'CREDIT_LIMIT_EXCEEDED', message: 'as the API words it',
    details: { creditLimitLcy: '5000.00', totalAmountLcy: '6250.50', overLimitLcy: '1250.50', balanceLcy: '4000.00' },
  };

  it('words the credit limit and the overdue balance with the amounts in the locale, in English or Dutch', () => {
    expect(localizedWarning(limit, 'nl-NL'))
      .toBe("The customer's credit limit of 5.000,00 (LCY) is exceeded: with this document the total is 6.250,50 (LCY), 1.250,50 over the limit.");
    expect(localizedWarning(limit, 'en-US', 'nl'))
      .toBe('De kredietlimiet van de klant van 5,000.00 (LV) is overschreden: met dit document is het totaal 6,250.50 (LV), 1,250.50 boven de limiet.');
    expect(localizedWarning({ code: 'OVERDUE_BALANCE', message: 'x', details: { balanceDueLcy: '1234.5' } }, 'nl-NL', 'nl'))
      .toBe('De klant heeft een achterstallig saldo van 1.234,50 (LV).');
  });

  it('leaves other warnings, and one whose amounts are not amounts, as the API words them', () => {
    expect(localizedWarning({ code: 'STOCKOUT', message: 'Item 1000 is short.', details: { itemNo: '1000' } }, 'nl-NL', 'nl')).toBe('Item 1000 is short.');
    expect(localizedWarning({ ...limit, details: { ...limit.details, overLimitLcy: 'lots' } }, 'nl-NL', 'nl')).toBe('as the API words it');
  });
});
