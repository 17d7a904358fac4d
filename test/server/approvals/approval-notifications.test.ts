import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import type { Role } from '../../../src/core/access/roles.ts';
import { emailOutbox } from '../../../src/server/db/schema/index.ts';
import { postgresErrorCode } from '../../../src/server/db/constraint-errors.ts';
import { testApi, type TestApi } from '../../support/api.ts';
import { callerAs, exampleApprovers, givenExampleApprovers, ok, type Caller } from '../../support/given-approvals.ts';
import { created } from '../../support/given.ts';

/**
 * Approval notifications (spec §19.7) over HTTP, on worked example 12 (§19.9): A =
 * salesclerk-user (approver B), B = salesmanager-user (limit 5,000, approver C), C =
 * accountant-user (unlimited). Item 1000 at 100.00, so 80 pieces are 8,000 excl. VAT.
 */
let api: TestApi;
const { A, B, C } = exampleApprovers;
const workDate = '2026-03-02';
const as = (role: Role, date = workDate) => callerAs(() => api, role, date);
const clerk = as('salesClerk');
const manager = as('salesManager');
const accountant = as('accountant');
const admin = as('admin');


beforeEach(async () => {
  api = await testApi();
  await givenExampleApprovers(api, { A: { email: 'a@contoso.example' }, B: { email: 'b@contoso.example' } });
});
afterEach(async () => {
  delete process.env.LEDGERLINE_PUBLIC_URL;
  await api.close();
});

async function orderWorkflow(fields: Record<string, unknown> = {}) {
  const workflow = await ok(admin, 'POST', '/api/v1/approvalWorkflows/fromTemplate', { documentType: 'order', ...fields });
  await ok(admin, 'POST', `/api/v1/approvalWorkflows/${workflow.code}/enable`);
}

async function sentOrder(quantity = '80') {
  const no = (await ok(clerk, 'POST', '/api/v1/salesOrders', { sellToCustomerNo: 'C', lines: [{ type: 'item', no: '1000', quantity, unitPrice: '100' }] })).no as string;
  await ok(clerk, 'POST', `/api/v1/salesOrders/${no}/sendApprovalRequest`);
  return no;
}

interface Notification { id: number; notificationType: string; documentNo: string; entryNo: number | null; message: string; readAt: string | null; link: string }
const notifications = async (send: Caller, query = '') => (await ok(send, 'GET', `/api/v1/notifications${query}`)) as { items: Notification[]; unreadCount: number };
const kinds = async (send: Caller) => (await notifications(send)).items.map((item) => [item.notificationType, item.documentNo]);
const openEntryOf = async (send: Caller) => ((await ok(send, 'GET', '/api/v1/approvalRequests')).items as Array<{ entryNo: number; lastModifiedAt: string }>)[0]!;

describe('notifications of the approval actions (worked example 12)', () => {
  it('B is notified on send, C after B approves, A after C approves; each reads and marks their own', async () => {
    await orderWorkflow();
    const no = await sentOrder();
    expect(await kinds(manager)).toEqual([['approvalRequest', no]]);
    expect(await kinds(accountant)).toEqual([]);
    expect(await kinds(clerk)).toEqual([]);
    const [toB] = (await notifications(manager)).items;
    expect(toB).toMatchObject({ readAt: null, link: `/sales/orders/${no}` });
    expect(toB!.message).toBe(`${A} requests your approval of Sales Order ${no} (8000.00, due ${workDate}).`);

    await ok(manager, 'POST', '/api/v1/approvalRequests/approve', { entryNos: [(await openEntryOf(manager)).entryNo] });
    expect(await kinds(accountant)).toEqual([['approvalRequest', no]]);
    expect(await kinds(clerk)).toEqual([]);
    await ok(accountant, 'POST', '/api/v1/approvalRequests/approve', { entryNos: [(await openEntryOf(accountant)).entryNo] });
    expect(await kinds(clerk)).toEqual([['approved', no]]);
    expect((await notifications(clerk)).items[0]!.message).toBe(`Sales Order ${no} (8000.00) is approved; the last approval was by ${C}.`);
    expect((await ok(clerk, 'GET', `/api/v1/salesOrders/${no}`)).status).toBe('released');

    // Marking read: only the user's own; the unread count follows.
    expect((await notifications(manager)).unreadCount).toBe(1);
    expect(await ok(clerk, 'POST', '/api/v1/notifications/markRead', { ids: [toB!.id] })).toEqual({ marked: 0 });
    expect(await ok(manager, 'POST', '/api/v1/notifications/markRead', { ids: [toB!.id] })).toEqual({ marked: 1 });
    const afterRead = await notifications(manager);
    expect(afterRead.unreadCount).toBe(0);
    expect(afterRead.items[0]!.readAt).not.toBeNull();
    expect((await notifications(manager, '?unread=true')).items).toEqual([]);
    expect(await ok(accountant, 'POST', '/api/v1/notifications/markRead', { all: true })).toEqual({ marked: 1 });
    expect((await manager('POST', '/api/v1/notifications/markRead', {})).statusCode).toBe(400);
  });

  it('reject notifies A; cancel by A notifies nobody, by an approval administrator notifies A', async () => {
    await orderWorkflow();
    const no = await sentOrder();
    await ok(manager, 'POST', '/api/v1/approvalRequests/reject', { entryNos: [(await openEntryOf(manager)).entryNo] });
    expect(await kinds(clerk)).toEqual([['rejected', no]]);
    expect((await notifications(clerk)).items[0]!.message).toBe(`Sales Order ${no} (8000.00) was rejected by ${B}.`);

    await ok(clerk, 'POST', `/api/v1/salesOrders/${no}/sendApprovalRequest`);
    await ok(clerk, 'POST', `/api/v1/salesOrders/${no}/cancelApprovalRequest`);
    expect(await kinds(clerk)).toEqual([['rejected', no]]);
    expect(await kinds(manager)).toEqual([['approvalRequest', no], ['approvalRequest', no]]);

    await created(api.as('admin'), '/api/v1/approvalUserSetups', { userId: 'admin-user', approvalAdministrator: true });
    await ok(clerk, 'POST', `/api/v1/salesOrders/${no}/sendApprovalRequest`);
    await ok(admin, 'POST', `/api/v1/salesOrders/${no}/cancelApprovalRequest`);
    expect(await kinds(clerk)).toEqual([['cancelled', no], ['rejected', no]]);
  });

  it('queues an email with the document link when SMTP is set up and the recipient has an email', async () => {
    await orderWorkflow();
    const withoutSmtp = await sentOrder();
    expect(await api.db.select().from(emailOutbox)).toEqual([]);
    await ok(admin, 'PATCH', '/api/v1/smtpSetup', { host: '127.0.0.1', port: 2525, security: 'none', senderAddress: 'erp@contoso.example' });
    process.env.LEDGERLINE_PUBLIC_URL = 'https://erp.contoso.example/';
    const no = await sentOrder();
    expect(no).not.toBe(withoutSmtp);
    const [mail, ...more] = await api.db.select().from(emailOutbox);
    expect(more).toEqual([]);
    expect(mail).toMatchObject({ toAddresses: 'b@contoso.example', subject: `Approval: Sales Order ${no}`, documentType: 'order', documentNo: no, status: 'queued', customerNo: 'C' });
    expect(mail!.htmlBody).toContain(`<a href="https://erp.contoso.example/sales/orders/${no}">`);
    expect(mail!.htmlBody).toContain(`${A} requests your approval of Sales Order ${no}`);
    // C has no email: B's approval notifies C in the app only.
    const entries = (await ok(manager, 'GET', '/api/v1/approvalRequests')).items as Array<{ entryNo: number; request: { documentNo: string } }>;
    await ok(manager, 'POST', '/api/v1/approvalRequests/approve', { entryNos: [entries.find((entry) => entry.request.documentNo === no)!.entryNo] });
    expect(await kinds(accountant)).toEqual([['approvalRequest', no]]);
    expect(await api.db.select({ to: emailOutbox.toAddresses }).from(emailOutbox)).toEqual([{ to: 'b@contoso.example' }]);
  });

  it('only read_at of a notification may change', async () => {
    await orderWorkflow();
    await sentOrder();
    const error = await api.db.execute(sql`update approval_notification set message = 'changed'`).catch((caught: unknown) => caught);
    expect(postgresErrorCode(error)).toBe('P0001');
    const deleted = await api.db.execute(sql`delete from approval_notification`).catch((caught: unknown) => caught);
    expect(postgresErrorCode(deleted)).toBe('P0001');
  });
});

describe('automatic delegation (Delegate After)', () => {
  it('delegates the open entry to the substitute once the delay has passed, and notifies them', async () => {
    await created(api.as('admin'), '/api/v1/approvalUserSetups', { userId: 'admin-user', unlimitedSalesApproval: true });
    await ok(admin, 'PATCH', `/api/v1/approvalUserSetups/${B}`, { substitute: 'admin-user' });
    await orderWorkflow({ delegateAfter: '2D' });
    const no = await sentOrder();
    const entry = await openEntryOf(manager);
    const opened = entry.lastModifiedAt.slice(0, 10);
    const day = (offset: number) => new Date(Date.parse(`${opened}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);

    expect(await ok(as('admin', day(1)), 'POST', '/api/v1/approvalRequests/delegateDue')).toEqual({ delegated: [], skipped: [] });
    expect((await openEntryOf(manager)).entryNo).toBe(entry.entryNo);

    expect(await ok(as('admin', day(2)), 'POST', '/api/v1/approvalRequests/delegateDue')).toEqual({
      delegated: [{ entryNo: entry.entryNo, documentType: 'order', documentNo: no, from: B, to: 'admin-user' }], skipped: [],
    });
    expect((await ok(manager, 'GET', '/api/v1/approvalRequests')).items).toEqual([]);
    expect((await openEntryOf(admin))).toMatchObject({ entryNo: entry.entryNo, approverId: 'admin-user', lastModifiedBy: 'automatic-delegation' });
    expect(await kinds(admin)).toEqual([['delegated', no]]);
    // The delay starts again from the day of the delegation (today's date here): a day later nothing moves.
    expect(await ok(as('admin', day(1)), 'POST', '/api/v1/approvalRequests/delegateDue')).toEqual({ delegated: [], skipped: [] });
    expect(await kinds(admin)).toEqual([['delegated', no]]);
  });

  it('never delegates when the workflow says never', async () => {
    await orderWorkflow();
    await sentOrder();
    expect(await ok(as('admin', '2099-01-01'), 'POST', '/api/v1/approvalRequests/delegateDue')).toEqual({ delegated: [], skipped: [] });
  });
});

describe('Send Overdue Approval Notifications', () => {
  it('notifies the approver, their approver and the sender once per day', async () => {
    await orderWorkflow({ dueDateFormula: '1D' });
    const no = await sentOrder();
    const overdue = (date: string) => ok(as('admin', date), 'POST', '/api/v1/approvalRequests/sendOverdueNotifications');
    expect(await overdue('2026-03-03')).toMatchObject({ overdueEntries: 0, notified: [] });

    const first = await overdue('2026-03-04');
    expect(first.overdueEntries).toBe(1);
    expect(first.notified.map((row: { recipientId: string }) => row.recipientId).sort()).toEqual([A, B, C].sort());
    expect(first.notified[0].message).toBe(`The approval of Sales Order ${no} (8000.00) by ${B} is overdue, due 2026-03-03.`);
    expect(await kinds(clerk)).toEqual([['overdue', no]]);
    expect(await kinds(accountant)).toEqual([['overdue', no]]);
    expect(await kinds(manager)).toEqual([['overdue', no], ['approvalRequest', no]]);

    expect(await overdue('2026-03-04')).toMatchObject({ overdueEntries: 1, notified: [] });
    expect(await kinds(clerk)).toEqual([['overdue', no]]);
    expect((await overdue('2026-03-05')).notified).toHaveLength(3);
    expect(await kinds(clerk)).toEqual([['overdue', no], ['overdue', no]]);
  });

  it('is for approval administrators', async () => {
    await orderWorkflow({ dueDateFormula: '1D' });
    await sentOrder();
    const refused = await as('salesManager', '2026-03-04')('POST', '/api/v1/approvalRequests/sendOverdueNotifications');
    expect(refused.statusCode).toBe(403);
    expect((await api.db.select().from(emailOutbox).where(eq(emailOutbox.documentType, 'order')))).toEqual([]);
    await ok(admin, 'PATCH', `/api/v1/approvalUserSetups/${B}`, { approvalAdministrator: true });
    expect((await ok(as('salesManager', '2026-03-04'), 'POST', '/api/v1/approvalRequests/sendOverdueNotifications')).notified).toHaveLength(3);
  });
});
