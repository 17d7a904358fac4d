import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifacts } from './support/build-web.ts';
import { chromiumAvailable } from './support/chromium.ts';
import { type BrowserSession, hookTimeout, openBrowserSession, slow } from './support/session.ts';

// Posted Approval Entries on the web (spec §19.6): an order sent by A and approved by B (with a
// comment) is posted; its posted invoice's page shows that history under Approvals…, and a posted
// invoice that never needed approval says so.
const A = 'posted-approval-a';
const B = 'posted-approval-b';
const password = 'approve carefully';

describe.skipIf(!chromiumAvailable())('the approval history of a posted invoice in the browser', () => {
  let session: BrowserSession;
  let approvedInvoiceNo: string;
  let plainInvoiceNo: string;

  beforeAll(async () => {
    session = await openBrowserSession({
      prepare: async (api) => {
        for (const [username, role] of [[A, 'salesClerk'], [B, 'salesManager']] as const) {
          await api.call('POST', '/api/v1/users', { username, role, password });
        }
        await api.call('POST', '/api/v1/approvalUserSetups', { userId: A, approverId: B });
        await api.call('POST', '/api/v1/approvalUserSetups', { userId: B, unlimitedSalesApproval: true });
      },
    });
    const address = session.server.address;
    const as = async (username: string) => {
      const { token } = await (await fetch(`${address}/api/v1/auth/token`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }),
      })).json() as { token: string };
      return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
        const response = await fetch(`${address}${path}`, {
          method, headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
        expect(response.ok, await response.clone().text()).toBe(true);
        return response.json() as Promise<T>;
      };
    };
    // Posted before the workflow exists: no approval.
    plainInvoiceNo = await session.api.postInvoice('C00040', '100');
    const workflow = await session.api.call<{ code: string }>('POST', '/api/v1/approvalWorkflows/fromTemplate', { documentType: 'order' });
    await session.api.call('POST', `/api/v1/approvalWorkflows/${workflow.code}/enable`);
    const asA = await as(A);
    const asB = await as(B);
    const { no } = await asA<{ no: string }>('POST', '/api/v1/salesOrders', { sellToCustomerNo: 'C00040', lines: [{ type: 'glAccount', no: '8040', quantity: '1', unitPrice: '800' }] });
    await asA('POST', `/api/v1/salesOrders/${no}/sendApprovalRequest`, {});
    const { items } = await asB<{ items: Array<{ entryNo: number }> }>('GET', '/api/v1/approvalRequests');
    await asB('POST', '/api/v1/approvalRequests/approve', { entryNos: items.map((entry) => entry.entryNo), comment: 'looks right' });
    approvedInvoiceNo = (await asA<{ invoiceNo: string }>('POST', `/api/v1/salesOrders/${no}/post`, { ship: true, invoice: true })).invoiceNo;
  }, hookTimeout);
  afterAll(async () => session?.close(), hookTimeout);

  it('shows who approved the order under the posted invoice, and nothing under one posted without approval', async () => {
    const { page } = session;
    await page.goto(`${session.server.address}/posted/invoices/${approvedInvoiceNo}`);
    await page.getByRole('heading', { name: new RegExp(`Posted Sales Invoice ${approvedInvoiceNo}`) }).waitFor(slow);
    await page.getByRole('toolbar', { name: 'Actions' }).getByRole('button', { name: 'Approvals…' }).click();
    const table = page.getByRole('table', { name: 'Approval Entries' });
    await table.waitFor(slow);
    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBe(1);
    const cells = (await rows.first().locator('td').allTextContents()).map((text) => text.trim());
    expect(cells.slice(0, 5)).toEqual(['Approved', '1', B, 'Approved', A]);
    expect(cells[6]).toMatch(/^800[.,]00$/);
    expect(cells[7]).toBe(`${B}: looks right`);
    await page.screenshot({ path: join(artifacts, 'posted-approval-entries.png'), fullPage: true });
    await page.keyboard.press('Escape');

    await page.goto(`${session.server.address}/posted/invoices/${plainInvoiceNo}`);
    await page.getByRole('heading', { name: new RegExp(`Posted Sales Invoice ${plainInvoiceNo}`) }).waitFor(slow);
    await page.getByRole('toolbar', { name: 'Actions' }).getByRole('button', { name: 'Approvals…' }).click();
    await page.getByText('This document has not been sent for approval.').waitFor(slow);
  }, hookTimeout);
});
