import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Role } from '../../../src/core/access/roles.ts';
import { approvalDocumentTypes, type ApprovalDocumentType } from '../../../src/core/approvals/types.ts';
import { salesDescriptor } from '../../../src/core/documents/document-descriptors.ts';
import { emailOutboxDocumentTypes } from '../../../src/core/email/email.schemas.ts';
import { testApi, type TestApi } from '../../support/api.ts';
import { givenInventory, givenPostingCompany } from '../../support/given-posting.ts';
import { created } from '../../support/given.ts';
import { startSmtpTestServer, type SmtpTestServer } from '../../support/smtp-test-server.ts';

/**
 * Approval notification emails (spec §19.7) for every approval document type, not only those the
 * document-email feature sends (quote, order, invoice): A = salesclerk-user sends, B =
 * salesmanager-user (limit 5,000, has an email) is the approver of 1,000.00.
 */
let api: TestApi;
let smtp: SmtpTestServer;
const A = 'salesclerk-user';
const B = 'salesmanager-user';
type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
const as = (role: Role) => (method: Method, url: string, body?: unknown) => api.as(role)(method, url, body, { 'x-work-date': '2026-03-02' });
const clerk = as('salesClerk');
const manager = as('salesManager');
const admin = as('admin');
const previousPublicUrl = process.env.LEDGERLINE_PUBLIC_URL;

async function ok(send: ReturnType<typeof as>, method: Method, url: string, body?: unknown) {
  const response = await send(method, url, body);
  expect(response.statusCode, `${method} ${url}: ${response.body}`).toBeLessThan(300);
  return response.json();
}

beforeEach(async () => {
  api = await testApi();
  smtp = await startSmtpTestServer();
  await givenPostingCompany(api);
  await givenInventory(api.as('admin'), '2026-03-01', [{ itemNo: '1000', quantity: '500', unitCost: '60' }]);
  await created(api.as('admin'), '/api/v1/approvalUserSetups', { userId: A, approverId: B, email: 'a@contoso.example' });
  await created(api.as('admin'), '/api/v1/approvalUserSetups', { userId: B, salesAmountApprovalLimit: '5000', email: 'b@contoso.example' });
  await ok(admin, 'PATCH', '/api/v1/smtpSetup', { host: '127.0.0.1', port: smtp.port, security: 'none', senderAddress: 'erp@contoso.example' });
  // Blanket Order Nos. (givenPostingCompany sets the other series).
  await created(api.as('admin'), '/api/v1/noSeries', { code: 'S-BLK' });
  await created(api.as('admin'), '/api/v1/noSeries/S-BLK/lines', { startingNo: 'BO0001' });
  await ok(admin, 'PATCH', '/api/v1/salesReceivablesSetup', { blanketOrderNos: 'S-BLK' });
  process.env.LEDGERLINE_PUBLIC_URL = 'https://erp.contoso.example';
});
afterEach(async () => {
  if (previousPublicUrl === undefined) delete process.env.LEDGERLINE_PUBLIC_URL;
  else process.env.LEDGERLINE_PUBLIC_URL = previousPublicUrl;
  await smtp.close();
  await api.close();
});

/** A document of the type sent for approval by A: 10 × 100.00 = 1,000.00, so B alone approves. */
async function sentForApproval(documentType: ApprovalDocumentType) {
  const workflow = await ok(admin, 'POST', '/api/v1/approvalWorkflows/fromTemplate', { documentType });
  await ok(admin, 'POST', `/api/v1/approvalWorkflows/${workflow.code}/enable`);
  const { resource } = salesDescriptor(documentType);
  const no = (await ok(clerk, 'POST', `/api/v1/${resource}`, { sellToCustomerNo: 'C', lines: [{ type: 'item', no: '1000', quantity: '10', unitPrice: '100' }] })).no as string;
  expect((await ok(clerk, 'POST', `/api/v1/${resource}/${no}/sendApprovalRequest`)).status).toBe('pendingApproval');
  return no;
}

interface OutboxMessage { documentType: string; documentNo: string; to: string; subject: string; status: string }
const outbox = async (query = '') => (await ok(admin, 'GET', `/api/v1/emailOutbox${query}`)).items as OutboxMessage[];

describe('approval notification emails for every approval document type', () => {
  it('the outbox accepts every approval document type', () => {
    expect(emailOutboxDocumentTypes).toEqual(expect.arrayContaining([...approvalDocumentTypes]));
  });

  it.each(approvalDocumentTypes)('%s: the approver gets the request by email, the sender the approval, both sent over SMTP', async (documentType) => {
    const { caption, path } = salesDescriptor(documentType);
    const no = await sentForApproval(documentType);
    expect(await outbox()).toEqual([
      expect.objectContaining({ documentType, documentNo: no, to: 'b@contoso.example', subject: `Approval: ${caption} ${no}`, status: 'queued' }),
    ]);
    expect((await outbox(`?documentType=${documentType}`)).map((message) => message.documentNo)).toEqual([no]);

    const [entry] = (await ok(manager, 'GET', '/api/v1/approvalRequests')).items as Array<{ entryNo: number }>;
    await ok(manager, 'POST', '/api/v1/approvalRequests/approve', { entryNos: [entry!.entryNo] });
    const messages = await outbox();
    expect(messages.map((message) => [message.to, message.subject])).toEqual([
      ['a@contoso.example', `Approval: ${caption} ${no}`], ['b@contoso.example', `Approval: ${caption} ${no}`],
    ]);

    expect(await ok(admin, 'POST', '/api/v1/emailOutbox/deliver')).toMatchObject({ sent: 2, failed: 0 });
    const received = [...smtp.received].sort((left, right) => String(left.html).localeCompare(String(right.html)));
    expect(smtp.envelopes.flat().sort()).toEqual(['a@contoso.example', 'b@contoso.example']);
    expect(received.map((mail) => mail.subject)).toEqual([`Approval: ${caption} ${no}`, `Approval: ${caption} ${no}`]);
    const bodies = received.map((mail) => String(mail.html));
    expect(bodies.find((body) => body.includes('requests your approval'))).toContain(`${A} requests your approval of ${caption} ${no} (1000.00, due 2026-03-02).`);
    expect(bodies.find((body) => body.includes('is approved'))).toContain(`${caption} ${no} (1000.00) is approved; the last approval was by ${B}.`);
    for (const body of bodies) expect(body).toContain(`<a href="https://erp.contoso.example/sales/${path}/${no}">`);
  });
});
