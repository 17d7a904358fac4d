import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifacts } from './support/build-web.ts';
import { chromiumAvailable } from './support/chromium.ts';
import { type BrowserSession, hookTimeout, openBrowserSession, signedInPage, slow } from './support/session.ts';

// The notification bell (spec §19.7): A sends an order for approval over the API; B, signed in in
// the browser, sees one unread notification on the bell, opens the list and follows the link to the
// order, which marks it read.
const A = 'notify-a';
const B = 'notify-b';
const password = 'notify me please';

describe.skipIf(!chromiumAvailable())('the notification bell', () => {
  let session: BrowserSession;
  let context: BrowserContext;
  let orderNo: string;

  beforeAll(async () => {
    session = await openBrowserSession({
      prepare: async (api) => {
        await api.call('POST', '/api/v1/users', { username: A, role: 'salesClerk', password });
        await api.call('POST', '/api/v1/users', { username: B, role: 'salesManager', password });
        await api.call('POST', '/api/v1/approvalUserSetups', { userId: A, approverId: B });
        await api.call('POST', '/api/v1/approvalUserSetups', { userId: B, unlimitedSalesApproval: true });
        const workflow = await api.call<{ code: string }>('POST', '/api/v1/approvalWorkflows/fromTemplate', { documentType: 'order' });
        await api.call('POST', `/api/v1/approvalWorkflows/${workflow.code}/enable`);
      },
    });
    const address = session.server.address;
    const { token } = await (await fetch(`${address}/api/v1/auth/token`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: A, password }),
    })).json() as { token: string };
    const asA = async (path: string, body: unknown) => {
      const response = await fetch(`${address}${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      expect(response.ok, await response.clone().text()).toBe(true);
      return response.json() as Promise<{ no: string }>;
    };
    orderNo = (await asA('/api/v1/salesOrders', { sellToCustomerNo: 'C00040', lines: [{ type: 'glAccount', no: '8040', quantity: '1', unitPrice: '800' }] })).no;
    await asA(`/api/v1/salesOrders/${orderNo}/sendApprovalRequest`, {});
  }, hookTimeout);
  afterAll(async () => {
    await context?.close();
    await session?.close();
  }, hookTimeout);

  it('shows B the unread request and leads to the order', async () => {
    const signedIn = await signedInPage(session.browser, session.server.address, { username: B, password });
    context = signedIn.context;
    const page: Page = signedIn.page;

    const bell = page.getByRole('button', { name: 'Notifications, 1 unread' });
    await bell.waitFor(slow);
    await bell.click();
    const notification = page.getByTestId('notification');
    await notification.waitFor(slow);
    expect(await notification.textContent()).toContain(`${A} requests your approval of Sales Order ${orderNo}`);
    await page.screenshot({ path: join(artifacts, 'approval-notifications-bell.png') });
    expect(await notification.getByRole('link', { name: 'Requests to Approve' }).getAttribute('href')).toBe('/requests-to-approve');
    await notification.getByRole('link', { name: `Open ${orderNo}` }).click();
    await page.waitForURL(`**/sales/orders/${orderNo}`, slow);
    await page.getByRole('button', { name: 'Notifications', exact: true }).waitFor(slow);
  }, hookTimeout);
});
