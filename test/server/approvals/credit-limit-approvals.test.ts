import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testApi, type TestApi } from '../../support/api.ts';
import { callerAs, exampleApprovers, givenExampleApprovers, ok } from '../../support/given-approvals.ts';

/**
 * Issue 18, spec §19.8: the credit-limit approval workflows (BC's MS-SOCLAPW and MS-SICLAPW). Send
 * checks the customer's credit limit: not exceeded, the request is approved automatically and the
 * document released; exceeded, the approvers of the step are asked as under the ordinary workflow.
 * Users as in worked example 12: A (approver B), B (limit 5,000, approver C), C (unlimited).
 * Item 1000 sells at 100.00 + 25 % VAT, so 40 pieces are 4,000 excl. and 5,000 incl. VAT.
 */
let api: TestApi;
const { A, B, C } = exampleApprovers;
const clerk = callerAs(() => api, 'salesClerk');
const admin = callerAs(() => api, 'admin');

beforeEach(async () => {
  api = await testApi();
  await givenExampleApprovers(api);
  await ok(admin, 'PATCH', '/api/v1/customers/C', { creditLimitLcy: '6000' });
});
afterEach(async () => api.close());

async function creditLimitWorkflow(documentType = 'order') {
  const workflow = await ok(admin, 'POST', '/api/v1/approvalWorkflows/fromTemplate', { documentType, creditLimitVariant: true });
  await ok(admin, 'POST', `/api/v1/approvalWorkflows/${workflow.code}/enable`);
  return workflow as { code: string; templateCode: string; description: string; checkCreditLimit: boolean };
}

const newDocument = async (resource: string, quantity: string) =>
  (await ok(clerk, 'POST', `/api/v1/${resource}`, { sellToCustomerNo: 'C', lines: [{ type: 'item', no: '1000', quantity, unitPrice: '100' }] })).no as string;

const entriesOf = async (resource: string, no: string) => {
  const items = (await ok(clerk, 'GET', `/api/v1/${resource}/${no}/approvalEntries`)).items as Array<{ status: string; entries: Array<{ sequenceNo: number; approverId: string; status: string }> }>;
  return items.map((request) => [request.status, request.entries.map((entry) => [entry.sequenceNo, entry.approverId, entry.status])]);
};

describe('credit-limit approval workflows (§19.8)', () => {
  it('an order within the credit limit is approved automatically at Send and released; it posts', async () => {
    const workflow = await creditLimitWorkflow();
    expect(workflow).toMatchObject({ code: 'SOCLAPW-01', templateCode: 'MS-SOCLAPW', description: 'Sales Order Credit Limit Approval Workflow', checkCreditLimit: true });
    const no = await newDocument('salesOrders', '40');
    // The workflow applies: without Send the order is neither released nor posted.
    expect((await clerk('POST', `/api/v1/salesOrders/${no}/release`)).json().code).toBe('APPROVAL_NOT_COMPLETE');
    const sent = await ok(clerk, 'POST', `/api/v1/salesOrders/${no}/sendApprovalRequest`);
    expect(sent.status).toBe('released');
    expect(await entriesOf('salesOrders', no)).toEqual([['approved', [[1, A, 'approved']]]]);
    const posted = await clerk('POST', `/api/v1/salesOrders/${no}/post`, { ship: true, invoice: true });
    expect(posted.statusCode, posted.body).toBe(201);
    expect(posted.json()).toMatchObject({ shipmentNo: expect.any(String), invoiceNo: expect.any(String) });
  });

  it('an order over the credit limit goes to the approvers of the step (approver chain) and waits', async () => {
    await creditLimitWorkflow();
    const no = await newDocument('salesOrders', '56'); // 5,600 excl., 7,000 incl. VAT > 6,000
    const sent = await ok(clerk, 'POST', `/api/v1/salesOrders/${no}/sendApprovalRequest`);
    expect(sent.status).toBe('pendingApproval');
    expect(await entriesOf('salesOrders', no)).toEqual([['pending', [[1, B, 'open'], [2, C, 'created']]]]);
    expect((await clerk('POST', `/api/v1/salesOrders/${no}/post`, { ship: true, invoice: true })).json().code).toBe('APPROVAL_REQUIRED');
  });

  it('other open documents count towards the limit: a second order that takes the total over it needs approvers', async () => {
    await creditLimitWorkflow();
    const first = await newDocument('salesOrders', '30'); // 3,750 incl. VAT
    expect((await ok(clerk, 'POST', `/api/v1/salesOrders/${first}/sendApprovalRequest`)).status).toBe('released');
    const second = await newDocument('salesOrders', '20'); // + 2,500 = 6,250 > 6,000
    expect((await ok(clerk, 'POST', `/api/v1/salesOrders/${second}/sendApprovalRequest`)).status).toBe('pendingApproval');
  });

  it('the invoice variant checks the limit the same way; editing a released document needs a new Send', async () => {
    await creditLimitWorkflow('invoice');
    const no = await newDocument('salesInvoices', '10');
    expect((await ok(clerk, 'POST', `/api/v1/salesInvoices/${no}/sendApprovalRequest`)).status).toBe('released');
    await ok(clerk, 'POST', `/api/v1/salesInvoices/${no}/reopen`);
    const invoice = await ok(clerk, 'GET', `/api/v1/salesInvoices/${no}`);
    await ok(clerk, 'PATCH', `/api/v1/salesInvoices/${no}/lines/${invoice.lines[0].lineNo}`, { quantity: '60', version: invoice.lines[0].version });
    expect((await clerk('POST', `/api/v1/salesInvoices/${no}/post`)).json().code).toBe('APPROVAL_REQUIRED');
    expect((await ok(clerk, 'POST', `/api/v1/salesInvoices/${no}/sendApprovalRequest`)).status).toBe('pendingApproval');
  });

  it('is refused for credit memos, and overlaps the ordinary order workflow', async () => {
    const memo = await admin('POST', '/api/v1/approvalWorkflows/fromTemplate', { documentType: 'creditMemo', creditLimitVariant: true });
    expect(memo.statusCode).toBe(422);
    expect(memo.json()).toMatchObject({ code: 'WORKFLOW_CREDIT_LIMIT_VARIANT', detail: 'There is no credit-limit approval workflow for sales credit memos: it exists for orders and invoices.' });
    await creditLimitWorkflow();
    const ordinary = await ok(admin, 'POST', '/api/v1/approvalWorkflows/fromTemplate', { documentType: 'order' });
    const enable = await admin('POST', `/api/v1/approvalWorkflows/${ordinary.code}/enable`);
    expect(enable.json().code).toBe('WORKFLOW_OVERLAP');
  });
});
