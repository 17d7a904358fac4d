import { describe, expect, it } from 'vitest';
import { documentKinds } from '../../../src/web/sales/document-kinds.ts';
import { isPostable, postingChoices } from '../../../src/web/sales/posting-options.ts';

describe('what Post asks', () => {
  it('an order ships, invoices or both', () => {
    expect(postingChoices(documentKinds.order).map((choice) => [choice.label, choice.request])).toEqual([
      ['Ship', { ship: true, invoice: false }],
      ['Invoice', { ship: false, invoice: true }],
      ['Ship and Invoice', { ship: true, invoice: true }],
    ]);
  });

  it('a return order receives, invoices or both', () => {
    expect(postingChoices(documentKinds.returnOrder).map((choice) => [choice.label, choice.request])).toEqual([
      ['Receive', { receive: true, invoice: false }],
      ['Invoice', { receive: false, invoice: true }],
      ['Receive and Invoice', { receive: true, invoice: true }],
    ]);
  });

  it('invoices and credit memos post everything: nothing to choose; quotes are not posted', () => {
    expect(postingChoices(documentKinds.invoice)).toEqual([]);
    expect(postingChoices(documentKinds.creditMemo)).toEqual([]);
    expect(isPostable(documentKinds.quote)).toBe(false);
    expect(isPostable(documentKinds.creditMemo)).toBe(true);
  });
});
