import { describe, expect, it } from 'vitest';
import { emailActionsOf, hasEmailDraft, postedDocumentPathAfterPostAndSend } from '../../../src/web/email/send-actions.ts';
import { documentKindList, documentKinds } from '../../../src/web/sales/document-kinds.ts';

describe('the email actions of a sales document (spec §21.2)', () => {
  it('offers Post and Send where the API has it: invoices, orders and credit memos', () => {
    expect(Object.fromEntries(documentKindList.map((kind) => [kind.type, emailActionsOf(kind.type)]))).toEqual({
      quote: ['sendByEmail'], order: ['sendByEmail', 'postAndSend'], invoice: ['sendByEmail', 'postAndSend'],
      creditMemo: ['postAndSend'], returnOrder: [], blanketOrder: [],
    });
  });

  it('opens the email dialog of an unposted credit memo without asking for a draft, which the API does not have', () => {
    expect(hasEmailDraft(documentKinds.invoice.resource)).toBe(true);
    expect(hasEmailDraft(documentKinds.order.resource)).toBe(true);
    expect(hasEmailDraft(documentKinds.creditMemo.resource)).toBe(false);
  });

  it('leads to the posted credit memo after Post and Send of a credit memo, and to the posted invoice otherwise', () => {
    expect(postedDocumentPathAfterPostAndSend('creditMemo', 'PSCM 1')).toBe('/posted/credit-memos/PSCM%201');
    expect(postedDocumentPathAfterPostAndSend('order', 'PSI000004')).toBe('/posted/invoices/PSI000004');
    expect(postedDocumentPathAfterPostAndSend('invoice', 'PSI000005')).toBe('/posted/invoices/PSI000005');
  });
});
