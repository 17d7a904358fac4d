import { join } from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifacts } from './support/build-web.ts';
import { chromiumAvailable } from './support/chromium.ts';
import { type BrowserSession, hookTimeout, openBrowserSession, signedInPage, slow } from './support/session.ts';

// The approval paths approvals.test.ts leaves out (spec §19.5), each on orders of its own, set up
// over the API: the clerk's orders for C00040 go to one approver (Direct Approver), whose
// substitute is set in the Approval User Setup; orders for C00030 go to a workflow user group whose
// two members share sequence 1. In the browser the clerk sends and cancels a request, the approver
// delegates one to the substitute, who approves it, both group members approve one, and the
// approver rejects one with a comment.
const clerk = 'paths-clerk';
const approver = 'paths-approver';
const substitute = 'paths-substitute';
const memberOne = 'paths-member-1';
const memberTwo = 'paths-member-2';
const password = 'every path counts';
const directCustomer = 'C00040';
const groupCustomer = 'C00030';
const creditCustomer = 'C00050';

describe.skipIf(!chromiumAvailable())('the other approval paths in the browser: cancel, delegate, a parallel group, reject (issue 18)', () => {
  let session: BrowserSession;
  const contexts: BrowserContext[] = [];
  const pages = new Map<string, Page>();

  const newOrder = async (customerNo: string, unitPrice: string) => (await session.api.call<{ no: string }>('POST', '/api/v1/salesOrders', {
    sellToCustomerNo: customerNo, lines: [{ type: 'glAccount', no: '8040', quantity: '1', unitPrice }],
  })).no;
  const statusOverApi = async (orderNo: string) => (await session.api.call<{ status: string }>('GET', `/api/v1/salesOrders/${orderNo}`)).status;

  beforeAll(async () => {
    session = await openBrowserSession({
      prepare: async (api) => {
        for (const [username, role] of [[clerk, 'salesClerk'], [approver, 'salesManager'], [substitute, 'salesManager'], [memberOne, 'salesManager'], [memberTwo, 'salesManager']] as const) {
          await api.call('POST', '/api/v1/users', { username, role, password });
        }
        await api.call('POST', '/api/v1/approvalUserSetups', { userId: clerk, approverId: approver });
        await api.call('POST', '/api/v1/approvalUserSetups', { userId: approver, unlimitedSalesApproval: true, substitute });
        for (const userId of [substitute, memberOne, memberTwo]) await api.call('POST', '/api/v1/approvalUserSetups', { userId, unlimitedSalesApproval: true });
        await api.call('POST', '/api/v1/workflowUserGroups', { code: 'PAIR', description: 'Two side by side' });
        for (const userId of [memberOne, memberTwo]) await api.call('POST', '/api/v1/workflowUserGroups/PAIR/members', { userId, sequenceNo: 1 });
        const direct = await api.call<{ code: string }>('POST', '/api/v1/approvalWorkflows/fromTemplate', {
          documentType: 'order', approverType: 'approver', limitType: 'directApprover', customerNo: directCustomer,
        });
        const group = await api.call<{ code: string }>('POST', '/api/v1/approvalWorkflows/fromTemplate', {
          documentType: 'order', approverType: 'workflowUserGroup', workflowUserGroupCode: 'PAIR', customerNo: groupCustomer,
        });
        for (const workflow of [direct, group]) await api.call('POST', `/api/v1/approvalWorkflows/${workflow.code}/enable`);
      },
    });
  }, hookTimeout);
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await session?.close();
  }, hookTimeout);

  const address = (path: string) => `${session.server.address}${path}`;
  const screenshot = (target: Page, name: string) => target.screenshot({ path: join(artifacts, `approval-paths-${name}.png`), fullPage: true });

  /** The user's page (a context of its own, signed in once). */
  async function pageOf(username: string): Promise<Page> {
    const known = pages.get(username);
    if (known) return known;
    const { context, page } = await signedInPage(session.browser, session.server.address, { username, password });
    contexts.push(context);
    pages.set(username, page);
    return page;
  }

  const statusOf = (page: Page) => page.getByTestId('document-status').textContent();
  const actionsOf = (page: Page) => page.getByRole('toolbar', { name: 'Actions' });

  /** The clerk opens the order and sends it for approval from its page. */
  async function sendFromPage(orderNo: string): Promise<Page> {
    const page = await pageOf(clerk);
    await page.goto(address(`/sales/orders/${orderNo}`));
    const send = actionsOf(page).getByRole('button', { name: 'Send Approval Request' });
    await send.waitFor(slow);
    await expect.poll(() => send.isEnabled(), slow).toBe(true);
    await send.click();
    await expect.poll(() => statusOf(page), slow).toBe('Pending Approval');
    return page;
  }

  /** Requests to Approve of the user, opened afresh; the table. */
  async function requestsOf(username: string): Promise<{ page: Page; table: Locator }> {
    const page = await pageOf(username);
    await page.goto(address('/requests-to-approve'));
    const table = page.getByRole('table', { name: 'Requests to Approve' });
    await table.waitFor(slow);
    return { page, table };
  }
  const rowsFor = (table: Locator, orderNo: string) => table.getByRole('row').filter({ hasText: orderNo });
  /** Requests to Approve is read once its first answer is in (the row of another document or the empty text). */
  const listed = async (page: Page, table: Locator, orderNo: string) => {
    await page.getByText('No requests are waiting for your approval.').or(table.locator('tbody tr').first()).waitFor(slow);
    return rowsFor(table, orderNo).count();
  };

  /** On Requests to Approve, the document's row selected and the action taken (with a comment); the status line says what was done. */
  async function actOn(username: string, orderNo: string, action: 'Approve' | 'Reject' | 'Delegate', comment = ''): Promise<Page> {
    const { page, table } = await requestsOf(username);
    const row = rowsFor(table, orderNo);
    await row.waitFor(slow);
    await row.getByRole('checkbox', { name: `Select ${orderNo}` }).check();
    if (comment) await page.getByLabel('Comment').fill(comment);
    await page.getByRole('button', { name: action, exact: true }).click();
    const outcome = page.getByRole('status');
    await outcome.waitFor(slow);
    await expect.poll(() => rowsFor(table, orderNo).count(), slow).toBe(0);
    return page;
  }

  /** The approval history of the order on its page: per entry, the request's badge, sequence, approver, status and comments. */
  async function historyOf(page: Page, orderNo: string): Promise<string[][]> {
    await page.goto(address(`/sales/orders/${orderNo}`));
    await actionsOf(page).getByRole('button', { name: 'Approvals…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Approval Entries' });
    const rows = dialog.getByRole('table', { name: 'Approval Entries' }).locator('tbody tr');
    await rows.first().waitFor(slow);
    const cells = await Promise.all((await rows.all()).map((row) => row.locator('td').allTextContents()));
    return cells.map((row) => [row[0]!, row[1]!, row[2]!, row[3]!, row[4]!, row[7]!]);
  }

  it('the clerk sends an order and cancels it from its page: Open again, the entries Canceled, gone from the approver\'s list', async () => {
    const orderNo = await newOrder(directCustomer, '1200');
    const page = await sendFromPage(orderNo);
    try {
      const approverList = await requestsOf(approver);
      await rowsFor(approverList.table, orderNo).waitFor(slow);
      expect((await rowsFor(approverList.table, orderNo).locator('td').allTextContents()).slice(1, 8))
        .toEqual(['Sales Order', orderNo, directCustomer, '1.200,00', '1.200,00', clerk, '1']);

      const cancel = actionsOf(page).getByRole('button', { name: 'Cancel Approval Request' });
      expect(await cancel.isEnabled()).toBe(true);
      await cancel.click();
      await expect.poll(() => statusOf(page), slow).toBe('Open');
      expect(await cancel.isDisabled()).toBe(true);
      expect(await actionsOf(page).getByRole('button', { name: 'Send Approval Request' }).isEnabled()).toBe(true);
      expect(await statusOverApi(orderNo)).toBe('open');

      expect(await historyOf(page, orderNo)).toEqual([['Canceled', '1', approver, 'Canceled', clerk, '']]);
      await screenshot(page, 'canceled');

      const again = await requestsOf(approver);
      expect(await listed(again.page, again.table, orderNo)).toBe(0);
    } catch (error) {
      await screenshot(page, 'failure-cancel');
      throw error;
    }
  }, hookTimeout);

  it('the approver delegates a request to the substitute, who approves it: the order is Released', async () => {
    const orderNo = await newOrder(directCustomer, '2500');
    const page = await sendFromPage(orderNo);
    try {
      const approverPage = await actOn(approver, orderNo, 'Delegate');
      expect(await approverPage.getByRole('status').textContent()).toBe('Delegated 1 entry.');
      expect(await statusOverApi(orderNo)).toBe('pendingApproval');

      const { table } = await requestsOf(substitute);
      const row = rowsFor(table, orderNo);
      await row.waitFor(slow);
      expect((await row.locator('td').allTextContents()).slice(1, 7)).toEqual(['Sales Order', orderNo, directCustomer, '2.500,00', '2.500,00', clerk]);
      const substitutePage = await actOn(substitute, orderNo, 'Approve');
      expect(await substitutePage.getByRole('status').textContent()).toBe(`Approved 1 entry. Released: ${orderNo}.`);

      expect(await historyOf(page, orderNo)).toEqual([['Approved', '1', substitute, 'Approved', clerk, '']]);
      expect(await statusOf(page)).toBe('Released');
      expect(await statusOverApi(orderNo)).toBe('released');
      await screenshot(page, 'delegated-released');
    } catch (error) {
      await screenshot(page, 'failure-delegate');
      throw error;
    }
  }, hookTimeout);

  it('a workflow user group with two members of one sequence: the order waits for both approvals, then it is Released', async () => {
    const orderNo = await newOrder(groupCustomer, '640');
    const page = await sendFromPage(orderNo);
    try {
      const sent = await historyOf(page, orderNo);
      expect(sent.map((row) => row.slice(1, 4)).sort()).toEqual([['1', memberOne, 'Open'], ['1', memberTwo, 'Open']]);
      await page.keyboard.press('Escape');

      const firstPage = await actOn(memberOne, orderNo, 'Approve', 'one of two');
      expect(await firstPage.getByRole('status').textContent()).toBe('Approved 1 entry.');
      expect(await statusOverApi(orderNo)).toBe('pendingApproval');
      await page.reload();
      await expect.poll(() => statusOf(page), slow).toBe('Pending Approval');

      const secondPage = await actOn(memberTwo, orderNo, 'Approve');
      expect(await secondPage.getByRole('status').textContent()).toBe(`Approved 1 entry. Released: ${orderNo}.`);
      expect(await statusOverApi(orderNo)).toBe('released');

      const history = await historyOf(page, orderNo);
      expect(await statusOf(page)).toBe('Released');
      expect(history.map((row) => [row[2], row[3], row[5]]).sort()).toEqual([[memberOne, 'Approved', `${memberOne}: one of two`], [memberTwo, 'Approved', '']]);
      await screenshot(page, 'group-released');
    } catch (error) {
      await screenshot(page, 'failure-group');
      throw error;
    }
  }, hookTimeout);

  it('the approver rejects with a comment: the order is Open and the history shows the rejection and the comment', async () => {
    const orderNo = await newOrder(directCustomer, '990');
    const page = await sendFromPage(orderNo);
    try {
      const approverPage = await actOn(approver, orderNo, 'Reject', 'discount missing');
      expect(await approverPage.getByRole('status').textContent()).toBe('Rejected 1 entry.');
      expect(await statusOverApi(orderNo)).toBe('open');

      expect(await historyOf(page, orderNo)).toEqual([['Rejected', '1', approver, 'Rejected', clerk, `${approver}: discount missing`]]);
      expect(await statusOf(page)).toBe('Open');
      expect(await actionsOf(page).getByRole('button', { name: 'Send Approval Request' }).isEnabled()).toBe(true);
      await screenshot(page, 'rejected');
    } catch (error) {
      await screenshot(page, 'failure-reject');
      throw error;
    }
  }, hookTimeout);

  it('the administrator makes a credit-limit workflow from its template: within the limit Send releases at once, over it the approver is asked (§19.8)', async () => {
    const page = session.page;
    await session.api.call('PATCH', `/api/v1/customers/${creditCustomer}`, { creditLimitLcy: '5000' });
    try {
      await page.goto(address('/workflows'));
      await page.getByRole('button', { name: 'New from Template…' }).click();
      const template = page.getByRole('dialog', { name: 'New Workflow from Template' });
      await template.getByRole('combobox', { name: 'Template' }).click();
      await page.getByRole('option', { name: 'Sales Order Credit Limit Approval Workflow', exact: true }).click();
      await template.getByRole('button', { name: 'Create' }).click();
      const editor = page.getByRole('dialog', { name: /^Workflow SOCLAPW-01/ });
      await editor.waitFor(slow);
      // Conditions keep it apart from the two enabled order workflows.
      await editor.getByLabel('Customer No.', { exact: true }).fill(creditCustomer);
      await editor.getByRole('button', { name: 'Save' }).click();
      await editor.waitFor({ state: 'detached', ...slow });
      const row = page.getByRole('table', { name: 'Workflows' }).getByRole('row').filter({ hasText: 'SOCLAPW-01' });
      await expect.poll(() => row.textContent(), slow).toContain('Sales Order (credit limit)');
      await row.getByRole('button', { name: 'Enable' }).click();
      await row.getByText('Enabled', { exact: true }).waitFor(slow);

      const within = await newOrder(creditCustomer, '1000');
      const clerkPage = await pageOf(clerk);
      await clerkPage.goto(address(`/sales/orders/${within}`));
      await actionsOf(clerkPage).getByRole('button', { name: 'Send Approval Request' }).click();
      await expect.poll(() => statusOf(clerkPage), slow).toBe('Released');
      expect(await historyOf(clerkPage, within)).toEqual([['Approved', '1', clerk, 'Approved', clerk, '']]);

      const over = await newOrder(creditCustomer, '9000');
      await sendFromPage(over);
      const approverList = await requestsOf(approver);
      await rowsFor(approverList.table, over).waitFor(slow);
      expect(await statusOverApi(over)).toBe('pendingApproval');
    } catch (error) {
      await screenshot(page, 'failure-credit-limit');
      throw error;
    }
  }, hookTimeout);

  it('a setup record is deleted only after Yes; a group an enabled workflow uses is refused in the dialog with the reason', async () => {
    const page = session.page;
    await session.api.call('POST', '/api/v1/workflowUserGroups', { code: 'SPARE', description: 'Not used' });
    try {
      await page.goto(address('/workflow-user-groups'));
      const table = page.getByRole('table', { name: 'Workflow User Groups' });
      const spare = table.getByRole('row').filter({ hasText: 'SPARE' });
      await spare.getByRole('button', { name: 'Delete' }).click();
      const confirm = page.getByRole('dialog', { name: 'Delete SPARE' });
      // The dialog opens with an animation: wait for the question rather than look at once.
      await confirm.getByText('Do you want to delete SPARE?').waitFor(slow);
      await confirm.getByRole('button', { name: 'No' }).click();
      await confirm.waitFor({ state: 'detached', ...slow });
      expect(await spare.count()).toBe(1);
      await spare.getByRole('button', { name: 'Delete' }).click();
      await page.getByRole('dialog', { name: 'Delete SPARE' }).getByRole('button', { name: 'Yes' }).click();
      await expect.poll(() => spare.count(), slow).toBe(0);

      await table.getByRole('row').filter({ hasText: 'PAIR' }).getByRole('button', { name: 'Delete' }).click();
      const refused = page.getByRole('dialog', { name: 'Delete PAIR' });
      await refused.getByRole('button', { name: 'Yes' }).click();
      await refused.getByRole('alert').waitFor(slow);
      expect(await refused.getByRole('alert').textContent()).toContain('It cannot be deleted');
      await refused.getByRole('button', { name: 'Close' }).click();
      expect(await table.getByRole('row').filter({ hasText: 'PAIR' }).count()).toBe(1);
    } catch (error) {
      await screenshot(page, 'failure-setup-delete');
      throw error;
    }
  }, hookTimeout);
});
