import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Decimal, dec } from '../../../src/core/money/decimal.ts';
import { completelyHandled, decidePostingScope, quantitiesAfterPosting, type ScopeLine } from '../../../src/core/sales/posting-scope.ts';
import { domainErrorOf } from '../domain-error-helper.ts';

const expectDomainError = (fn: () => unknown, code: string) => expect(domainErrorOf(fn).code).toBe(code);

const line = (fields: Partial<Record<'quantity' | 'quantityShipped' | 'quantityToShip' | 'quantityInvoiced' | 'quantityToInvoice', string>> & { lineNo?: number; type?: ScopeLine['type'] } = {}): ScopeLine => ({
  lineNo: fields.lineNo ?? 10000,
  type: fields.type ?? 'item',
  inventoryItem: (fields.type ?? 'item') === 'item',
  fromShipment: false,
  quantity: dec(fields.quantity ?? '10'),
  quantityShipped: dec(fields.quantityShipped ?? '0'),
  quantityToShip: dec(fields.quantityToShip ?? '10'),
  quantityInvoiced: dec(fields.quantityInvoiced ?? '0'),
  quantityToInvoice: dec(fields.quantityToInvoice ?? '10'),
});

describe('decidePostingScope (spec §7.3)', () => {
  it('worked example 1: ship 6, then invoice 4, then ship and invoice the rest', () => {
    const step1 = decidePostingScope('order', [line({ quantityToShip: '6' })], { ship: true, invoice: false });
    expect(step1.ship).toBe(true);
    expect(step1.invoice).toBe(false);
    expect(step1.lines[0]!.ship.toString()).toBe('6');
    const step2 = decidePostingScope('order', [line({ quantityShipped: '6', quantityToShip: '0', quantityToInvoice: '4' })], { ship: false, invoice: true });
    expect(step2.lines[0]).toMatchObject({ lineNo: 10000 });
    expect(step2.lines[0]!.invoice.toString()).toBe('4');
    expect(step2.lines[0]!.invoiceOfThisShipment.toString()).toBe('0');
    const step3 = decidePostingScope('order', [line({ quantityShipped: '6', quantityToShip: '4', quantityInvoiced: '4', quantityToInvoice: '6' })], { ship: true, invoice: true });
    expect(step3.lines[0]!.invoiceOfThisShipment.toString()).toBe('4');
  });

  it('drops a requested Ship when no line ships, and refuses when nothing is left', () => {
    const scope = decidePostingScope('order', [line({ quantityToShip: '0', quantityShipped: '5', quantityToInvoice: '5' })], { ship: true, invoice: true });
    expect(scope).toMatchObject({ ship: false, invoice: true });
    expectDomainError(() => decidePostingScope('order', [line({ quantityToShip: '0', quantityToInvoice: '0' })], { ship: true, invoice: true }), 'NOTHING_TO_POST');
    expectDomainError(() => decidePostingScope('order', [line({ type: 'comment' })], { ship: true, invoice: true }), 'NOTHING_TO_POST');
  });

  it('invoices no more than shipped plus shipping now', () => {
    expectDomainError(() => decidePostingScope('order', [line({ quantityToShip: '2', quantityToInvoice: '3' })], { ship: true, invoice: true }), 'INVOICE_MORE_THAN_SHIPPED');
    // Invoice only: what ships now does not count.
    expectDomainError(() => decidePostingScope('order', [line({ quantityShipped: '2', quantityToShip: '5', quantityToInvoice: '3' })], { ship: false, invoice: true }), 'INVOICE_MORE_THAN_SHIPPED');
  });

  it('Shipping Advice = Complete refuses a partial shipment (spec §7.7)', () => {
    expectDomainError(() => decidePostingScope('order', [line({ quantityToShip: '6', quantityToInvoice: '6' })], { ship: true, invoice: false }, 'complete'), 'COMPLETE_SHIPMENT_REQUIRED');
    expect(decidePostingScope('order', [line()], { ship: true, invoice: false }, 'complete').ship).toBe(true);
  });

  it('invoices and credit memos post everything regardless of the request', () => {
    const scope = decidePostingScope('invoice', [line(), line({ lineNo: 20000, type: 'glAccount', quantity: '1', quantityToShip: '1', quantityToInvoice: '1' })], { ship: false, invoice: false });
    expect(scope).toMatchObject({ ship: true, invoice: true });
    expect(scope.lines.map((posted) => posted.invoice.toString())).toEqual(['10', '1']);
  });

  it('property: after any sequence of postings, shipped ≤ quantity and invoiced ≤ shipped; complete only when all is done', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 50 }), fc.array(fc.tuple(fc.nat(50), fc.nat(50), fc.boolean(), fc.boolean()), { maxLength: 12 }), (quantity, steps) => {
      let fields = { quantity: dec(String(quantity)), quantityShipped: dec('0'), quantityToShip: dec(String(quantity)), quantityInvoiced: dec('0'), quantityToInvoice: dec(String(quantity)) };
      for (const [ship, invoice, doShip, doInvoice] of steps) {
        const outstanding = fields.quantity.minus(fields.quantityShipped);
        const toShip = Decimal.min(dec(String(ship)), outstanding);
        const maxInvoice = fields.quantityShipped.plus(doShip ? toShip : dec('0')).minus(fields.quantityInvoiced);
        const toInvoice = Decimal.min(dec(String(invoice)), maxInvoice);
        const current = { ...line(), ...fields, quantityToShip: toShip, quantityToInvoice: toInvoice };
        let scope;
        try {
          scope = decidePostingScope('order', [current], { ship: doShip, invoice: doInvoice });
        } catch {
          continue;
        }
        const posted = scope.lines[0] ?? { ship: dec('0'), invoice: dec('0') };
        fields = quantitiesAfterPosting('order', 'remainder', current, posted);
        expect(fields.quantityShipped.lte(fields.quantity)).toBe(true);
        expect(fields.quantityInvoiced.lte(fields.quantityShipped)).toBe(true);
      }
      expect(completelyHandled([fields])).toBe(fields.quantityShipped.eq(fields.quantity) && fields.quantityInvoiced.eq(fields.quantity));
    }), { seed: 4242 });
  });
});
