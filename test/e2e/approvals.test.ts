import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifacts } from './support/build-web.ts';
import { chromiumAvailable } from './support/chromium.ts';
import { type BrowserSession, hookTimeout, openBrowserSession, signedInPage, slow } from './support/session.ts';

// Issue 18 on the web, worked example 12 (§19.9): A (approver B), B (limit 5,000, approver C) and C
// (unlimited) set up over the API; the admin makes a workflow from the Sales Order template with
// Approver Chain and a Due Date Formula of 5D on the Workflows page and enables it (a second, overlapping one is refused). A sends
// an order of 8,000.00 excl. VAT for approval from its page (Pending Approval), B approves it in
// Requests to Approve, then C, and the order is Released. A second order is rejected by B with a
// comment and is Open again, the history showing the rejection and the comment.
const A = 'approval-a';
const B = 'approval-b';
const C = 'approval-c';
const password = 'approve carefully';
const customerNo = 'C00040';

/** The web's work date is today (browser time): the entries fall due five days later (Due Date Formula 5D), written nl-NL. */
function inFiveDays(): string {
  const date = new Date();
  date.setDate(date.getDate() + 5);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${pad(date.getDate())}-${pad(date.getMonth() + 1)}-${date.getFullYear()}`;
}

describe.skipIf(!chromiumAvailable())('approval of a sales order in the browser (issue 18)', () => {
  let session: BrowserSession;
  let page: Page;
  const contexts: BrowserContext[] = [];
  let orderNo: string;
  let rejectedNo: string;

  const newOrder = async (unitPrice: string) => (await session.api.call<{ no: string }>('POST', '/api/v1/salesOrders', {
    sellToCustomerNo: customerNo, lines: [{ type: 'glAccount', no: '8040', quantity: '1', unitPrice }],
  })).no;

  beforeAll(async () => {
    session = await openBrowserSession({
      prepare: async (api) => {
        for (const [username, role] of [[A, 'salesClerk'], [B, 'salesManager'], [C, 'salesManager']] as const) {
          await api.call('POST', '/api/v1/users', { username, role, password, fullName: `User ${username.slice(-1).toUpperCase()}` });
        }
        await api.call('POST', '/api/v1/approvalUserSetups', { userId: A, approverId: B });
        await api.call('POST', '/api/v1/approvalUserSetups', { userId: B, approverId: C, salesAmountApprovalLimit: '5000' });
        await api.call('POST', '/api/v1/approvalUserSetups', { userId: C, unlimitedSalesApproval: true });
      },
    });
    page = session.page;
    orderNo = await newOrder('8000');
    rejectedNo = await newOrder('3000');
  }, hookTimeout);
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await session?.close();
  }, hookTimeout);

  const address = (path: string) => `${session.server.address}${path}`;
  const screenshot = (target: Page, name: string) => target.screenshot({ path: join(artifacts, `approvals-${name}.png`), fullPage: true });

  /** A page of its own (own session storage) signed in as that user. */
  async function signedIn(username: string): Promise<Page> {
    const { context, page: userPage } = await signedInPage(session.browser, session.server.address, { username, password });
    contexts.push(context);
    return userPage;
  }

  const statusOf = async (target: Page) => target.getByTestId('document-status').textContent();

  /** Requests to Approve: the row of the document, selected, and the action with a comment. */
  async function actOn(target: Page, documentNo: string, action: 'Approve' | 'Reject', comment = '') {
    await target.goto(address('/requests-to-approve'));
    const table = target.getByRole('table', { name: 'Requests to Approve' });
    const row = table.getByRole('row').filter({ hasText: documentNo });
    await row.waitFor(slow);
    expect(await row.textContent()).toContain(customerNo);
    await row.getByRole('checkbox').check();
    if (comment) await target.getByLabel('Comment').fill(comment);
    await target.getByRole('button', { name: action, exact: true }).click();
    await target.getByRole('status').filter({ hasText: `${action === 'Approve' ? 'Approved' : 'Rejected'} 1 entry.` }).waitFor(slow);
    await expect.poll(() => table.getByRole('row').filter({ hasText: documentNo }).count(), slow).toBe(0);
  }

  it('makes a workflow from the Sales Order template with Approver Chain and enables it; an overlapping one is refused', async () => {
    try {
      await page.goto(address('/workflows'));
      await page.getByRole('button', { name: 'New from Template…' }).click();
      const template = page.getByRole('dialog', { name: 'New Workflow from Template' });
      await template.getByRole('combobox', { name: 'Template' }).waitFor(slow);
      expect(await template.getByRole('combobox', { name: 'Template' }).inputValue()).toBe('Sales Order Approval Workflow');
      await template.getByRole('button', { name: 'Create' }).click();
      const editor = page.getByRole('dialog', { name: /^Workflow SOAPW-01/ });
      await editor.waitFor(slow);
      await editor.getByLabel('Description', { exact: true }).fill('Orders by the approver chain');
      await editor.getByLabel('Due Date Formula', { exact: true }).fill('5d');
      await editor.getByRole('combobox', { name: 'Approver Limit Type' }).click();
      await page.getByRole('option', { name: 'Approver Chain', exact: true }).click();
      expect(await editor.getByRole('combobox', { name: 'Approver Type' }).inputValue()).toBe('Approver');
      await editor.getByRole('button', { name: 'Save' }).click();
      await editor.waitFor({ state: 'detached', ...slow });
      const table = page.getByRole('table', { name: 'Workflows' });
      const row = table.getByRole('row').filter({ hasText: 'SOAPW-01' });
      await expect.poll(() => row.textContent(), slow).toContain('Orders by the approver chain');
      expect(await row.textContent()).toContain('Approver Chain');
      await row.getByRole('button', { name: 'Enable' }).click();
      await row.getByText('Enabled', { exact: true }).waitFor(slow);

      // A second order workflow without conditions reacts to the same orders: enabling it is refused.
      await session.api.call('POST', '/api/v1/approvalWorkflows/fromTemplate', { documentType: 'order' });
      const second = table.getByRole('row').filter({ hasText: 'SOAPW-02' });
      await page.reload();
      await second.getByRole('button', { name: 'Enable' }).click();
      const refusal = page.getByRole('alert').filter({ hasText: 'SOAPW-02' });
      await refusal.waitFor(slow);
      expect(await refusal.textContent()).toBe('Workflow SOAPW-02 cannot be enabled: enabled workflow SOAPW-01 already reacts to approval requests of the same sales orders with conditions that overlap.');
      expect(await second.textContent()).toContain('Disabled');
      const workflows = await session.api.call<{ items: Array<{ code: string; enabled: boolean; limitType: string; dueDateFormula: string }> }>('GET', '/api/v1/approvalWorkflows');
      expect(workflows.items.map((workflow) => [workflow.code, workflow.enabled, workflow.limitType, workflow.dueDateFormula]))
        .toEqual([['SOAPW-01', true, 'approverChain', '5D'], ['SOAPW-02', false, 'approverChain', '']]);
      await screenshot(page, 'workflows');
    } catch (error) {
      await screenshot(page, 'failure-workflows');
      throw error;
    }
  }, hookTimeout);

  it('A sends the order of 8,000 for approval, B and then C approve it, and it is released', async () => {
    const pageA = await signedIn(A);
    try {
      await pageA.goto(address(`/sales/orders/${orderNo}`));
      const actions = pageA.getByRole('toolbar', { name: 'Actions' });
      await actions.getByRole('button', { name: 'Send Approval Request' }).waitFor(slow);
      expect(await actions.getByRole('button', { name: 'Cancel Approval Request' }).isDisabled()).toBe(true);
      await actions.getByRole('button', { name: 'Send Approval Request' }).click();
      await expect.poll(() => statusOf(pageA), slow).toBe('Pending Approval');
      expect(await actions.getByRole('button', { name: 'Send Approval Request' }).isDisabled()).toBe(true);

      await actions.getByRole('button', { name: 'Approvals…' }).click();
      const history = pageA.getByRole('dialog', { name: 'Approval Entries' });
      const rows = history.getByRole('table', { name: 'Approval Entries' }).locator('tbody tr');
      await expect.poll(() => rows.count(), slow).toBe(2);
      const cells = await Promise.all((await rows.all()).map(async (row) => (await row.locator('td').allTextContents()).slice(1, 7)));
      expect(cells).toEqual([
        ['1', B, 'Open', A, inFiveDays(), '8.000,00'],
        ['2', C, 'Created', A, inFiveDays(), '8.000,00'],
      ]);
      await screenshot(pageA, 'sent');
      await pageA.keyboard.press('Escape');

      const pageB = await signedIn(B);
      await pageB.goto(address('/requests-to-approve'));
      const rowOfB = pageB.getByRole('table', { name: 'Requests to Approve' }).getByRole('row').filter({ hasText: orderNo });
      await rowOfB.waitFor(slow);
      expect((await rowOfB.locator('td').allTextContents()).slice(1, 7)).toEqual(['Sales Order', orderNo, customerNo, '8.000,00', '8.000,00', A]);
      await screenshot(pageB, 'requests-to-approve');
      await actOn(pageB, orderNo, 'Approve', 'fine by me');

      const pageC = await signedIn(C);
      await actOn(pageC, orderNo, 'Approve');

      await pageA.reload();
      await expect.poll(() => statusOf(pageA), slow).toBe('Released');
      await actions.getByRole('button', { name: 'Approvals…' }).click();
      await expect.poll(async () => (await rows.allTextContents()).map((text) => text.includes('Approved')), slow).toEqual([true, true]);
      expect(await rows.first().textContent()).toContain(`${B}: fine by me`);
      await screenshot(pageA, 'released');
      const order = await session.api.call<{ status: string }>('GET', `/api/v1/salesOrders/${orderNo}`);
      expect(order.status).toBe('released');
    } catch (error) {
      await screenshot(pageA, 'failure-approve');
      throw error;
    }
  }, hookTimeout);

  it('B rejects an order with a comment: it is Open again and its history shows the rejection', async () => {
    const pageA = await signedIn(A);
    try {
      await pageA.goto(address(`/sales/orders/${rejectedNo}`));
      const actions = pageA.getByRole('toolbar', { name: 'Actions' });
      await actions.getByRole('button', { name: 'Send Approval Request' }).click();
      await expect.poll(() => statusOf(pageA), slow).toBe('Pending Approval');

      const pageB = await signedIn(B);
      await actOn(pageB, rejectedNo, 'Reject', 'price too low');
      expect((await session.api.call<{ status: string }>('GET', `/api/v1/salesOrders/${rejectedNo}`)).status).toBe('open');

      await pageA.reload();
      await expect.poll(() => statusOf(pageA), slow).toBe('Open');
      await actions.getByRole('button', { name: 'Approvals…' }).click();
      const rows = pageA.getByRole('dialog', { name: 'Approval Entries' }).locator('tbody tr');
      await expect.poll(() => rows.count(), slow).toBe(1);
      const cells = await rows.first().locator('td').allTextContents();
      expect(cells.slice(0, 6)).toEqual(['Rejected', '1', B, 'Rejected', A, inFiveDays()]);
      expect(cells[6]).toBe('3.000,00');
      expect(cells[7]).toBe(`${B}: price too low`);
    } catch (error) {
      await screenshot(pageA, 'failure-reject');
      throw error;
    }
  }, hookTimeout);
  it('edits an approval user setup and builds a workflow user group with its members on the setup pages', async () => {
    try {
      await page.goto(address('/approval-user-setup'));
      const setups = page.getByRole('table', { name: 'Approval User Setup' });
      const rowOfB = setups.getByRole('row').filter({ hasText: `${B}${C}` });
      await rowOfB.waitFor(slow);
      expect((await rowOfB.locator('td').allTextContents()).slice(0, 4)).toEqual([B, C, '5.000,00', '']);
      await rowOfB.getByRole('button', { name: 'Edit' }).click();
      const dialog = page.getByRole('dialog', { name: `Approval User Setup ${B}` });
      await dialog.getByLabel('Sales Amount Approval Limit').fill('7.500,5');
      await dialog.getByLabel('E-Mail').fill('not an address');
      await dialog.getByRole('button', { name: 'Save' }).click();
      await dialog.getByText('must be an e-mail address').waitFor(slow);
      await dialog.getByLabel('E-Mail').fill('b@ledgerline.example');
      await dialog.getByRole('button', { name: 'Save' }).click();
      await dialog.waitFor({ state: 'detached', ...slow });
      await expect.poll(async () => (await rowOfB.locator('td').allTextContents()).slice(0, 8), slow)
        .toEqual([B, C, '7.500,50', '', '', '', '', 'b@ledgerline.example']);
      expect(await session.api.call('GET', `/api/v1/approvalUserSetups/${B}`)).toMatchObject({ salesAmountApprovalLimit: '7500.50', email: 'b@ledgerline.example' });

      await page.goto(address('/workflow-user-groups'));
      await page.getByRole('button', { name: 'New' }).click();
      const group = page.getByRole('dialog', { name: 'New Workflow User Group' });
      await group.getByLabel('Code', { exact: true }).fill('managers');
      await group.getByLabel('Description', { exact: true }).fill('Sales managers');
      await group.getByRole('button', { name: 'Save' }).click();
      const members = page.getByRole('dialog', { name: 'Workflow User Group MANAGERS' });
      await members.getByRole('table', { name: 'Members' }).waitFor(slow);
      for (const [user, sequence] of [[C, '2'], [B, '1']] as const) {
        await members.getByRole('combobox', { name: 'User ID' }).fill(user);
        await page.getByRole('option', { name: `${user} – User ${user.slice(-1).toUpperCase()}`, exact: true }).click();
        await members.getByLabel('Sequence No.', { exact: true }).fill(sequence);
        await members.getByRole('button', { name: 'Add Member' }).click();
        await members.getByRole('table', { name: 'Members' }).getByRole('row').filter({ hasText: user }).waitFor(slow);
      }
      await expect.poll(() => members.getByRole('table', { name: 'Members' }).locator('tbody tr td:first-child').allTextContents(), slow).toEqual([B, C]);
      const stored = await session.api.call<{ items: Array<{ userId: string; sequenceNo: number }> }>('GET', '/api/v1/workflowUserGroups/MANAGERS/members');
      expect(stored.items.map((member) => [member.userId, member.sequenceNo]).sort()).toEqual([[B, 1], [C, 2]]);
      await screenshot(page, 'group');
    } catch (error) {
      await screenshot(page, 'failure-setup');
      throw error;
    }
  }, hookTimeout);
});
