import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Role } from '../../../src/core/access/roles.ts';
import { testApi, type TestApi } from '../../support/api.ts';
import { callerAs, exampleApprovers, givenExampleApprovers, ok, type Caller, type Method } from '../../support/given-approvals.ts';
import { created } from '../../support/given.ts';
import { claimJob, runJob } from '../../../src/server/jobs/job-queue.ts';
import '../../../src/server/sales/combine-shipments.ts';
import { sql } from 'drizzle-orm';
import { postgresErrorCode } from '../../../src/server/db/constraint-errors.ts';

/**
 * Issue 18: approval workflows of sales documents (spec §19) over HTTP. Worked example 12 (§19.9)
 * with the role users as its users: A = salesclerk-user (approver B, no limit), B =
 * salesmanager-user (limit 5,000, approver C), C = accountant-user (unlimited). Item 1000 sells
 * at 100.00 (VAT 25 %), so 80 pieces are 8,000 excl. VAT and 10,000 incl. VAT.
 */
let api: TestApi;
const { A, B, C } = exampleApprovers;
const workDate = { 'x-work-date': '2026-03-02' };
const as = (role: Role) => callerAs(() => api, role);
const clerk = as('salesClerk');
const manager = as('salesManager');
const accountant = as('accountant');
const admin = as('admin');

async function refused(send: Caller, method: Method, url: string, body: unknown, code: string) {
  const response = await send(method, url, body);
  expect(response.statusCode, `${method} ${url}: ${response.body}`).toBe(422);
  expect(response.json().code).toBe(code);
  return response.json() as { code: string; detail: string };
}

beforeEach(async () => {
  api = await testApi();
  await givenExampleApprovers(api);
});
afterEach(async () => api.close());

/** A workflow from the Sales Order template with that limit type, enabled. */
async function orderWorkflow(fields: Record<string, unknown> = {}, documentType = 'order') {
  const workflow = await ok(admin, 'POST', '/api/v1/approvalWorkflows/fromTemplate', { documentType, ...fields });
  await ok(admin, 'POST', `/api/v1/approvalWorkflows/${workflow.code}/enable`);
  return workflow.code as string;
}

async function order(quantity: string, send = clerk) {
  return (await ok(send, 'POST', '/api/v1/salesOrders', { sellToCustomerNo: 'C', lines: [{ type: 'item', no: '1000', quantity, unitPrice: '100' }] })).no as string;
}

const history = async (no: string, resource = 'salesOrders') => (await ok(clerk, 'GET', `/api/v1/${resource}/${no}/approvalEntries`)).items as Array<{
  status: string; amount: string; senderId: string; entries: Array<{ entryNo: number; sequenceNo: number; approverId: string; status: string; comments: Array<{ comment: string }> }>;
}>;
const entryStates = async (no: string) => (await history(no))[0]!.entries.map((entry) => [entry.sequenceNo, entry.approverId, entry.status]);
const toApprove = async (send: Caller) => (await ok(send, 'GET', '/api/v1/approvalRequests')).items as Array<{ entryNo: number; request: { documentNo: string }; [field: string]: unknown }>;
const statusOf = async (no: string) => (await ok(clerk, 'GET', `/api/v1/salesOrders/${no}`)).status as string;
const post = (send: Caller, no: string) => send('POST', `/api/v1/salesOrders/${no}/post`, { ship: true, invoice: true });

describe('worked example 12 (§19.9)', () => {
  it('approver chain, 8,000: B then C approve in turn, then the order is released and posts', async () => {
    expect(await orderWorkflow()).toBe('SOAPW-01');
    const no = await order('80');
    const sent = await ok(clerk, 'POST', `/api/v1/salesOrders/${no}/sendApprovalRequest`);
    expect(sent.status).toBe('pendingApproval');
    expect(await entryStates(no)).toEqual([[1, B, 'open'], [2, C, 'created']]);
    expect((await history(no))[0]).toMatchObject({ status: 'pending', amount: '8000.00', senderId: A });
    expect((await toApprove(manager)).map((entry) => entry.request.documentNo)).toEqual([no]);
    expect(await toApprove(accountant)).toEqual([]);

    const [entryOfB] = await toApprove(manager);
    expect((await ok(manager, 'POST', '/api/v1/approvalRequests/approve', { entryNos: [entryOfB!.entryNo], comment: 'fine by me' })).items)
      .toEqual([{ entryNo: entryOfB!.entryNo, documentType: 'order', documentNo: no, documentStatus: 'pendingApproval' }]);
    expect(await entryStates(no)).toEqual([[1, B, 'approved'], [2, C, 'open']]);
    expect(await statusOf(no)).toBe('pendingApproval');
    const refusal = await post(clerk, no);
    expect(refusal.statusCode).toBe(422);
    expect(refusal.json().code).toBe('APPROVAL_REQUIRED');
    expect(refusal.json().detail).toBe(`Sales Order ${no} must be approved and released before you can perform this action (Post): its approval request is pending.`);

    const [entryOfC] = await toApprove(accountant);
    await ok(accountant, 'POST', '/api/v1/approvalRequests/approve', { entryNos: [entryOfC!.entryNo] });
    expect(await statusOf(no)).toBe('released');
    expect((await history(no))[0]!.status).toBe('approved');
    const posted = await post(clerk, no);
    expect(posted.statusCode, posted.body).toBe(201);
    // Spec §19.6: the history stays with the document's number after posting.
    const kept = await history(no);
    expect(kept[0]!.status).toBe('approved');
    expect(kept[0]!.entries[0]!.comments.map((comment) => comment.comment)).toEqual(['fine by me']);
  });

  it('variant 3,000: only B, whose approval releases the order', async () => {
    await orderWorkflow();
    const no = await order('30');
    await ok(clerk, 'POST', `/api/v1/salesOrders/${no}/sendApprovalRequest`);
    expect(await entryStates(no)).toEqual([[1, B, 'open']]);
    await ok(manager, 'POST', '/api/v1/approvalRequests/approve', { entryNos: (await toApprove(manager)).map((entry) => entry.entryNo) });
    expect(await statusOf(no)).toBe('released');
  });

  it('variant First Qualified Approver, 8,000: a single entry for C, overdue after its due date', async () => {
    await orderWorkflow({ limitType: 'firstQualifiedApprover', dueDateFormula: '2D' });
    const no = await order('80');
    await ok(clerk, 'POST', `/api/v1/salesOrders/${no}/sendApprovalRequest`);
    expect(await entryStates(no)).toEqual([[1, C, 'open']]);
    const overdueOn = async (date: string) => (await api.as('admin')('GET', '/api/v1/approvalRequests/overdue', undefined, { 'x-work-date': date })).json().items;
    expect(await overdueOn('2026-03-04')).toEqual([]);
    expect(await overdueOn('2026-03-05')).toEqual([expect.objectContaining({ approverId: C, dueDate: '2026-03-04', request: expect.objectContaining({ documentNo: no, senderId: A }) })]);
  });

  it('variant Direct Approver, 8,000: a single entry for B, who may approve although above the limit', async () => {
    await orderWorkflow({ limitType: 'directApprover' });
    const no = await order('80');
    await ok(clerk, 'POST', `/api/v1/salesOrders/${no}/sendApprovalRequest`);
    expect(await entryStates(no)).toEqual([[1, B, 'open']]);
    await ok(manager, 'POST', '/api/v1/approvalRequests/approve', { entryNos: (await toApprove(manager)).map((entry) => entry.entryNo) });
    expect(await statusOf(no)).toBe('released');
  });

  it('B rejects: B and C rejected, the order Open, and still no posting', async () => {
    await orderWorkflow();
    const no = await order('80');
    await ok(clerk, 'POST', `/api/v1/salesOrders/${no}/sendApprovalRequest`);
    await ok(manager, 'POST', '/api/v1/approvalRequests/reject', { entryNos: (await toApprove(manager)).map((entry) => entry.entryNo) });
    expect(await entryStates(no)).toEqual([[1, B, 'rejected'], [2, C, 'rejected']]);
    expect(await statusOf(no)).toBe('open');
    const refusal = await refused(clerk, 'POST', `/api/v1/salesOrders/${no}/post`, { ship: true, invoice: true }, 'APPROVAL_REQUIRED');
    expect(refusal.detail).toContain('its latest approval request was rejected');
  });

  it('A posts while pending: refused (release and reopen too); A cancels: entries canceled, order Open', async () => {
    await orderWorkflow();
    const no = await order('80');
    await ok(clerk, 'POST', `/api/v1/salesOrders/${no}/sendApprovalRequest`);
    await refused(clerk, 'POST', `/api/v1/salesOrders/${no}/post`, { ship: true, invoice: true }, 'APPROVAL_REQUIRED');
    const release = await refused(clerk, 'POST', `/api/v1/salesOrders/${no}/release`, undefined, 'APPROVAL_NOT_COMPLETE');
    expect(release.detail).toBe(`Sales Order ${no} can only be released when the approval process is complete (its approval request is pending).`);
    await refused(clerk, 'POST', `/api/v1/salesOrders/${no}/reopen`, undefined, 'APPROVAL_PENDING_CANNOT_REOPEN');
    await refused(manager, 'POST', `/api/v1/salesOrders/${no}/cancelApprovalRequest`, undefined, 'APPROVAL_CANCEL_NOT_ALLOWED');
    await ok(clerk, 'POST', `/api/v1/salesOrders/${no}/cancelApprovalRequest`);
    expect(await entryStates(no)).toEqual([[1, B, 'canceled'], [2, C, 'canceled']]);
    expect(await statusOf(no)).toBe('open');
    expect(await toApprove(manager)).toEqual([]);
  });
});

describe('no bypass (§19.6, issue 18 point 5)', () => {
  it('an Open order under an enabled workflow neither releases nor posts, and nothing is written', async () => {
    await orderWorkflow();
    const no = await order('80');
    await refused(clerk, 'POST', `/api/v1/salesOrders/${no}/release`, undefined, 'APPROVAL_NOT_COMPLETE');
    const refusal = await refused(admin, 'POST', `/api/v1/salesOrders/${no}/post`, { ship: true, invoice: true }, 'APPROVAL_REQUIRED');
    expect(refusal.detail).toContain('approval workflow SOAPW-01 applies and no approval request has been sent');
    await refused(admin, 'POST', `/api/v1/salesOrders/${no}/preview`, { ship: true, invoice: true }, 'APPROVAL_REQUIRED');
    expect(await statusOf(no)).toBe('open');
    expect((await ok(admin, 'GET', '/api/v1/glEntries?documentNo=PI0001')).items).toEqual([]);
  });

  it('a change after approval needs a new approval: reopen, edit, then release and post are refused', async () => {
    await orderWorkflow();
    const no = await order('30');
    await ok(clerk, 'POST', `/api/v1/salesOrders/${no}/sendApprovalRequest`);
    await ok(manager, 'POST', '/api/v1/approvalRequests/approve', { entryNos: (await toApprove(manager)).map((entry) => entry.entryNo) });
    await ok(clerk, 'POST', `/api/v1/salesOrders/${no}/reopen`);
    await ok(clerk, 'PATCH', `/api/v1/salesOrders/${no}/lines/10000`, { quantity: '80' });
    const release = await refused(clerk, 'POST', `/api/v1/salesOrders/${no}/release`, undefined, 'APPROVAL_NOT_COMPLETE');
    expect(release.detail).toContain('it was changed after approval request');
    await refused(clerk, 'POST', `/api/v1/salesOrders/${no}/post`, { ship: true, invoice: true }, 'APPROVAL_REQUIRED');
    // Back to the approved content: the approval holds again.
    await ok(clerk, 'PATCH', `/api/v1/salesOrders/${no}/lines/10000`, { quantity: '30' });
    expect((await ok(clerk, 'POST', `/api/v1/salesOrders/${no}/release`)).status).toBe('released');
  });

  it('a change of salesperson after approval needs a new approval; a new reference does not', async () => {
    await created(api.as('admin'), '/api/v1/salespeople', { code: 'JO', name: 'Jo' });
    await orderWorkflow();
    const no = await order('30');
    await ok(clerk, 'POST', `/api/v1/salesOrders/${no}/sendApprovalRequest`);
    await ok(manager, 'POST', '/api/v1/approvalRequests/approve', { entryNos: (await toApprove(manager)).map((entry) => entry.entryNo) });
    await ok(clerk, 'POST', `/api/v1/salesOrders/${no}/reopen`);
    await ok(clerk, 'PATCH', `/api/v1/salesOrders/${no}`, { yourReference: 'still fine' });
    expect((await ok(clerk, 'POST', `/api/v1/salesOrders/${no}/release`)).status).toBe('released');
    await ok(clerk, 'POST', `/api/v1/salesOrders/${no}/reopen`);
    await ok(clerk, 'PATCH', `/api/v1/salesOrders/${no}`, { salespersonCode: 'JO' });
    await refused(clerk, 'POST', `/api/v1/salesOrders/${no}/release`, undefined, 'APPROVAL_NOT_COMPLETE');
  });

  it('a copy of an approved order into a new order is not approved', async () => {
    await orderWorkflow();
    const no = await order('30');
    await ok(clerk, 'POST', `/api/v1/salesOrders/${no}/sendApprovalRequest`);
    await ok(manager, 'POST', '/api/v1/approvalRequests/approve', { entryNos: (await toApprove(manager)).map((entry) => entry.entryNo) });
    const copy = (await ok(clerk, 'POST', '/api/v1/salesOrders', { sellToCustomerNo: 'C' })).no as string;
    await ok(clerk, 'POST', `/api/v1/salesOrders/${copy}/copyDocument`, { sourceDocumentType: 'order', sourceNo: no, includeHeader: true, recalculateLines: false });
    await refused(clerk, 'POST', `/api/v1/salesOrders/${copy}/post`, { ship: true, invoice: true }, 'APPROVAL_REQUIRED');
  });

  it('a requester never approves their own request above their own limit, even as approval administrator', async () => {
    await ok(admin, 'PATCH', `/api/v1/approvalUserSetups/${A}`, { approvalAdministrator: true });
    await orderWorkflow();
    const no = await order('80');
    await ok(clerk, 'POST', `/api/v1/salesOrders/${no}/sendApprovalRequest`);
    const [entry] = (await history(no))[0]!.entries;
    const refusal = await refused(clerk, 'POST', '/api/v1/approvalRequests/approve', { entryNos: [entry!.entryNo] }, 'SELF_APPROVAL_ABOVE_LIMIT');
    expect(refusal.detail).toBe(`${A} cannot approve their own request: 8000.00 (LCY) is above their sales amount approval limit (0.00).`);
    // Nor may someone who is not the approver.
    await refused(accountant, 'POST', '/api/v1/approvalRequests/approve', { entryNos: [entry!.entryNo] }, 'APPROVAL_NOT_APPROVER');
    expect(await entryStates(no)).toEqual([[1, B, 'open'], [2, C, 'created']]);
  });

  it('a specific approver who is the requester refuses the request above their limit', async () => {
    await orderWorkflow({ limitType: 'specificApprover', specificApproverId: A });
    const no = await order('80');
    await refused(clerk, 'POST', `/api/v1/salesOrders/${no}/sendApprovalRequest`, undefined, 'SELF_APPROVAL_ABOVE_LIMIT');
    expect(await statusOf(no)).toBe('open');
    expect(await history(no)).toEqual([]);
  });
});

describe('no bypass through batch, replay or the database', () => {
  it('Combine Shipments posts no invoice that an enabled invoice workflow has not approved', async () => {
    await api.as('admin')('PATCH', '/api/v1/customers/C', { combineShipments: true }, workDate);
    const no = await order('30');
    await ok(clerk, 'POST', `/api/v1/salesOrders/${no}/post`, { ship: true });
    await orderWorkflow({}, 'invoice');
    const accepted = await admin('POST', '/api/v1/combineShipments', { postingDate: '2026-03-31', documentDate: '2026-03-31', postInvoices: true });
    expect(accepted.statusCode, accepted.body).toBe(202);
    const job = await runJob(api.db, (await claimJob(api.db, accepted.json().job.id, 'test'))!);
    expect(job.status).toBe('incomplete');
    const result = job.result as { invoicesCreated: number; invoicesPosted: number; errors: Array<{ code: string }> };
    expect(result).toMatchObject({ invoicesCreated: 1, invoicesPosted: 0 });
    expect(result.errors.map((error) => error.code)).toEqual(['APPROVAL_REQUIRED']);
    expect((await ok(admin, 'GET', '/api/v1/postedSalesInvoices')).items).toEqual([]);
  });

  it('a replayed post request with its idempotency key stays refused while the order is pending', async () => {
    await orderWorkflow();
    const no = await order('80');
    await ok(clerk, 'POST', `/api/v1/salesOrders/${no}/sendApprovalRequest`);
    const headers = { ...workDate, 'idempotency-key': 'post-once' };
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const response = await api.as('salesClerk')('POST', `/api/v1/salesOrders/${no}/post`, { ship: true, invoice: true }, headers);
      expect(response.statusCode).toBe(422);
      expect(response.json().code).toBe('APPROVAL_REQUIRED');
    }
    expect(await statusOf(no)).toBe('pendingApproval');
  });

  it('the approval history is append-only: the database refuses to change or delete an entry\'s events', async () => {
    await orderWorkflow();
    const no = await order('80');
    await ok(clerk, 'POST', `/api/v1/salesOrders/${no}/sendApprovalRequest`);
    for (const statement of [sql`update approval_entry_event set status = 'approved'`, sql`delete from approval_entry_event`, sql`update approval_request set content_hash = 'x'`]) {
      const refusal = await api.db.execute(statement).then(() => undefined, (error: unknown) => error);
      expect(postgresErrorCode(refusal)).toBe('P0001');
    }
    expect(await entryStates(no)).toEqual([[1, B, 'open'], [2, C, 'created']]);
  });
});

describe('the rest of §19.4–19.5', () => {
  it('a sufficient requester is approved automatically: the order is released at once', async () => {
    await orderWorkflow();
    const no = await order('30', manager);
    const sent = await ok(manager, 'POST', `/api/v1/salesOrders/${no}/sendApprovalRequest`);
    expect(sent.status).toBe('released');
    expect(await entryStates(no)).toEqual([[1, B, 'approved']]);
  });

  it('delegate: the entry goes to the approver\'s substitute, else their approver', async () => {
    await orderWorkflow();
    const no = await order('80');
    await ok(clerk, 'POST', `/api/v1/salesOrders/${no}/sendApprovalRequest`);
    await ok(manager, 'POST', '/api/v1/approvalRequests/delegate', { entryNos: (await toApprove(manager)).map((entry) => entry.entryNo) });
    expect(await entryStates(no)).toEqual([[1, C, 'open'], [2, C, 'created']]);
    expect(await toApprove(manager)).toEqual([]);
    const [delegated] = await toApprove(accountant);
    expect(delegated).toMatchObject({ sequenceNo: 1, approverId: C, status: 'open', lastModifiedBy: B });
    const comment = await clerk('POST', `/api/v1/approvalEntries/${delegated!.entryNo}/comments`, { comment: 'Urgent: the customer waits' });
    expect(comment.statusCode, comment.body).toBe(201);
    expect((await history(no))[0]!.entries[0]!.comments.map((entry) => entry.comment)).toEqual(['Urgent: the customer waits']);
  });

  it('delegate goes to the substitute first', async () => {
    await created(api.as('admin'), '/api/v1/approvalUserSetups', { userId: 'admin-user', unlimitedSalesApproval: true });
    await ok(admin, 'PATCH', `/api/v1/approvalUserSetups/${B}`, { substitute: 'admin-user' });
    await orderWorkflow();
    const no = await order('80');
    await ok(clerk, 'POST', `/api/v1/salesOrders/${no}/sendApprovalRequest`);
    await ok(manager, 'POST', '/api/v1/approvalRequests/delegate', { entryNos: (await toApprove(manager)).map((entry) => entry.entryNo) });
    expect(await entryStates(no)).toEqual([[1, 'admin-user', 'open'], [2, C, 'created']]);
  });

  it('a workflow user group: members of one sequence approve in parallel; an approver approves whatever their role, if it may change sales data', async () => {
    await created(api.as('admin'), '/api/v1/approvalUserSetups', { userId: 'admin-user' });
    await created(api.as('admin'), '/api/v1/workflowUserGroups', { code: 'BOARD', description: 'Board' });
    await created(api.as('admin'), '/api/v1/workflowUserGroups/BOARD/members', { userId: B, sequenceNo: 1 });
    await created(api.as('admin'), '/api/v1/workflowUserGroups/BOARD/members', { userId: 'admin-user', sequenceNo: 1 });
    await created(api.as('admin'), '/api/v1/workflowUserGroups/BOARD/members', { userId: C, sequenceNo: 2 });
    await orderWorkflow({ approverType: 'workflowUserGroup', workflowUserGroupCode: 'BOARD' });
    const no = await order('80');
    await ok(clerk, 'POST', `/api/v1/salesOrders/${no}/sendApprovalRequest`);
    expect(await entryStates(no)).toEqual([[1, 'admin-user', 'open'], [1, B, 'open'], [2, C, 'created']]);
    // A viewer changes nothing, even a request addressed to them.
    expect((await as('viewer')('POST', '/api/v1/approvalRequests/approve', { entryNos: [1] })).statusCode).toBe(403);
    await ok(admin, 'POST', '/api/v1/approvalRequests/approve', { entryNos: (await toApprove(admin)).map((entry) => entry.entryNo) });
    expect(await entryStates(no)).toEqual([[1, 'admin-user', 'approved'], [1, B, 'open'], [2, C, 'created']]);
    await ok(manager, 'POST', '/api/v1/approvalRequests/approve', { entryNos: (await toApprove(manager)).map((entry) => entry.entryNo) });
    expect(await entryStates(no)).toEqual([[1, 'admin-user', 'approved'], [1, B, 'approved'], [2, C, 'open']]);
  });

  it('send is refused without an enabled workflow, and a second enabled order workflow overlapping the first is refused', async () => {
    const no = await order('80');
    const none = await refused(clerk, 'POST', `/api/v1/salesOrders/${no}/sendApprovalRequest`, undefined, 'APPROVAL_WORKFLOW_NOT_ENABLED');
    expect(none.detail).toBe(`No approval workflow for this record type is enabled: none applies to Sales Order ${no}.`);
    // Without a workflow nothing changes: the order releases as before.
    expect((await ok(clerk, 'POST', `/api/v1/salesOrders/${no}/release`)).status).toBe('released');
    await orderWorkflow();
    const second = await ok(admin, 'POST', '/api/v1/approvalWorkflows/fromTemplate', { documentType: 'order', minimumAmountLcy: '10000' });
    expect(second.code).toBe('SOAPW-02');
    await refused(admin, 'POST', `/api/v1/approvalWorkflows/${second.code}/enable`, undefined, 'WORKFLOW_OVERLAP');
    await refused(admin, 'PATCH', '/api/v1/approvalWorkflows/SOAPW-01', { limitType: 'directApprover' }, 'WORKFLOW_ENABLED');
  });

  it('a workflow condition on the amount: an order below the minimum needs no approval', async () => {
    await orderWorkflow({ minimumAmountLcy: '5000' });
    const small = await order('30');
    expect((await ok(clerk, 'POST', `/api/v1/salesOrders/${small}/release`)).status).toBe('released');
    const large = await order('80');
    await refused(clerk, 'POST', `/api/v1/salesOrders/${large}/release`, undefined, 'APPROVAL_NOT_COMPLETE');
  });
});

/** A prepayment account on DOMESTIC × RETAIL and the posted prepayment invoice series. */
async function givenPrepaymentPosting() {
  await created(api.as('admin'), '/api/v1/glAccounts', { no: '2350', name: 'Customer Prepayments', incomeBalance: 'balanceSheet', genProdPostingGroup: 'RETAIL', vatProdPostingGroup: 'VAT25' });
  const general = (await ok(admin, 'GET', '/api/v1/generalPostingSetups?genProdPostingGroup=RETAIL')).items
    .find((row: { genBusPostingGroup: string | null }) => row.genBusPostingGroup === 'DOMESTIC');
  await ok(admin, 'PATCH', `/api/v1/generalPostingSetups/${general.id}`, { salesPrepaymentsAccount: '2350' });
  await created(api.as('admin'), '/api/v1/noSeries', { code: 'S-PPI' });
  await created(api.as('admin'), '/api/v1/noSeries/S-PPI/lines', { startingNo: 'PPI-1', endingNo: 'PPI-9999' });
  await ok(admin, 'PATCH', '/api/v1/salesReceivablesSetup', { postedPrepaymentInvoiceNos: 'S-PPI' });
}

describe('prepayment (§3.1, §26.6)', () => {
  it('an approved order with an outstanding prepayment goes to Pending Prepayment, not Released', async () => {
    await orderWorkflow();
    const no = (await ok(clerk, 'POST', '/api/v1/salesOrders', { sellToCustomerNo: 'C', prepaymentPercent: '30', lines: [{ type: 'item', no: '1000', quantity: '30', unitPrice: '100' }] })).no as string;
    await ok(clerk, 'POST', `/api/v1/salesOrders/${no}/sendApprovalRequest`);
    await ok(manager, 'POST', '/api/v1/approvalRequests/approve', { entryNos: (await toApprove(manager)).map((entry) => entry.entryNo) });
    expect(await statusOf(no)).toBe('pendingPrepayment');
    await refused(clerk, 'POST', `/api/v1/salesOrders/${no}/post`, { ship: true, invoice: true }, 'PREPAYMENT_NOT_INVOICED');
    // The prepayment invoice carries the order's approval history (posted approval entries, §19.6).
    await givenPrepaymentPosting();
    const prepayment = await ok(clerk, 'POST', `/api/v1/salesOrders/${no}/postPrepaymentInvoice`);
    const posted = (await ok(clerk, 'GET', `/api/v1/postedSalesInvoices/${prepayment.postedNo}/approvalEntries`)).items as Array<{ status: string; amount: string }>;
    expect(posted.map((request) => [request.status, request.amount])).toEqual([['approved', '3000.00']]);
  });
});

describe('quotes (§19.6): Make Order carries the approval, bound to its content', () => {
  it('an approved quote makes an order that posts; an unapproved one makes no order', async () => {
    await orderWorkflow({}, 'quote');
    await orderWorkflow();
    const quote = (await ok(clerk, 'POST', '/api/v1/salesQuotes', { sellToCustomerNo: 'C', lines: [{ type: 'item', no: '1000', quantity: '30', unitPrice: '100' }] })).no as string;
    await refused(clerk, 'POST', `/api/v1/salesQuotes/${quote}/makeOrder`, {}, 'APPROVAL_REQUIRED');
    await ok(clerk, 'POST', `/api/v1/salesQuotes/${quote}/sendApprovalRequest`);
    await ok(manager, 'POST', '/api/v1/approvalRequests/approve', { entryNos: (await toApprove(manager)).map((entry) => entry.entryNo) });
    const made = await ok(clerk, 'POST', `/api/v1/salesQuotes/${quote}/makeOrder`, {});
    const orderHistory = await history(made.no);
    expect(orderHistory.map((request) => request.status)).toEqual(['approved']);
    const posted = await post(clerk, made.no);
    expect(posted.statusCode, posted.body).toBe(201);
  });
});
