import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  type PaymentTermsForDates,
  defaultDates,
  defaultLocationCode,
  paymentTermsDates,
  priceDate,
  quoteValidUntilDate,
} from '../../../src/core/sales/header-defaults.ts';
import { dec } from '../../../src/core/money/decimal.ts';
import { addDays } from '../../../src/core/dates/calendar-date.ts';
import { type SalesDocumentType, salesDocumentTypes } from '../../../src/core/sales/types.ts';
import { domainErrorOf } from '../domain-error-helper.ts';

function terms(dueDateCalculation: string, discountDateCalculation = '', discountPercent = '0', calculatePaymentDiscountOnCreditMemos = false): PaymentTermsForDates {
  return { dueDateCalculation, discountDateCalculation, discountPercent: dec(discountPercent), calculatePaymentDiscountOnCreditMemos };
}

const plain = (result: ReturnType<typeof paymentTermsDates>) =>
  [result.dueDate, result.paymentDiscountDate, result.paymentDiscountPercent.toString()];

describe('paymentTermsDates (spec §11.1)', () => {
  const oneMonthEightDays = terms('1M', '8D', '2');

  it('reproduces the 1M(8D) example: document date 2026-01-01 → due 2026-02-01, discount 2026-01-09 at 2 %', () => {
    expect(plain(paymentTermsDates('invoice', '2026-01-01', oneMonthEightDays))).toEqual(['2026-02-01', '2026-01-09', '2']);
  });

  it.each<[SalesDocumentType, string | null, PaymentTermsForDates | null, [string | null, string | null, string]]>([
    // no terms or no document date: Due Date := Document Date, no discount
    ['order', '2026-01-01', null, ['2026-01-01', null, '0']],
    ['order', null, oneMonthEightDays, [null, null, '0']],
    ['order', null, null, [null, null, '0']],
    // every non-credit type calculates
    ['quote', '2026-01-01', oneMonthEightDays, ['2026-02-01', '2026-01-09', '2']],
    ['order', '2026-01-01', oneMonthEightDays, ['2026-02-01', '2026-01-09', '2']],
    ['blanketOrder', '2026-01-01', oneMonthEightDays, ['2026-02-01', '2026-01-09', '2']],
    // credit documents only with Calc. Pmt. Disc. on Cr. Memos
    ['creditMemo', '2026-01-01', oneMonthEightDays, ['2026-01-01', null, '0']],
    ['returnOrder', '2026-01-01', oneMonthEightDays, ['2026-01-01', null, '0']],
    ['creditMemo', '2026-01-01', terms('1M', '8D', '2', true), ['2026-02-01', '2026-01-09', '2']],
    ['returnOrder', '2026-01-01', terms('1M', '8D', '2', true), ['2026-02-01', '2026-01-09', '2']],
    // an empty formula gives the document date itself, as CalcDate does
    ['invoice', '2026-01-15', terms('14D'), ['2026-01-29', '2026-01-15', '0']],
    ['invoice', '2026-01-15', terms(''), ['2026-01-15', '2026-01-15', '0']],
    ['invoice', '2026-01-15', terms('', '10D', '3'), ['2026-01-15', '2026-01-25', '3']],
    // richer formulas
    ['invoice', '2026-01-15', terms('CM+10D', 'CM', '1.5'), ['2026-02-10', '2026-01-31', '1.5']],
    ['invoice', '2026-01-31', terms('1M'), ['2026-02-28', '2026-01-31', '0']],
    ['invoice', '2026-01-15', terms('<30D>', '<7D>', '2'), ['2026-02-14', '2026-01-22', '2']],
  ])('%s dated %s with %o → %j', (documentType, documentDate, paymentTerms, expected) => {
    expect(plain(paymentTermsDates(documentType, documentDate, paymentTerms))).toEqual(expected);
  });

  it('refuses an invalid formula', () => {
    expect(domainErrorOf(() => paymentTermsDates('invoice', '2026-01-01', terms('1X'))).code).toBe('INVALID_DATE_FORMULA');
  });

  it('counts from the document date: a later document date moves both dates by the same days', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 60 }), (offset, due, discount) => {
      const documentDate = addDays('2020-01-01', offset);
      const result = paymentTermsDates('invoice', documentDate, terms(`${due}D`, `${discount}D`, '2'));
      expect(result.dueDate).toBe(addDays(documentDate, due));
      expect(result.paymentDiscountDate).toBe(addDays(documentDate, discount));
    }));
  });
});

describe('quoteValidUntilDate (spec §7.1)', () => {
  it.each<[string | null, string, string | null]>([
    ['2026-01-15', '30D', '2026-02-14'],
    ['2026-01-15', '1M', '2026-02-15'],
    ['2026-01-31', 'CM+1M', '2026-02-28'],
    ['2026-01-15', '0D', '2026-01-15'],
    ['2026-01-15', '', null],
    ['2026-01-15', '   ', null],
    [null, '30D', null],
  ])('document date %s + "%s" → %s', (documentDate, formula, expected) => {
    expect(quoteValidUntilDate(documentDate, formula)).toBe(expected);
  });
});

describe('priceDate (spec §10.3)', () => {
  const dated = { orderDate: '2026-01-10', postingDate: '2026-01-20' };
  const undated = { orderDate: null, postingDate: null };

  it.each<[SalesDocumentType, { orderDate: string | null; postingDate: string | null }, string]>([
    ['invoice', dated, '2026-01-20'],
    ['creditMemo', dated, '2026-01-20'],
    ['quote', dated, '2026-01-10'],
    ['order', dated, '2026-01-10'],
    ['blanketOrder', dated, '2026-01-10'],
    ['returnOrder', dated, '2026-01-10'],
    ['invoice', undated, '2026-01-15'],
    ['creditMemo', { orderDate: '2026-01-10', postingDate: null }, '2026-01-15'],
    ['order', { orderDate: null, postingDate: '2026-01-20' }, '2026-01-15'],
    ['blanketOrder', undated, '2026-01-15'],
  ])('%s with %o → %s (work date 2026-01-15)', (documentType, dates, expected) => {
    expect(priceDate(documentType, dates, '2026-01-15')).toBe(expected);
  });
});

describe('defaultDates (spec §6.2)', () => {
  it.each<[SalesDocumentType, 'workDate' | 'noDate', string | null]>([
    ['order', 'workDate', '2026-01-15'],
    ['invoice', 'workDate', '2026-01-15'],
    ['creditMemo', 'workDate', '2026-01-15'],
    ['returnOrder', 'workDate', '2026-01-15'],
    // quotes and blanket orders are never posted: no posting date (BC InitRecord; spec §8)
    ['quote', 'workDate', null],
    ['blanketOrder', 'workDate', null],
    ['order', 'noDate', null],
    ['invoice', 'noDate', null],
    ['creditMemo', 'noDate', null],
    ['returnOrder', 'noDate', null],
    ['quote', 'noDate', null],
    ['blanketOrder', 'noDate', null],
  ])('%s with Default Posting Date %s → posting date %s', (documentType, setting, postingDate) => {
    expect(defaultDates(documentType, '2026-01-15', setting)).toEqual({ postingDate, documentDate: '2026-01-15', orderDate: '2026-01-15' });
  });

  it('dates every document type with the work date', () => {
    for (const documentType of salesDocumentTypes) {
      const dates = defaultDates(documentType, '2027-06-30', 'workDate');
      expect(dates.documentDate).toBe('2027-06-30');
      expect(dates.orderDate).toBe('2027-06-30');
    }
  });
});

describe('defaultLocationCode (issue 10)', () => {
  it.each<[string, { shipToAddress?: string | null; customer: string | null; company: string | null }, string | null]>([
    ['the ship-to address first', { shipToAddress: 'WEST', customer: 'EAST', company: 'MAIN' }, 'WEST'],
    ['else the customer', { shipToAddress: null, customer: 'EAST', company: 'MAIN' }, 'EAST'],
    ['a blank ship-to location counts as none', { shipToAddress: '', customer: 'EAST', company: 'MAIN' }, 'EAST'],
    ['else the company default', { customer: null, company: 'MAIN' }, 'MAIN'],
    ['else none', { customer: '', company: null }, null],
  ])('%s', (_, sources, expected) => {
    expect(defaultLocationCode(sources)).toBe(expected);
  });
});
