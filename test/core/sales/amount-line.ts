import { dec, ZERO } from '../../../src/core/money/decimal.ts';
import type { AmountLine } from '../../../src/core/sales/types.ts';

let nextLineNo = 0;

/** An item line of the given amount at 25 % VAT (identifier VAT25), numbered 10000, 20000, … */
export function amountLine(lineAmount: string, overrides: Partial<AmountLine> = {}): AmountLine {
  nextLineNo += 10000;
  return {
    lineNo: nextLineNo,
    type: 'item',
    lineAmount: dec(lineAmount),
    invoiceDiscountAmount: ZERO,
    allowInvoiceDiscount: true,
    vatPercent: dec('25'),
    vatIdentifier: 'VAT25',
    vatCalculationType: 'normal',
    ...overrides,
  };
}
