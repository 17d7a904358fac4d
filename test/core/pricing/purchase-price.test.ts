import { describe, expect, it } from 'vitest';
import { dec, ZERO } from '../../../src/core/money/decimal.ts';
import { agreementApplies, bestDirectUnitCost, bestPurchaseLineDiscount } from '../../../src/core/pricing/purchase-price.ts';

const context = { date: '2026-01-15', currencyCode: '', unitOfMeasureCode: 'BOX', quantityBase: dec('24') };
const terms = { startingDate: null, endingDate: null, currencyCode: '', unitOfMeasureCode: '', minimumQuantity: ZERO };

describe('purchase agreements', () => {
  it('apply within their dates, in the document currency, for the line unit or any, from their minimum quantity', () => {
    expect(agreementApplies(terms, context)).toBe(true);
    expect(agreementApplies({ ...terms, startingDate: '2026-01-15', endingDate: '2026-01-15' }, context)).toBe(true);
    expect(agreementApplies({ ...terms, startingDate: '2026-01-16' }, context)).toBe(false);
    expect(agreementApplies({ ...terms, endingDate: '2026-01-14' }, context)).toBe(false);
    expect(agreementApplies({ ...terms, currencyCode: 'USD' }, context)).toBe(false);
    expect(agreementApplies({ ...terms, unitOfMeasureCode: 'PCS' }, context)).toBe(false);
    expect(agreementApplies({ ...terms, minimumQuantity: dec('24') }, context)).toBe(true);
    expect(agreementApplies({ ...terms, minimumQuantity: dec('24.00001') }, context)).toBe(false);
  });

  it('give the lowest cost per line unit (a cost for any unit is per base unit) and the highest discount', () => {
    const perBox = dec('12');
    const cost = bestDirectUnitCost([
      { ...terms, directUnitCost: dec('5') }, // 5 per piece = 60 per box
      { ...terms, unitOfMeasureCode: 'BOX', directUnitCost: dec('58') },
      { ...terms, unitOfMeasureCode: 'BOX', minimumQuantity: dec('100'), directUnitCost: dec('50') },
    ], context, perBox);
    expect(cost?.toFixed(2)).toBe('58.00');
    expect(bestDirectUnitCost([{ ...terms, currencyCode: 'USD', directUnitCost: dec('1') }], context, perBox)).toBeNull();
    expect(bestPurchaseLineDiscount([{ ...terms, lineDiscountPercent: dec('3') }, { ...terms, lineDiscountPercent: dec('7.5') }], context).toString()).toBe('7.5');
    expect(bestPurchaseLineDiscount([], context).isZero()).toBe(true);
  });
});
