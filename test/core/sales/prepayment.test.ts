import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Decimal, ZERO, dec, sum } from '../../../src/core/money/decimal.ts';
import {
  type PrepaymentAccount, type PrepaymentLine, checkPrepaymentToDeduct, checkRequiredPrepayment, deductionAmounts, finalFullPrepaymentBilling, itemPrepaymentPercent,
  netAmountToInvoice, prepaymentInvoiceAmounts, prepaymentToDeduct, requiredPrepayment, spreadPrepaymentTotal,
} from '../../../src/core/sales/prepayment.ts';
import { lineAmountsToInvoice } from '../../../src/core/sales/partial-invoicing.ts';
import { domainErrorOf } from '../domain-error-helper.ts';

const account: PrepaymentAccount = { accountNo: '2350', genProdPostingGroup: 'RETAIL', vatProdPostingGroup: 'VAT25', vatPercent: dec('25'), vatIdentifier: 'VAT25', vatCalculationType: 'normal' };
const money = (value: Decimal) => value.toFixed(2);

/** An order line of `quantity` × `unitPrice` with a Prepayment %, nothing invoiced yet. */
function line(quantity: string, unitPrice: string, percent: string, fields: Partial<PrepaymentLine> = {}): PrepaymentLine {
  const gross = dec(quantity).times(unitPrice);
  const lineDiscountPercent = fields.lineDiscountPercent ?? ZERO;
  const lineDiscountAmount = gross.times(lineDiscountPercent).div(100).toDecimalPlaces(2);
  return {
    lineNo: 10000, quantity: dec(quantity), quantityInvoiced: ZERO, quantityToInvoice: dec(quantity), unitPrice: dec(unitPrice),
    lineDiscountPercent, lineDiscountAmount, lineAmount: gross.minus(lineDiscountAmount), invoiceDiscountAmount: ZERO, allowInvoiceDiscount: true,
    prepaymentPercent: dec(percent), prepmtLineAmount: ZERO, prepmtAmtInv: ZERO, prepmtAmtDeducted: ZERO, prepmtVatAmountInv: ZERO, prepmtVatAmtDeducted: ZERO,
    ...fields,
  };
}

/** The line once its whole required prepayment is invoiced (VAT at 25 %). */
function invoiced(of: PrepaymentLine): PrepaymentLine {
  const required = requiredPrepayment(of, '0.01')!;
  const [amounts] = prepaymentInvoiceAmounts([{ ...of, prepmtLineAmount: required, account }], { pricesIncludingVat: false, precision: '0.01' });
  return { ...of, prepmtLineAmount: required, prepmtAmtInv: required, prepmtVatAmountInv: amounts?.vatAmount ?? ZERO };
}

describe('Prepmt. Line Amount (spec §26.3.1)', () => {
  it('is the percentage of the net line amount, plus what was already deducted', () => {
    expect(money(requiredPrepayment(line('10', '100', '30'), '0.01')!)).toBe('300.00');
    // 4 of 10 invoiced with 120.00 deducted: 30 % of the 600.00 not invoiced, plus the 120.00.
    expect(money(requiredPrepayment(line('10', '100', '30', { quantityInvoiced: dec('4'), prepmtAmtDeducted: dec('120') }), '0.01')!)).toBe('300.00');
  });

  it('is refused below what is already invoiced as prepayment (PREPMT_BELOW_INVOICED)', () => {
    const prepaid = invoiced(line('10', '100', '30'));
    const lower = { ...prepaid, unitPrice: dec('90'), lineAmount: dec('900') };
    expect(domainErrorOf(() => checkRequiredPrepayment(lower, requiredPrepayment(lower, '0.01')!, '0.01'))?.code).toBe('PREPMT_BELOW_INVOICED');
  });
});

describe('Prepmt Amt to Deduct (spec §26.3.4)', () => {
  it('takes the invoiced quantity\'s share of what is not deducted, rounded', () => {
    const prepaid = invoiced(line('3', '33.33', '30'));
    expect(money(prepaid.prepmtAmtInv)).toBe('30.00');
    expect(money(prepaymentToDeduct({ ...prepaid, quantityToInvoice: dec('1') }, '0.01'))).toBe('10.00');
  });

  it('takes exactly what is left on the invoice that completes the line', () => {
    const prepaid = invoiced(line('3', '33.33', '30'));
    const afterTwo = { ...prepaid, quantityInvoiced: dec('2'), prepmtAmtDeducted: dec('20.01'), quantityToInvoice: dec('1') };
    expect(money(prepaymentToDeduct(afterTwo, '0.01'))).toBe('9.99');
  });

  it('on a 100 % line\'s non-final invoice is what the invoice bills for the quantity, after invoice discount (§4.5)', () => {
    // 7 × 14.29 with 10 % line discount = 90.03; Inv. Discount Amount 9.00 on the line.
    const prepaid = invoiced(line('7', '14.29', '100', { lineDiscountPercent: dec('10'), invoiceDiscountAmount: dec('9') }));
    const three = { ...prepaid, quantityToInvoice: dec('3') };
    const billed = lineAmountsToInvoice(three, '0.01');
    expect(money(prepaymentToDeduct(three, '0.01'))).toBe(money(billed.lineAmount.minus(billed.invoiceDiscountAmount)));
    expect(money(netAmountToInvoice(three, '0.01'))).toBe('34.72'); // round(3 × 14.29) = 42.87, −4.29 line discount, −3.86 invoice discount
    // A caller pricing the quantity on another line gives the amount it bills.
    expect(money(prepaymentToDeduct(three, '0.01', dec('12.34')))).toBe('12.34');
    // The final invoice takes the rest, whatever that bills.
    expect(money(prepaymentToDeduct({ ...prepaid, quantityToInvoice: dec('7') }, '0.01'))).toBe(money(prepaid.prepmtAmtInv));
  });

  it('is 0 with nothing to invoice or no prepayment invoiced', () => {
    expect(prepaymentToDeduct({ ...invoiced(line('2', '10', '50')), quantityToInvoice: ZERO }, '0.01').isZero()).toBe(true);
    expect(prepaymentToDeduct(line('2', '10', '50'), '0.01').isZero()).toBe(true);
  });

  it('deducts the whole prepayment over any sequence of partial invoices, to the cent', () => {
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 99999 }), fc.constantFrom('12.5', '30', '33.333', '100'),
      fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 8 }),
      (quantity, cents, percent, steps) => {
        let state = invoiced(line(String(quantity), dec(String(cents)).div(100).toFixed(2), percent));
        const deductions: Decimal[] = [];
        for (const step of [...steps, quantity]) {
          const left = state.quantity.minus(state.quantityInvoiced);
          if (left.isZero()) break;
          const quantityToInvoice = Decimal.min(dec(String(step)), left);
          const deduct = prepaymentToDeduct({ ...state, quantityToInvoice }, '0.01');
          checkPrepaymentToDeduct({ ...state, quantityToInvoice }, deduct);
          deductions.push(deduct);
          state = { ...state, quantityInvoiced: state.quantityInvoiced.plus(quantityToInvoice), prepmtAmtDeducted: state.prepmtAmtDeducted.plus(deduct) };
        }
        expect(money(sum(deductions))).toBe(money(state.prepmtAmtInv));
      },
    ));
  });
});

describe('a 100 % line\'s final invoice (spec §26.7.3)', () => {
  it('bills exactly the rest of the prepayment, the difference taken into the line discount', () => {
    // 3 × 33.33 = 99.99 prepaid; two invoices of one unit each deducted what they billed, 33.33 each; 33.33 is left.
    const prepaid = invoiced(line('3', '33.33', '100'));
    const last = { ...prepaid, quantityInvoiced: dec('2'), prepmtAmtDeducted: dec('66.67'), quantityToInvoice: dec('1') };
    const rest = finalFullPrepaymentBilling(last, dec('1'))!;
    expect(money(rest)).toBe('33.32');
    const billed = lineAmountsToInvoice({ ...last, netAmountToInvoice: rest }, '0.01');
    expect({ lineAmount: money(billed.lineAmount), lineDiscountAmount: money(billed.lineDiscountAmount) }).toEqual({ lineAmount: '33.32', lineDiscountAmount: '0.01' });
  });

  it('applies only to the invoice that completes a 100 % line with prepayment invoiced', () => {
    const prepaid = invoiced(line('3', '33.33', '100'));
    expect(finalFullPrepaymentBilling(prepaid, dec('2'))).toBeNull();
    expect(finalFullPrepaymentBilling(invoiced(line('3', '33.33', '30')), dec('3'))).toBeNull();
    expect(finalFullPrepaymentBilling(line('3', '33.33', '100'), dec('3'))).toBeNull();
  });
});

describe('the VAT a deduction takes (spec §26.7.2)', () => {
  it('is the prepayment VAT in proportion, all of what is left when the deduction takes the rest', () => {
    const prepaid = { ...invoiced(line('3', '33.33', '30')), account };
    expect(money(prepaid.prepmtVatAmountInv)).toBe('7.50');
    expect(money(deductionAmounts(prepaid, dec('10'), { pricesIncludingVat: false, precision: '0.01' }).vatAmount)).toBe('2.50');
    const afterTwo = { ...prepaid, prepmtAmtDeducted: dec('20.01'), prepmtVatAmtDeducted: dec('5.01') };
    const last = deductionAmounts(afterTwo, dec('9.99'), { pricesIncludingVat: false, precision: '0.01' });
    expect({ amount: money(last.amount), vat: money(last.vatAmount) }).toEqual({ amount: '9.99', vat: '2.49' });
  });
});

describe('setup (spec §26.2, §26.3.2)', () => {
  it('takes the item\'s percentage for the customer before its price group and all customers, latest starting date first', () => {
    const rows = [
      { salesType: 'allCustomers' as const, salesCode: '', startingDate: null, endingDate: null, prepaymentPercent: dec('10') },
      { salesType: 'customerPriceGroup' as const, salesCode: 'RETAIL', startingDate: null, endingDate: null, prepaymentPercent: dec('20') },
      { salesType: 'customer' as const, salesCode: 'C1', startingDate: '2026-01-01' as const, endingDate: null, prepaymentPercent: dec('30') },
      { salesType: 'customer' as const, salesCode: 'C1', startingDate: '2026-06-01' as const, endingDate: null, prepaymentPercent: dec('40') },
    ];
    const order = (billToCustomerNo: string, postingDate: '2026-03-01' | '2026-07-01') => ({ billToCustomerNo, customerPriceGroup: 'RETAIL', postingDate });
    expect(itemPrepaymentPercent(rows, order('C1', '2026-07-01'))?.toString()).toBe('40');
    expect(itemPrepaymentPercent(rows, order('C1', '2026-03-01'))?.toString()).toBe('30');
    expect(itemPrepaymentPercent(rows, order('C2', '2026-03-01'))?.toString()).toBe('20');
    expect(itemPrepaymentPercent(rows.slice(0, 1), order('C2', '2026-03-01'))?.toString()).toBe('10');
    expect(itemPrepaymentPercent([], order('C2', '2026-03-01'))).toBeNull();
  });

  it('spreads a total prepayment over the lines by Line Amount, refusing one out of range', () => {
    const lines = [{ ...line('1', '100', '30'), lineNo: 10000 }, { ...line('1', '200', '30'), lineNo: 20000 }];
    const shares = spreadPrepaymentTotal(lines, dec('100'), '0.01');
    expect([...shares.values()].map(money)).toEqual(['33.33', '66.67']);
    expect(domainErrorOf(() => spreadPrepaymentTotal(lines, dec('300.01'), '0.01'))?.code).toBe('PREPMT_TOTAL_OUT_OF_RANGE');
  });
});
