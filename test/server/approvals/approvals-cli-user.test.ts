import { describe, expect, it } from 'vitest';
import { runLedgerline, useCliWorkspace } from '../../support/cli.ts';

// LEDGERLINE_USER: the in-process CLI acts as a named app user with that user's role, so an approver
// approves as themselves; the history of the posted invoice is found from it (Posted Approval Entries).
// The environment is the run's own (runLedgerline passes it to the CLI): process.env is not touched.
const workspace = useCliWorkspace('ledgerline-approval-cli-user-');
const as = (user: string | undefined, ...args: string[]) =>
  runLedgerline({ ...workspace.environment(), ...(user === undefined ? {} : { LEDGERLINE_USER: user }) }, ['--work-date', '2026-11-25', ...args]);
const A = 'anna';
const B = 'bram';

describe.skipIf(Boolean(process.env.TEST_DATABASE_URL))('ledgerline as LEDGERLINE_USER', () => {
  it('A sends, B approves as B, the posted invoice shows the history; an unknown user is refused', { timeout: 240_000 }, async () => {
    expect((await as(undefined, 'demo')).status).toBe(0);
    for (const [user, role] of [[A, 'salesClerk'], [B, 'salesManager']] as const) {
      const added = await as(undefined, 'users', 'add', user, '--role', role, '--password', 'long enough 1');
      expect(added.status, added.stderr).toBe(0);
    }
    for (const setup of [{ userId: A, approverId: B }, { userId: B, unlimitedSalesApproval: true }]) {
      const created = await as(undefined, 'create', 'approvalUserSetups', '--data', JSON.stringify(setup));
      expect(created.status, created.stderr).toBe(0);
    }
    expect((await as(undefined, 'approval', 'workflow-from-template', 'order')).json().code).toBe('SOAPW-01');
    expect((await as(undefined, 'approval', 'enable', 'SOAPW-01')).json().enabled).toBe(true);

    const order = await as(A, 'create', 'salesOrders', '--data', JSON.stringify({ sellToCustomerNo: 'C00010', lines: [{ type: 'item', no: '1000', quantity: '2' }] }));
    expect(order.status, order.stderr).toBe(0);
    const orderNo = order.json().no as string;
    const sent = await as(A, 'approval', 'send', 'order', orderNo);
    expect(sent.status, sent.stderr).toBe(0);
    expect(sent.json().status).toBe('pendingApproval');

    // The entry is B's: `cli` has nothing to approve, B has it.
    expect((await as(undefined, 'approval', 'requests')).json()).toEqual({ items: [] });
    const requests = await as(B, 'approval', 'requests');
    expect(requests.status, requests.stderr).toBe(0);
    const [entry, ...others] = requests.json().items as Array<{ entryNo: number; approverId: string; request: { documentNo: string; senderId: string } }>;
    expect(others).toEqual([]);
    expect(entry).toMatchObject({ approverId: B, request: { documentNo: orderNo, senderId: A } });
    // A (a sales clerk, not the approver) may not approve it.
    const byA = await as(A, 'approval', 'approve', String(entry!.entryNo));
    expect(byA.status).toBe(1);
    const approved = await as(B, 'approval', 'approve', String(entry!.entryNo), '--comment', 'ok');
    expect(approved.status, approved.stderr).toBe(0);
    expect(approved.json()).toEqual({ items: [{ entryNo: entry!.entryNo, documentType: 'order', documentNo: orderNo, documentStatus: 'released' }] });

    const posted = await as(A, 'post', 'order', orderNo, '--ship', '--invoice');
    expect(posted.status, posted.stderr).toBe(0);
    const invoiceNo = posted.json().invoiceNo as string;
    const history = await as(undefined, 'approval', 'history', 'postedInvoice', invoiceNo);
    expect(history.status, history.stderr).toBe(0);
    const [request] = history.json().items as Array<{ documentNo: string; senderId: string; status: string; entries: Array<{ approverId: string; status: string; lastModifiedBy: string; comments: Array<{ userId: string; comment: string }> }> }>;
    expect(request).toMatchObject({ documentNo: orderNo, senderId: A, status: 'approved' });
    expect(request!.entries.map((item) => [item.approverId, item.status, item.lastModifiedBy])).toEqual([[B, 'approved', B]]);
    expect(request!.entries[0]!.comments.map((comment) => [comment.userId, comment.comment])).toEqual([[B, 'ok']]);
    expect((await as(undefined, 'approval', 'history', 'postedShipment', posted.json().shipmentNo)).json().items).toHaveLength(1);
    expect((await as(undefined, 'approval', 'history', 'postedThing', 'X')).stderr).toContain('Unknown document type');

    const unknown = await as('nobody', 'approval', 'requests');
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain("LEDGERLINE_USER names 'nobody', who is no user of this database");
    expect(unknown.stdout).toBe('');
  });
});
