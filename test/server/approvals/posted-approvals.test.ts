import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Role } from '../../../src/core/access/roles.ts';
import { postgresErrorCode } from '../../../src/server/db/constraint-errors.ts';
import { postedApprovalRequest } from '../../../src/server/db/schema/index.ts';
import { testApi, type TestApi } from '../../support/api.ts';
import { callerAs, exampleApprovers, givenExampleApprovers, ok, type Caller } from '../../support/given-approvals.ts';

/**
 * Posted Approval Entries (spec §19.1, §19.6): the approval history of a posted order is found
 * from the shipment and invoice it produced. Worked example 12's users (approvals.test.ts): A =
 * salesclerk-user (approver B), B = salesmanager-user (limit 5,000, approver C), C =
 * accountant-user (unlimited); 80 pieces of item 1000 at 100.00 are 8,000.00 excl. VAT.
 */
let api: TestApi;
const { A, B, C } = exampleApprovers;
const as = (role: Role) => callerAs(() => api, role);
const clerk = as('salesClerk');
const manager = as('salesManager');
const accountant = as('accountant');
const admin = as('admin');


beforeEach(async () => {
  api = await testApi();
  await givenExampleApprovers(api);
});
afterEach(async () => api.close());

async function enableWorkflow(documentType = 'order') {
  const workflow = await ok(admin, 'POST', '/api/v1/approvalWorkflows/fromTemplate', { documentType });
  await ok(admin, 'POST', `/api/v1/approvalWorkflows/${workflow.code}/enable`);
  return workflow.code as string;
}

async function order(quantity: string) {
  return (await ok(clerk, 'POST', '/api/v1/salesOrders', { sellToCustomerNo: 'C', lines: [{ type: 'item', no: '1000', quantity, unitPrice: '100' }] })).no as string;
}

const openEntries = async (send: Caller) => ((await ok(send, 'GET', '/api/v1/approvalRequests')).items as Array<{ entryNo: number }>).map((entry) => entry.entryNo);

/** Sent by A, approved by B (with a comment) and C: released. */
async function approvedOrder(quantity = '80') {
  const no = await order(quantity);
  await ok(clerk, 'POST', `/api/v1/salesOrders/${no}/sendApprovalRequest`);
  await ok(manager, 'POST', '/api/v1/approvalRequests/approve', { entryNos: await openEntries(manager), comment: 'fine by me' });
  await ok(accountant, 'POST', '/api/v1/approvalRequests/approve', { entryNos: await openEntries(accountant) });
  expect((await ok(clerk, 'GET', `/api/v1/salesOrders/${no}`)).status).toBe('released');
  return no;
}

interface HistoryRequest {
  documentType: string; documentNo: string; status: string; amount: string; amountLcy: string; senderId: string; workflowCode: string;
  entries: Array<{ sequenceNo: number; approverId: string; status: string; comments: Array<{ userId: string; comment: string }> }>;
}
const postedHistory = async (resource: string, no: string) => (await ok(clerk, 'GET', `/api/v1/${resource}/${no}/approvalEntries`)).items as HistoryRequest[];
const links = () => api.db.select().from(postedApprovalRequest).orderBy(postedApprovalRequest.postedDocumentType, postedApprovalRequest.postedDocumentNo);

describe('Posted Approval Entries (§19.6)', () => {
  it('an approved order posted Ship and Invoice shows its approval history under the posted invoice and the posted shipment', async () => {
    const workflowCode = await enableWorkflow();
    const no = await approvedOrder();
    const posted = await ok(clerk, 'POST', `/api/v1/salesOrders/${no}/post`, { ship: true, invoice: true });
    expect(posted).toMatchObject({ shipmentNo: 'PS0001', invoiceNo: 'PI0001', documentDeleted: true });

    for (const [resource, postedNo] of [['postedSalesInvoices', 'PI0001'], ['postedSalesShipments', 'PS0001']] as const) {
      const history = await postedHistory(resource, postedNo);
      expect(history).toHaveLength(1);
      expect(history[0]).toMatchObject({ documentType: 'order', documentNo: no, status: 'approved', amount: '8000.00', amountLcy: '8000.00', senderId: A, workflowCode });
      expect(history[0]!.entries.map((entry) => [entry.sequenceNo, entry.approverId, entry.status])).toEqual([[1, B, 'approved'], [2, C, 'approved']]);
      expect(history[0]!.entries[0]!.comments.map((comment) => [comment.userId, comment.comment])).toEqual([[B, 'fine by me']]);
    }
    // The order is gone (fully posted); its history is the same one, not a copy.
    expect(await links()).toEqual([
      { postedDocumentType: 'invoice', postedDocumentNo: 'PI0001', requestId: expect.any(Number) },
      { postedDocumentType: 'shipment', postedDocumentNo: 'PS0001', requestId: expect.any(Number) },
    ]);
    // The same request under a lowercase number, and 404 for a posted document that does not exist.
    expect(await postedHistory('postedSalesInvoices', 'pi0001')).toHaveLength(1);
    const missing = await clerk('GET', '/api/v1/postedSalesInvoices/PI9999/approvalEntries');
    expect(missing.statusCode).toBe(404);
    expect((await clerk('GET', '/api/v1/postedSalesCreditMemos/PI0001/approvalEntries')).statusCode).toBe(404);
  });

  it('every request of the order, newest first, follows each posting: a rejected one and the approved one, shipped and invoiced apart', async () => {
    await enableWorkflow();
    const no = await order('80');
    await ok(clerk, 'POST', `/api/v1/salesOrders/${no}/sendApprovalRequest`);
    await ok(manager, 'POST', '/api/v1/approvalRequests/reject', { entryNos: await openEntries(manager) });
    await ok(clerk, 'POST', `/api/v1/salesOrders/${no}/sendApprovalRequest`);
    await ok(manager, 'POST', '/api/v1/approvalRequests/approve', { entryNos: await openEntries(manager) });
    await ok(accountant, 'POST', '/api/v1/approvalRequests/approve', { entryNos: await openEntries(accountant) });

    expect(await ok(clerk, 'POST', `/api/v1/salesOrders/${no}/post`, { ship: true, invoice: false })).toMatchObject({ shipmentNo: 'PS0001', invoiceNo: null });
    expect((await postedHistory('postedSalesShipments', 'PS0001')).map((request) => request.status)).toEqual(['approved', 'rejected']);
    expect(await ok(clerk, 'POST', `/api/v1/salesOrders/${no}/post`, { ship: false, invoice: true })).toMatchObject({ shipmentNo: null, invoiceNo: 'PI0001' });
    const invoiceHistory = await postedHistory('postedSalesInvoices', 'PI0001');
    expect(invoiceHistory.map((request) => [request.status, request.entries.map((entry) => [entry.approverId, entry.status])])).toEqual([
      ['approved', [[B, 'approved'], [C, 'approved']]],
      ['rejected', [[B, 'rejected'], [C, 'rejected']]],
    ]);
    expect(await links()).toHaveLength(4);
  });

  it('a document posted without approval has an empty history and writes no link', async () => {
    const no = await order('10');
    expect(await ok(clerk, 'POST', `/api/v1/salesOrders/${no}/post`, { ship: true, invoice: true })).toMatchObject({ shipmentNo: 'PS0001', invoiceNo: 'PI0001' });
    expect(await postedHistory('postedSalesInvoices', 'PI0001')).toEqual([]);
    expect(await postedHistory('postedSalesShipments', 'PS0001')).toEqual([]);
    expect(await links()).toEqual([]);
  });

  it('a credit memo approved and posted shows its history under the posted credit memo', async () => {
    await enableWorkflow('creditMemo');
    const no = (await ok(clerk, 'POST', '/api/v1/salesCreditMemos', { sellToCustomerNo: 'C', lines: [{ type: 'item', no: '1000', quantity: '30', unitPrice: '100' }] })).no as string;
    await ok(clerk, 'POST', `/api/v1/salesCreditMemos/${no}/sendApprovalRequest`);
    await ok(manager, 'POST', '/api/v1/approvalRequests/approve', { entryNos: await openEntries(manager) });
    const posted = await ok(clerk, 'POST', `/api/v1/salesCreditMemos/${no}/post`, {});
    expect(posted.creditMemoNo).toBe('PCM0001');
    const history = await postedHistory('postedSalesCreditMemos', 'PCM0001');
    expect(history.map((request) => [request.documentType, request.documentNo, request.status, request.amount])).toEqual([['creditMemo', no, 'approved', '3000.00']]);
    expect(history[0]!.entries.map((entry) => [entry.approverId, entry.status])).toEqual([[B, 'approved']]);
  });

  it('a posting that fails writes no link', async () => {
    await enableWorkflow();
    const first = await approvedOrder();
    expect((await ok(clerk, 'POST', `/api/v1/salesOrders/${first}/post`, { ship: true, invoice: true })).invoiceNo).toBe('PI0001');
    // Reset the invoice series: the next posting draws PI0001 again and fails in the very statement that writes the links.
    const line = (await ok(admin, 'GET', '/api/v1/noSeries/S-PINV/lines')).items[0];
    await ok(admin, 'PATCH', `/api/v1/noSeries/S-PINV/lines/${line.lineNo}`, { lastNoUsed: null });
    const second = await approvedOrder();
    const refused = await clerk('POST', `/api/v1/salesOrders/${second}/post`, { ship: true, invoice: true });
    expect(refused.json().code).toBe('NO_SERIES_POSTED_NUMBER_EXISTS');
    expect((await links()).map((link) => `${link.postedDocumentType} ${link.postedDocumentNo}`)).toEqual(['invoice PI0001', 'shipment PS0001']);
    expect((await postedHistory('postedSalesInvoices', 'PI0001')).map((request) => request.documentNo)).toEqual([first]);
    expect((await ok(clerk, 'GET', `/api/v1/salesOrders/${second}`)).status).toBe('released');
  });

  it('the links are append-only', async () => {
    await enableWorkflow();
    const no = await approvedOrder();
    await ok(clerk, 'POST', `/api/v1/salesOrders/${no}/post`, { ship: true, invoice: true });
    const updated = await api.db.execute(sql`update posted_approval_request set posted_document_no = 'X'`).catch((caught: unknown) => caught);
    expect(postgresErrorCode(updated)).toBe('P0001');
    const deleted = await api.db.execute(sql`delete from posted_approval_request`).catch((caught: unknown) => caught);
    expect(postgresErrorCode(deleted)).toBe('P0001');
    expect(await links()).toHaveLength(2);
  });
});
