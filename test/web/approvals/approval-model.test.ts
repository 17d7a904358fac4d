import { describe, expect, it } from 'vitest';
import {
  actionOutcome, approvalActionsOf, documentTypeCaptions, entriesInSequence, entryActionBody, keepListed, requestDocumentPath,
} from '../../../src/web/approvals/approval-model.ts';

describe('the approval actions of a sales document', () => {
  it('offers Send while Open and Cancel while Pending Approval, for the document types a workflow can be made for', () => {
    expect(approvalActionsOf('order', 'open')).toEqual({ send: true, cancel: false });
    expect(approvalActionsOf('order', 'pendingApproval')).toEqual({ send: false, cancel: true });
    expect(approvalActionsOf('invoice', 'released')).toEqual({ send: false, cancel: false });
    expect(approvalActionsOf('blanketOrder', 'open')).toEqual({ send: true, cancel: false });
    expect(approvalActionsOf('postedInvoice', 'open')).toEqual({ send: false, cancel: false });
  });

  it('names each document type as the sales pages do and links a request to its document page', () => {
    expect(documentTypeCaptions.order).toBe('Sales Order');
    expect(documentTypeCaptions.creditMemo).toBe('Sales Credit Memo');
    expect(requestDocumentPath({ documentType: 'order', documentNo: 'SO 1/2' })).toBe('/sales/orders/SO%201%2F2');
    expect(requestDocumentPath({ documentType: 'returnOrder', documentNo: 'SRO000001' })).toBe('/sales/return-orders/SRO000001');
  });
});

describe('Requests to Approve', () => {
  it('lists the entries of a request by sequence, then by entry number', () => {
    const entries = [{ entryNo: 7, sequenceNo: 2 }, { entryNo: 9, sequenceNo: 1 }, { entryNo: 8, sequenceNo: 1 }];
    expect(entriesInSequence(entries).map((entry) => entry.entryNo)).toEqual([8, 9, 7]);
    expect(entries.map((entry) => entry.entryNo)).toEqual([7, 9, 8]);
  });

  it('drops from the selection the entries that are no longer listed', () => {
    expect([...keepListed(new Set([1, 2, 3]), [{ entryNo: 3 }, { entryNo: 4 }])]).toEqual([3]);
  });

  it('sends the selected entries in order, with the comment only when one was written', () => {
    expect(entryActionBody(new Set([12, 3]), '  ok by me ')).toEqual({ entryNos: [3, 12], comment: 'ok by me' });
    expect(entryActionBody([5], '   ')).toEqual({ entryNos: [5] });
  });

  it('says what an action did and which documents it released', () => {
    expect(actionOutcome('approve', 2, [{ documentNo: 'SO1', documentStatus: 'released' }, { documentNo: 'SO2', documentStatus: 'pendingApproval' }]))
      .toBe('Approved 2 entries. Released: SO1.');
    expect(actionOutcome('reject', 1, [{ documentNo: 'SO3', documentStatus: 'open' }])).toBe('Rejected 1 entry.');
  });
});
