import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dec } from '../../../src/core/money/decimal.ts';
import type { RecurringLinesInsertMode } from '../../../src/core/master-data/standard-sales.schemas.ts';
import {
  checkCodeForDocument, codesForDocument, codesForRecurringInvoices, insertModeOn, isValidOn, recurringLineInput, recurringLinesOnNewDocument,
  type CustomerSalesCode, type RecurringLinePricing, type StandardSalesLine,
} from '../../../src/core/sales/recurring-sales-lines.ts';
import { domainErrorOf } from '../domain-error-helper.ts';

function customerCode(code: string, fields: Partial<CustomerSalesCode> = {}): CustomerSalesCode {
  return {
    customerNo: 'C', code, description: `Code ${code}`, currencyCode: null, blocked: false, validFromDate: null, validToDate: null,
    insertRecurringLinesOnQuotes: 'manual', insertRecurringLinesOnOrders: 'manual', insertRecurringLinesOnInvoices: 'manual', insertRecurringLinesOnCreditMemos: 'manual',
    ...fields,
  };
}
const onInvoices = (code: string, mode: RecurringLinesInsertMode) => customerCode(code, { insertRecurringLinesOnInvoices: mode });

describe('insert modes on a new document (spec §9.3, BC CheckCreateSalesRecurringLines)', () => {
  it.each([
    ['all manual: nothing', [onInvoices('A', 'manual'), onInvoices('B', 'manual')], { action: 'none' }],
    ['no codes: nothing', [], { action: 'none' }],
    ['the only Automatic one is inserted, Manual ones beside it do not count', [onInvoices('A', 'automatic'), onInvoices('B', 'manual')], { action: 'insert', code: 'A' }],
    ['two Automatic: ask', [onInvoices('A', 'automatic'), onInvoices('B', 'automatic')], { action: 'ask' }],
    ['one Always Ask: ask', [onInvoices('A', 'alwaysAsk')], { action: 'ask' }],
    ['Automatic with an Always Ask: ask', [onInvoices('A', 'automatic'), onInvoices('B', 'alwaysAsk')], { action: 'ask' }],
  ] as const)('%s', (_name, codes, expected) => {
    expect(recurringLinesOnNewDocument(codes, 'invoice')).toMatchObject(expected);
  });

  it('asks with every code offered and its mode for the document type, Manual ones too', () => {
    const decision = recurringLinesOnNewDocument([onInvoices('A', 'alwaysAsk'), onInvoices('B', 'manual')], 'invoice');
    expect(decision).toEqual({ action: 'ask', codes: [{ code: 'A', description: 'Code A', mode: 'alwaysAsk' }, { code: 'B', description: 'Code B', mode: 'manual' }] });
  });

  it('reads the mode of the document type; return and blanket orders have none', () => {
    const code = customerCode('A', { insertRecurringLinesOnQuotes: 'automatic', insertRecurringLinesOnOrders: 'alwaysAsk', insertRecurringLinesOnCreditMemos: 'automatic' });
    expect(['quote', 'order', 'invoice', 'creditMemo', 'returnOrder', 'blanketOrder'].map((type) => insertModeOn(code, type as never)))
      .toEqual(['automatic', 'alwaysAsk', 'manual', 'automatic', 'manual', 'manual']);
    expect(recurringLinesOnNewDocument([code], 'returnOrder')).toEqual({ action: 'none' });
  });
});

describe('codes offered to a document and taken by the batch', () => {
  it('offers codes in the document currency that are not blocked (spec §9.2)', () => {
    const codes = [customerCode('LCY'), customerCode('EUR', { currencyCode: 'EUR' }), customerCode('BLK', { blocked: true })];
    expect(codesForDocument(codes, null).map((code) => code.code)).toEqual(['LCY']);
    expect(codesForDocument(codes, 'EUR').map((code) => code.code)).toEqual(['EUR']);
  });

  it('takes codes valid on the order date, blank bounds open, not blocked (spec §9.4)', () => {
    const codes = [
      customerCode('OPEN'), customerCode('FROM', { validFromDate: '2026-02-01' }), customerCode('TO', { validToDate: '2026-01-31' }),
      customerCode('IN', { validFromDate: '2026-01-01', validToDate: '2026-12-31' }), customerCode('BLK', { blocked: true }),
    ];
    expect(codesForRecurringInvoices(codes, '2026-01-31').map((code) => code.code)).toEqual(['OPEN', 'TO', 'IN']);
    expect(codesForRecurringInvoices(codes, '2026-02-01').map((code) => code.code)).toEqual(['OPEN', 'FROM', 'IN']);
  });

  it('a window holds exactly the dates between its bounds, both included', () => {
    const day = fc.integer({ min: 1, max: 28 }).map((d) => `2026-03-${String(d).padStart(2, '0')}`);
    fc.assert(fc.property(fc.option(day, { nil: null }), fc.option(day, { nil: null }), day, (from, to, date) => {
      const inside = (from === null || from <= date) && (to === null || date <= to);
      expect(isValidOn({ validFromDate: from, validToDate: to }, date)).toBe(inside);
    }));
  });
});

describe('whether a code may give a document its lines', () => {
  const document = { customerNo: 'C', currencyCode: null };
  it.each([
    ['not assigned to the customer', undefined, 'RECURRING_SALES_CODE_NOT_ASSIGNED'],
    ['blocked', customerCode('A', { blocked: true }), 'RECURRING_SALES_CODE_BLOCKED'],
    ['in another currency', customerCode('A', { currencyCode: 'EUR' }), 'RECURRING_SALES_CODE_CURRENCY'],
  ] as const)('refuses a code %s', (_name, assigned, code) => {
    const error = domainErrorOf(() => checkCodeForDocument('A', assigned, document, 'codes.0'));
    expect(error.code).toBe(code);
    expect(error.field).toBe('codes.0');
  });

  it('names both currencies', () => {
    expect(domainErrorOf(() => checkCodeForDocument('A', customerCode('A', { currencyCode: 'EUR' }), document)).message).toContain('are in EUR, but the document is in local currency');
  });

  it('accepts the customer\'s unblocked code in the document currency', () => {
    expect(() => checkCodeForDocument('A', customerCode('A'), document)).not.toThrow();
  });
});

describe('the sales line a standard line becomes (spec §9.2 step 2)', () => {
  const line = (fields: Partial<StandardSalesLine>): StandardSalesLine => ({
    type: 'item', no: 'A', description: '', unitOfMeasureCode: null, quantity: dec('0'), amountExcludingVat: dec('0'), ...fields,
  });
  const pricing = (fields: Partial<RecurringLinePricing> = {}): RecurringLinePricing => ({
    pricesIncludingVat: false, vatPercent: dec('25'), vatCalculationType: 'normal', unitAmountRoundingPrecision: dec('0.00001'), ...fields,
  });

  it('copies a comment as a text line', () => {
    expect(recurringLineInput(line({ type: 'comment', no: '', description: 'Monthly service' }))).toEqual({ type: 'comment', description: 'Monthly service' });
  });

  it('gives an item line its quantity and unit, and no price (the document derives it)', () => {
    expect(recurringLineInput(line({ quantity: dec('8'), unitOfMeasureCode: 'BOX', description: 'Item A' })))
      .toEqual({ type: 'item', no: 'A', quantity: '8', unitOfMeasureCode: 'BOX', description: 'Item A' });
  });

  it('prices a G/L line at its Amount Excl. VAT, quantity 1 when it has none', () => {
    expect(recurringLineInput(line({ type: 'glAccount', no: '6100', amountExcludingVat: dec('49.90') }), pricing()))
      .toEqual({ type: 'glAccount', no: '6100', quantity: '1', unitPrice: '49.9' });
    expect(recurringLineInput(line({ type: 'glAccount', no: '6100', quantity: dec('3'), amountExcludingVat: dec('10') }), pricing()))
      .toMatchObject({ quantity: '3', unitPrice: '10' });
    expect(recurringLineInput(line({ type: 'glAccount', no: '6100', quantity: dec('2') }), pricing())).toMatchObject({ quantity: '2', unitPrice: '0' });
  });

  it('grosses the amount up by the VAT % on a document with Prices Including VAT, rounded to the unit-amount precision', () => {
    expect(recurringLineInput(line({ type: 'glAccount', no: '6100', amountExcludingVat: dec('49.99') }), pricing({ pricesIncludingVat: true, unitAmountRoundingPrecision: dec('0.01') })).unitPrice)
      .toBe('62.49');
    expect(recurringLineInput(line({ type: 'glAccount', no: '6100', amountExcludingVat: dec('100') }), pricing({ pricesIncludingVat: true, vatCalculationType: 'reverseCharge' })).unitPrice)
      .toBe('100');
  });
});
