import { describe, expect, it } from 'vitest';
import { runLedgerline, useCliWorkspace } from '../../support/cli.ts';

// `ledgerline approval …` and `post` on the demo company: the CLI goes through the same gate as the API.
const workspace = useCliWorkspace('ledgerline-approval-cli-');
const ledgerline = (...args: string[]) => runLedgerline(workspace.environment(), ['--work-date', '2026-11-25', ...args]);

describe.skipIf(Boolean(process.env.TEST_DATABASE_URL))('ledgerline approval', () => {
  it('sets up an order workflow; an unapproved order neither sends without user setup nor posts', { timeout: 240_000 }, async () => {
    expect((await ledgerline('demo')).status).toBe(0);
    const workflow = await ledgerline('approval', 'workflow-from-template', 'order', '--limit-type', 'firstQualifiedApprover');
    expect(workflow.status, workflow.stderr).toBe(0);
    expect(workflow.json()).toMatchObject({ code: 'SOAPW-01', documentType: 'order', limitType: 'firstQualifiedApprover', enabled: false });
    const enabled = await ledgerline('approval', 'enable', 'SOAPW-01');
    expect(enabled.status, enabled.stderr).toBe(0);
    expect(enabled.json().enabled).toBe(true);

    const created = await ledgerline('create', 'salesOrders', '--data', JSON.stringify({ sellToCustomerNo: 'C00010', lines: [{ type: 'item', no: '1000', quantity: '2' }] }));
    expect(created.status, created.stderr).toBe(0);
    const orderNo = created.json().no as string;
    const posted = await ledgerline('post', 'order', orderNo, '--ship', '--invoice');
    expect(posted.status).toBe(1);
    expect(posted.stderr).toContain('APPROVAL_REQUIRED');
    // The in-process CLI acts as user `cli`, who is no approval user: the request is refused, not sent.
    const sent = await ledgerline('approval', 'send', 'order', orderNo);
    expect(sent.status).toBe(1);
    expect(sent.stderr).toContain('APPROVAL_USER_SETUP_MISSING');
    const history = await ledgerline('approval', 'history', 'order', orderNo);
    expect(history.json()).toEqual({ items: [] });
    expect((await ledgerline('approval', 'requests')).json()).toEqual({ items: [] });
    expect((await ledgerline('approval', 'send', 'postedInvoice', 'X')).stderr).toContain('Unknown document type');

    // The credit-limit variant (§19.8), for orders and invoices only.
    const creditLimit = await ledgerline('approval', 'workflow-from-template', 'invoice', '--credit-limit');
    expect(creditLimit.status, creditLimit.stderr).toBe(0);
    expect(creditLimit.json()).toMatchObject({ code: 'SICLAPW-01', templateCode: 'MS-SICLAPW', checkCreditLimit: true, enabled: false });
    const memoVariant = await ledgerline('approval', 'workflow-from-template', 'creditMemo', '--credit-limit');
    expect(memoVariant.status).toBe(1);
    expect(memoVariant.stderr).toContain('WORKFLOW_CREDIT_LIMIT_VARIANT');

    const disabled = await ledgerline('approval', 'disable', 'SOAPW-01');
    expect(disabled.json().enabled).toBe(false);
    expect((await ledgerline('post', 'order', orderNo, '--ship', '--invoice')).status).toBe(0);
  });
});
