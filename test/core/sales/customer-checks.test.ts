import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  type CreditExposure,
  type CreditWarningsSetting,
  type CustomerBlocked,
  type SalesAction,
  assertCustomerNotBlocked,
  creditExposureTotalLcy,
  creditWarnings,
  stockoutWarning,
} from '../../../src/core/sales/customer-checks.ts';
import { dec } from '../../../src/core/money/decimal.ts';
import { type SalesDocumentType, salesDocumentTypes } from '../../../src/core/sales/types.ts';
import { domainErrorOf } from '../domain-error-helper.ts';

const blockedValues: CustomerBlocked[] = ['none', 'ship', 'invoice', 'all'];
const actions: SalesAction[] = ['createDocument', 'postShipment', 'postInvoiceOfShipped', 'postReturn', 'payment'];

function isRefused(blocked: CustomerBlocked, documentType: SalesDocumentType, action: SalesAction): boolean {
  try {
    assertCustomerNotBlocked({ no: 'C1', blocked }, documentType, action);
    return false;
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'CUSTOMER_BLOCKED') return true;
    throw error;
  }
}

describe('assertCustomerNotBlocked — every cell of the §12.3 table', () => {
  // Columns of the table, each with the document types and actions that fall in it,
  // and the row values (blank, Ship, Invoice, All) that refuse.
  const columns: Array<{ column: string; cases: Array<[SalesDocumentType, SalesAction]>; refusedBy: CustomerBlocked[] }> = [
    {
      column: 'create quote/order/blanket order',
      cases: [['quote', 'createDocument'], ['order', 'createDocument'], ['blanketOrder', 'createDocument']],
      refusedBy: ['ship', 'invoice', 'all'],
    },
    { column: 'create invoice', cases: [['invoice', 'createDocument']], refusedBy: ['invoice', 'all'] },
    {
      column: 'post a shipment (order with Ship, or an invoice document shipping its lines)',
      cases: [['order', 'postShipment'], ['invoice', 'postShipment']],
      refusedBy: ['ship', 'invoice', 'all'],
    },
    {
      column: 'post the invoice of shipped quantities (order Invoice, or Get Shipment Lines invoice)',
      cases: [['order', 'postInvoiceOfShipped'], ['invoice', 'postInvoiceOfShipped']],
      refusedBy: ['invoice', 'all'],
    },
    {
      column: 'credit memo / return order',
      cases: [
        ['creditMemo', 'createDocument'], ['returnOrder', 'createDocument'],
        ['creditMemo', 'postReturn'], ['returnOrder', 'postReturn'],
        ['returnOrder', 'postShipment'], ['returnOrder', 'postInvoiceOfShipped'], ['creditMemo', 'postInvoiceOfShipped'],
      ],
      refusedBy: ['all'],
    },
    {
      column: 'payments / journals',
      cases: salesDocumentTypes.map((documentType): [SalesDocumentType, SalesAction] => [documentType, 'payment']),
      refusedBy: ['all'],
    },
  ];

  const cells = columns.flatMap(({ column, cases, refusedBy }) =>
    blockedValues.flatMap((blocked) => cases.map(([documentType, action]) =>
      [column, blocked, documentType, action, refusedBy.includes(blocked)] as const)));

  it.each(cells)('%s: Blocked %s, %s %s → refused %s', (_, blocked, documentType, action, refused) => {
    expect(isRefused(blocked, documentType, action)).toBe(refused);
  });

  it('never refuses a customer that is not blocked, and always refuses one blocked for All', () => {
    for (const documentType of salesDocumentTypes) {
      for (const action of actions) {
        expect(isRefused('none', documentType, action)).toBe(false);
        expect(isRefused('all', documentType, action)).toBe(true);
      }
    }
  });

  it('lets Ship through only for invoices, invoicing of shipped quantities, credits and payments', () => {
    const allowed = salesDocumentTypes.flatMap((documentType) => actions
      .filter((action) => !isRefused('ship', documentType, action))
      .map((action) => `${documentType}:${action}`));
    expect(allowed.sort()).toEqual([
      'blanketOrder:payment', 'blanketOrder:postInvoiceOfShipped', 'blanketOrder:postReturn',
      'creditMemo:createDocument', 'creditMemo:payment', 'creditMemo:postInvoiceOfShipped', 'creditMemo:postReturn', 'creditMemo:postShipment',
      'invoice:createDocument', 'invoice:payment', 'invoice:postInvoiceOfShipped', 'invoice:postReturn',
      'order:payment', 'order:postInvoiceOfShipped', 'order:postReturn',
      'quote:payment', 'quote:postInvoiceOfShipped', 'quote:postReturn',
      'returnOrder:createDocument', 'returnOrder:payment', 'returnOrder:postInvoiceOfShipped', 'returnOrder:postReturn', 'returnOrder:postShipment',
    ].sort());
  });

  it.each<[CustomerBlocked, SalesDocumentType, SalesAction, string]>([
    ['ship', 'order', 'createDocument', 'You cannot create a sales order for customer C1: the customer is blocked for Ship.'],
    ['invoice', 'invoice', 'createDocument', 'You cannot create a sales invoice for customer C1: the customer is blocked for Invoice.'],
    ['ship', 'invoice', 'postShipment', 'You cannot post the shipment of a sales invoice for customer C1: the customer is blocked for Ship.'],
    ['invoice', 'order', 'postInvoiceOfShipped', 'You cannot invoice the shipped quantities of a sales order for customer C1: the customer is blocked for Invoice.'],
    ['all', 'returnOrder', 'postReturn', 'You cannot post a sales return order for customer C1: the customer is blocked for All.'],
    ['all', 'blanketOrder', 'createDocument', 'You cannot create a blanket sales order for customer C1: the customer is blocked for All.'],
    ['all', 'order', 'payment', 'You cannot post payments or journal lines for customer C1: the customer is blocked for All.'],
  ])('explains Blocked %s on %s %s', (blocked, documentType, action, message) => {
    const error = domainErrorOf(() => assertCustomerNotBlocked({ no: 'C1', blocked }, documentType, action));
    expect(error.code).toBe('CUSTOMER_BLOCKED');
    expect(error.message).toBe(message);
    expect(error.params).toMatchObject({ customerNo: 'C1', blocked, documentType, action });
  });
});

function exposure(overrides: Partial<Record<keyof CreditExposure, string>> = {}): CreditExposure {
  const values = {
    creditLimitLcy: '0', balanceLcy: '0', shippedNotInvoicedLcy: '0', returnReceivedNotInvoicedLcy: '0',
    outstandingOrdersLcy: '0', outstandingInvoicesLcy: '0', outstandingReturnOrdersLcy: '0',
    currentDocumentChangeLcy: '0', balanceDueLcy: '0', ...overrides,
  };
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [key, dec(value)])) as unknown as CreditExposure;
}

describe('creditWarnings (spec §12.4)', () => {
  const example = exposure({ creditLimitLcy: '5000', balanceLcy: '3000', outstandingOrdersLcy: '1500', currentDocumentChangeLcy: '1000' });

  it('reproduces the example: limit 5,000, balance 3,000, other orders 1,500, new order 1,000 → total 5,500', () => {
    const warnings = creditWarnings('creditLimit', example);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.code).toBe('CREDIT_LIMIT_EXCEEDED');
    expect(warnings[0]!.details).toMatchObject({ creditLimitLcy: '5000.00', totalAmountLcy: '5500.00', overLimitLcy: '500.00', balanceLcy: '3000.00' });
    expect(warnings[0]!.message).toContain('5000.00');
    expect(warnings[0]!.message).toContain('5500.00');
  });

  it('gives no warning with a credit limit of 0, whatever the exposure', () => {
    expect(creditWarnings('bothWarnings', { ...example, creditLimitLcy: dec('0') })).toEqual([]);
  });

  it.each<[string, Partial<Record<keyof CreditExposure, string>>, string, boolean]>([
    ['exactly at the limit', { balanceLcy: '3000', outstandingOrdersLcy: '1000', currentDocumentChangeLcy: '1000' }, '5000', false],
    ['one cent over', { balanceLcy: '3000', outstandingOrdersLcy: '1000', currentDocumentChangeLcy: '1000.01' }, '5000.01', true],
    ['shipped not invoiced counts', { balanceLcy: '3000', shippedNotInvoicedLcy: '2500' }, '5500', true],
    ['outstanding invoices count', { outstandingInvoicesLcy: '6000' }, '6000', true],
    ['returns received not invoiced reduce it', { balanceLcy: '3000', shippedNotInvoicedLcy: '2500', returnReceivedNotInvoicedLcy: '600' }, '4900', false],
    ['outstanding return orders reduce it', { balanceLcy: '5000', currentDocumentChangeLcy: '1000', outstandingReturnOrdersLcy: '1000' }, '5000', false],
    ['a document reducing the exposure', { balanceLcy: '6000', currentDocumentChangeLcy: '-2000' }, '4000', false],
    ['a negative balance (credit) leaves room', { balanceLcy: '-1000', currentDocumentChangeLcy: '5500' }, '4500', false],
  ])('%s', (_, amounts, total, warns) => {
    const customer = exposure({ creditLimitLcy: '5000', ...amounts });
    expect(creditExposureTotalLcy(customer).equals(dec(total))).toBe(true);
    expect(creditWarnings('creditLimit', customer).length > 0).toBe(warns);
  });

  const overLimitAndOverdue = { ...example, balanceDueLcy: dec('250') };
  it.each<[CreditWarningsSetting, string[]]>([
    ['bothWarnings', ['CREDIT_LIMIT_EXCEEDED', 'OVERDUE_BALANCE']],
    ['creditLimit', ['CREDIT_LIMIT_EXCEEDED']],
    ['overdueBalance', ['OVERDUE_BALANCE']],
    ['noWarning', []],
  ])('setting %s → %j', (setting, codes) => {
    expect(creditWarnings(setting, overLimitAndOverdue).map((warning) => warning.code)).toEqual(codes);
  });

  it('reports Balance Due (LCY) with the credit limit warning', () => {
    const [warning] = creditWarnings('creditLimit', overLimitAndOverdue);
    expect(warning!.details).toMatchObject({ balanceDueLcy: '250.00', balanceLcy: '3000.00' });
  });

  it('warns of an overdue balance above 0 only, also without a credit limit', () => {
    const overdue = creditWarnings('overdueBalance', exposure({ balanceDueLcy: '0.01' }));
    expect(overdue).toEqual([{ code: 'OVERDUE_BALANCE', message: 'The customer has an overdue balance of 0.01 (LCY).', details: { balanceDueLcy: '0.01' } }]);
    expect(creditWarnings('bothWarnings', exposure({ balanceDueLcy: '0' }))).toEqual([]);
    expect(creditWarnings('bothWarnings', exposure({ balanceDueLcy: '-5' }))).toEqual([]);
  });

  it('keeps more than two decimals when the amounts have them', () => {
    const [warning] = creditWarnings('creditLimit', exposure({ creditLimitLcy: '100', currentDocumentChangeLcy: '100.125' }));
    expect(warning!.details.totalAmountLcy).toBe('100.125');
  });

  it('warns exactly when the §12.4 total exceeds a non-zero limit', () => {
    const amount = fc.integer({ min: -1_000_000, max: 1_000_000 }).map((cents) => dec((cents / 100).toFixed(2)));
    fc.assert(fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.array(amount, { minLength: 7, maxLength: 7 }), (limitCents, [a, b, c, d, e, f, g]) => {
      const customer: CreditExposure = {
        creditLimitLcy: dec((limitCents / 100).toFixed(2)), balanceLcy: a!, shippedNotInvoicedLcy: b!, returnReceivedNotInvoicedLcy: c!,
        outstandingOrdersLcy: d!, outstandingInvoicesLcy: e!, outstandingReturnOrdersLcy: f!, currentDocumentChangeLcy: g!, balanceDueLcy: dec('0'),
      };
      const total = a!.plus(b!).minus(c!).plus(d!).plus(e!).minus(f!).plus(g!);
      const expected = !customer.creditLimitLcy.isZero() && total.greaterThan(customer.creditLimitLcy);
      expect(creditWarnings('bothWarnings', customer).length).toBe(expected ? 1 : 0);
    }));
  });
});

describe('stockoutWarning (spec §12.5)', () => {
  const line = { itemNo: '1000', availableQuantity: dec('5'), requestedQuantity: dec('8'), locationCode: 'BLUE', shipmentDate: '2026-01-20' };

  it.each<[boolean, 'default' | 'no' | 'yes', boolean]>([
    [true, 'default', true],
    [false, 'default', false],
    [true, 'yes', true],
    [false, 'yes', true],
    [true, 'no', false],
    [false, 'no', false],
  ])('setup %s, item %s → warns %s', (setup, item, warns) => {
    expect(stockoutWarning(setup, item, line) !== null).toBe(warns);
  });

  it.each<[string, string, boolean]>([
    ['5', '8', true],
    ['7.99999', '8', true],
    ['8', '8', false],
    ['10', '8', false],
    ['0', '0.00001', true],
    ['-3', '1', true],
    ['-3', '0', false],
    ['0', '-2', false],
  ])('available %s, requested %s → warns %s', (available, requested, warns) => {
    const warning = stockoutWarning(true, 'default', { ...line, availableQuantity: dec(available), requestedQuantity: dec(requested) });
    expect(warning !== null).toBe(warns);
  });

  it('describes the shortage', () => {
    expect(stockoutWarning(true, 'default', line)).toEqual({
      code: 'STOCKOUT',
      message: 'The available inventory of item 1000 at location BLUE on 2026-01-20 (5) is lower than the entered quantity (8).',
      details: { itemNo: '1000', locationCode: 'BLUE', shipmentDate: '2026-01-20', availableQuantity: '5', requestedQuantity: '8', shortageQuantity: '3' },
    });
  });

  it('leaves out a blank location and shipment date', () => {
    const warning = stockoutWarning(true, 'default', { ...line, locationCode: '', shipmentDate: null });
    expect(warning!.message).toBe('The available inventory of item 1000 (5) is lower than the entered quantity (8).');
    expect(warning!.details.shipmentDate).toBe('');
  });
});
