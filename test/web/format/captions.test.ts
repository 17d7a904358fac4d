import { describe, expect, it } from 'vitest';
import { captionOf } from '../../../src/web/format/captions.ts';

describe('captions made from field names and enum values', () => {
  it.each([
    ['positiveAdjustment', 'Positive Adjustment'],
    ['sale', 'Sale'],
    ['balanceDueLcy', 'Balance Due (LCY)'],
    ['glAccountNo', 'G/L Account No.'],
    ['vatAmount', 'VAT Amount'],
    ['salesShipment', 'Sales Shipment'],
    ['creditMemo', 'Credit Memo'],
  ])('%s → %s', (name, caption) => {
    expect(captionOf(name)).toBe(caption);
  });
});
