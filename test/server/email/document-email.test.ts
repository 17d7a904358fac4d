import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ParsedMail } from 'mailparser';
import { runCli } from '../../../src/server/cli/program.ts';
import type { DatabaseHandle } from '../../../src/server/db/connection.ts';
import { deliverDueEmails } from '../../../src/server/email/email-sender.ts';
import { testApi, type TestApi } from '../../support/api.ts';
import { created, givenCustomer } from '../../support/given.ts';
import { givenPostingCompany } from '../../support/given-posting.ts';
import { pdfPageTexts } from '../../support/pdf-text.ts';
import { startSmtpTestServer, type SmtpTestServer } from '../../support/smtp-test-server.ts';

const workDate = { 'x-work-date': '2026-01-15' };
const secretKey = 'test-secret-key-for-smtp-passwords';

// Worked example 14 (spec §21.4): the PayPal link of posted invoice 103001, total 1,250.00 USD.
const example14Link = 'https://www.paypal.com/cgi-bin/webscr?cmd=_xclick&charset=UTF-8&page_style=primary'
  + '&business=sales%40contoso.com&amount=1250&item_name=Invoice%20103001&invoice=103001&currency_code=USD';

describe('sending documents by email (spec §21, issue 17)', () => {
  let api: TestApi;
  let smtp: SmtpTestServer;
  let send: ReturnType<TestApi['as']>;
  const previousKey = process.env.LEDGERLINE_SECRET_KEY;

  beforeEach(async () => {
    process.env.LEDGERLINE_SECRET_KEY = secretKey;
    api = await testApi();
    const admin = await givenPostingCompany(api);
    send = (method, url, body, headers = {}) => admin(method, url, body, { ...workDate, ...headers });
    smtp = await startSmtpTestServer();
    await expectOk(send('PATCH', '/api/v1/companyInformation', { name: 'Contoso Ltd', address: '1 Main Street', city: 'Seattle' }));
    await expectOk(send('PATCH', '/api/v1/generalLedgerSetup', { lcyCode: 'USD' }));
    await expectOk(send('PATCH', '/api/v1/customers/C', { email: 'ap@customer-c.example' }));
    await expectOk(send('PATCH', '/api/v1/smtpSetup', { host: '127.0.0.1', port: smtp.port, security: 'none', senderAddress: 'invoices@contoso.example', senderName: 'Contoso Ltd' }));
    // Posted invoices numbered like the spec's example: 103001, 103002 …
    await created(send, '/api/v1/noSeries', { code: 'S-PINV-US' });
    await created(send, '/api/v1/noSeries/S-PINV-US/lines', { startingNo: '103001' });
    await expectOk(send('PATCH', '/api/v1/salesReceivablesSetup', { postedInvoiceNos: 'S-PINV-US' }));
  });
  afterEach(async () => {
    await smtp.close();
    await api.close();
    if (previousKey === undefined) delete process.env.LEDGERLINE_SECRET_KEY;
    else process.env.LEDGERLINE_SECRET_KEY = previousKey;
  });

  async function expectOk(response: Promise<{ statusCode: number; body: string }>) {
    const answer = await response;
    expect(answer.statusCode, answer.body).toBeLessThan(300);
    return answer;
  }

  async function postedInvoice(lines: unknown[], fields: Record<string, unknown> = {}) {
    const invoice = await send('POST', '/api/v1/salesInvoices', { sellToCustomerNo: 'C', lines, ...fields });
    expect(invoice.statusCode, invoice.body).toBe(201);
    const posted = await send('POST', `/api/v1/salesInvoices/${invoice.json().no}/post`);
    expect(posted.statusCode, posted.body).toBe(201);
    return posted.json().invoiceNo as string;
  }

  async function deliver() {
    const response = await send('POST', '/api/v1/emailOutbox/deliver');
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as { sent: number; retrying: number; failed: number };
  }

  const attachmentText = async (mail: ParsedMail) => (await pdfPageTexts(mail.attachments[0]!.content)).join('\n');
  const unescape = (html: string) => html.replace(/&amp;/g, '&');

  it('sends posted invoice 103001 of worked example 14: recipient, subject, PDF, lines, totals and the PayPal link', async () => {
    // PayPal Payments Standard (spec §21.4), set up through the payment services API.
    await expectOk(send('PATCH', '/api/v1/paymentServices/PAYPAL', {
      enabled: true, alwaysIncludeOnDocuments: true, accountId: 'sales@contoso.com',
      targetUrl: 'https://www.paypal.com/cgi-bin/webscr?cmd=_xclick&charset=UTF-8&page_style=primary',
    }));
    const no = await postedInvoice([{ type: 'glAccount', no: '6100', description: 'Consulting <senior> & support', quantity: '8', unitPrice: '125' }],
      { paymentServiceSet: ['PAYPAL'] });
    expect(no).toBe('103001');
    expect((await send('GET', `/api/v1/postedSalesInvoices/${no}`)).json().noPrinted).toBe(0);
    const draft = await send('GET', `/api/v1/postedSalesInvoices/${no}/emailDraft`);
    expect(draft.statusCode, draft.body).toBe(200);
    expect(draft.json()).toMatchObject({ to: 'ap@customer-c.example', subject: 'Contoso Ltd - Sales Invoice 103001', attachmentNames: ['Sales Invoice 103001.pdf'], noPrinted: 0 });

    const sent = await send('POST', `/api/v1/postedSalesInvoices/${no}/send`, {});
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json()).toMatchObject({ noPrinted: 1, message: { status: 'queued', documentType: 'postedInvoice', documentNo: '103001' } });
    // Nothing goes out before the worker's turn: sending happens after commit, from the outbox.
    expect(smtp.received).toHaveLength(0);
    expect(await deliver()).toEqual({ sent: 1, retrying: 0, failed: 0 });

    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0]!;
    expect(smtp.envelopes[0]).toEqual(['ap@customer-c.example']);
    expect(mail.subject).toBe('Contoso Ltd - Sales Invoice 103001');
    expect(mail.from?.text).toBe('"Contoso Ltd" <invoices@contoso.example>');
    expect(mail.attachments.map((attachment) => [attachment.filename, attachment.contentType])).toEqual([['Sales Invoice 103001.pdf', 'application/pdf']]);
    const pdf = await attachmentText(mail);
    expect(pdf).toContain('103001');
    expect(pdf).toContain('1,250.00');

    const html = String(mail.html);
    const links = [...html.matchAll(/<a href="([^"]*)">([^<]*)<\/a>/g)].map((match) => [unescape(match[1]!), match[2]]);
    expect(links).toEqual([[example14Link, 'Pay with PayPal']]);
    expect(html).toContain('<p>Dear Customer C,</p><p>Please find attached Sales Invoice 103001.</p>');
    // The line extract (description escaped, quantity, unit price, line amount) and the totals excl. VAT / VAT / incl. VAT.
    expect(html).toMatch(/<td[^>]*>Consulting &lt;senior&gt; &amp; support<\/td><td[^>]*>8<\/td><td[^>]*>125.00<\/td><td[^>]*>1,000.00<\/td>/);
    expect(html).toMatch(/>Total USD Excl. VAT<\/th><td[^>]*>1,000.00<\/td>/);
    expect(html).toMatch(/>VAT<\/th><td[^>]*>250.00<\/td>/);
    expect(html).toMatch(/>Total USD Incl. VAT<\/th><td[^>]*>1,250.00<\/td>/);
    // Document no. and dates, the due date included (14D from 2026-01-15).
    expect(html).toMatch(/>Document No.<\/th><td[^>]*>103001<\/td>/);
    expect(html).toMatch(/>Due Date<\/th><td[^>]*>01\/29\/2026<\/td>/);

    const outbox = (await send('GET', '/api/v1/emailOutbox?status=sent')).json().items;
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ status: 'sent', attempts: 1, to: 'ap@customer-c.example', smtpMessageId: expect.stringContaining('@ledgerline>') });
    expect((await send('GET', `/api/v1/postedSalesInvoices/${no}/emailDraft`)).json().noPrinted).toBe(1);
    expect((await send('GET', `/api/v1/postedSalesInvoices/${no}`)).json().noPrinted).toBe(1);
  });

  it('keeps a message the server refuses in the outbox with its error; a retry sends it exactly once', async () => {
    const no = await postedInvoice([{ type: 'glAccount', no: '6100', quantity: '1', unitPrice: '40' }]);
    smtp.reject = true;
    const queued = (await send('POST', `/api/v1/postedSalesInvoices/${no}/sendByEmail`, { to: 'ap@customer-c.example' })).json().message;
    expect(await deliver()).toEqual({ sent: 0, retrying: 0, failed: 1 });
    const failed = (await send('GET', '/api/v1/emailOutbox?status=failed')).json().items;
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ id: queued.id, status: 'failed', attempts: 1 });
    expect(failed[0].lastError).toContain('550');
    expect(failed[0].lastError).toContain('Mailbox unavailable: test server refuses');
    expect(smtp.received).toHaveLength(0);

    smtp.reject = false;
    const retried = await send('POST', `/api/v1/emailOutbox/${queued.id}/retry`);
    expect(retried.statusCode, retried.body).toBe(200);
    expect(retried.json().status).toBe('queued');
    expect(await deliver()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(await deliver()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.subject).toBe(`Contoso Ltd - Sales Invoice ${no}`);
    const again = await send('POST', `/api/v1/emailOutbox/${queued.id}/retry`);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('EMAIL_MESSAGE_STATUS');
  });

  it('retries a message after a connection failure with back-off, and cancels one', async () => {
    const no = await postedInvoice([{ type: 'glAccount', no: '6100', quantity: '1', unitPrice: '40' }]);
    await smtp.close();
    const queued = (await send('POST', `/api/v1/postedSalesInvoices/${no}/sendByEmail`, {})).json().message;
    expect(await deliver()).toEqual({ sent: 0, retrying: 1, failed: 0 });
    const waiting = (await send('GET', `/api/v1/emailOutbox/${queued.id}`)).json();
    expect(waiting).toMatchObject({ status: 'queued', attempts: 1 });
    expect(waiting.lastError).toMatch(/ECONNREFUSED/);
    // The next attempt is a minute away: nothing is due now.
    expect(Date.parse(waiting.nextAttemptAt) - Date.parse(waiting.createdAt)).toBeGreaterThanOrEqual(59_000);
    expect(await deliver()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    const cancelled = await send('POST', `/api/v1/emailOutbox/${queued.id}/cancel`);
    expect(cancelled.json().status).toBe('cancelled');
    expect((await send('POST', `/api/v1/emailOutbox/${queued.id}/cancel`)).statusCode).toBe(409);
  });

  it('sends one email for one send request: the same idempotency key twice is one message, one print', async () => {
    const no = await postedInvoice([{ type: 'glAccount', no: '6100', quantity: '2', unitPrice: '10' }]);
    const first = await send('POST', `/api/v1/postedSalesInvoices/${no}/sendByEmail`, { idempotencyKey: 'send-1' });
    const second = await send('POST', `/api/v1/postedSalesInvoices/${no}/sendByEmail`, { idempotencyKey: 'send-1' });
    expect(second.json().message.id).toBe(first.json().message.id);
    expect(second.json().noPrinted).toBe(1);
    // Two workers at once (as two processes would): each message is claimed by one of them.
    const reports = await Promise.all([deliverDueEmails(api.db, 'worker-a'), deliverDueEmails(api.db, 'worker-b')]);
    expect(reports[0].sent + reports[1].sent).toBe(1);
    expect(smtp.received).toHaveLength(1);
    const third = await send('POST', `/api/v1/postedSalesInvoices/${no}/sendByEmail`, { idempotencyKey: 'send-1' });
    expect(third.json().message.status).toBe('sent');
    expect(await deliver()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(smtp.received).toHaveLength(1);
  });

  it('sends a quote with the user\'s addresses, subject and text; refuses an invalid address', async () => {
    const quote = await send('POST', '/api/v1/salesQuotes', { sellToCustomerNo: 'C', lines: [{ type: 'glAccount', no: '6100', quantity: '3', unitPrice: '20' }] });
    const quoteNo = quote.json().no as string;
    const invalid = await send('POST', `/api/v1/salesQuotes/${quoteNo}/sendByEmail`, { to: 'buyer@customer-c.example; not-an-address' });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json()).toMatchObject({ code: 'INVALID_EMAIL', detail: "'not-an-address' is not a valid email address (to)." });
    expect((await send('GET', '/api/v1/emailOutbox')).json().items).toHaveLength(0);

    const sent = await send('POST', `/api/v1/salesQuotes/${quoteNo}/sendByEmail`, {
      to: 'buyer@customer-c.example, boss@customer-c.example', cc: 'sales@contoso.example', subject: 'Our offer', body: 'Hello <Bob>,\n\nhere is our quote.',
    });
    expect(sent.statusCode, sent.body).toBe(201);
    await deliver();
    const mail = smtp.received[0]!;
    expect(smtp.envelopes[0]).toEqual(['buyer@customer-c.example', 'boss@customer-c.example', 'sales@contoso.example']);
    expect(mail.subject).toBe('Our offer');
    expect(mail.attachments[0]!.filename).toBe(`Sales Quote ${quoteNo}.pdf`);
    expect(await attachmentText(mail)).toContain('75.00');
    expect(String(mail.html)).toContain('<p>Hello &lt;Bob&gt;,</p><p>here is our quote.</p>');

    // A draft invoice goes out as it stands, under its own (unposted) number.
    const draft = await send('POST', '/api/v1/salesInvoices', { sellToCustomerNo: 'C', lines: [{ type: 'glAccount', no: '6100', quantity: '1', unitPrice: '30' }] });
    const draftNo = draft.json().no as string;
    expect((await send('POST', `/api/v1/salesInvoices/${draftNo}/sendByEmail`, {})).json().noPrinted).toBe(1);
    await deliver();
    expect(smtp.received[1]!.subject).toBe(`Contoso Ltd - Sales Invoice ${draftNo}`);
    expect(smtp.received[1]!.attachments[0]!.filename).toBe(`Sales Invoice ${draftNo}.pdf`);
    expect(await attachmentText(smtp.received[1]!)).toContain('37.50');
  });

  it('posts and sends an invoice in one action; a customer without an email address leaves the message failed in the outbox', async () => {
    await givenCustomer(send, 'NOMAIL', { name: 'No Mail Ltd' });
    const invoice = await send('POST', '/api/v1/salesInvoices', { sellToCustomerNo: 'NOMAIL', lines: [{ type: 'glAccount', no: '6100', quantity: '1', unitPrice: '100' }] });
    const refused = await send('POST', `/api/v1/salesInvoices/${invoice.json().no}/postAndSend`, { to: 'nope' });
    expect(refused.statusCode).toBe(400);
    expect((await send('GET', `/api/v1/salesInvoices/${invoice.json().no}`)).statusCode).toBe(200);

    const posted = await send('POST', `/api/v1/salesInvoices/${invoice.json().no}/postAndSend`);
    expect(posted.statusCode, posted.body).toBe(201);
    const { message, postedDocumentNo, noPrinted } = posted.json();
    expect(postedDocumentNo).toBe('103001');
    expect(noPrinted).toBe(1);
    expect(message).toMatchObject({ status: 'failed', documentType: 'postedInvoice', documentNo: '103001', to: '' });
    expect(message.lastError).toContain('no email address');
    expect(await deliver()).toEqual({ sent: 0, retrying: 0, failed: 0 });

    const retried = await send('POST', `/api/v1/emailOutbox/${message.id}/retry`, { to: 'office@nomail.example' });
    expect(retried.statusCode, retried.body).toBe(200);
    expect(await deliver()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(smtp.envelopes).toEqual([['office@nomail.example']]);
    expect(smtp.received[0]!.subject).toBe('Contoso Ltd - Sales Invoice 103001');
  });

  it('sends a posted credit memo and an order confirmation, and posts and sends an order as its invoice', async () => {
    const memo = await send('POST', '/api/v1/salesCreditMemos', { sellToCustomerNo: 'C', lines: [{ type: 'glAccount', no: '6100', quantity: '1', unitPrice: '80' }] });
    const memoNo = (await send('POST', `/api/v1/salesCreditMemos/${memo.json().no}/post`)).json().creditMemoNo as string;
    expect((await send('POST', `/api/v1/postedSalesCreditMemos/${memoNo}/send`, {})).statusCode).toBe(201);
    const order = await send('POST', '/api/v1/salesOrders', { sellToCustomerNo: 'C', lines: [{ type: 'glAccount', no: '6100', quantity: '4', unitPrice: '12.5' }] });
    const orderNo = order.json().no as string;
    expect((await send('POST', `/api/v1/salesOrders/${orderNo}/sendByEmail`, {})).statusCode).toBe(201);
    const posted = await send('POST', `/api/v1/salesOrders/${orderNo}/postAndSend`, {});
    expect(posted.statusCode, posted.body).toBe(201);
    expect(posted.json().postedDocumentNo).toBe('103001');
    expect(await deliver()).toEqual({ sent: 3, retrying: 0, failed: 0 });
    expect(smtp.received.map((mail) => [mail.subject, mail.attachments.map((attachment) => attachment.filename)])).toEqual([
      [`Contoso Ltd - Sales Credit Memo ${memoNo}`, [`Sales Credit Memo ${memoNo}.pdf`]],
      [`Contoso Ltd - Order Confirmation ${orderNo}`, [`Order Confirmation ${orderNo}.pdf`]],
      ['Contoso Ltd - Sales Invoice 103001', ['Sales Invoice 103001.pdf']],
    ]);
    expect(await attachmentText(smtp.received[1]!)).toContain('62.50');
    expect(String(smtp.received[0]!.html)).toMatch(/>Total USD Incl. VAT<\/th><td[^>]*>100.00<\/td>/);
    expect((await send('GET', `/api/v1/postedSalesCreditMemos/${memoNo}`)).json().noPrinted).toBe(1);
  });

  it('follows the document sending profile: the customer\'s, else the default; E-Mail No refuses Send', async () => {
    const no = await postedInvoice([{ type: 'glAccount', no: '6100', quantity: '1', unitPrice: '10' }]);
    await created(send, '/api/v1/documentSendingProfiles', { code: 'DIRECT', description: 'Email at once', default: true, email: 'useDefaultSettings' });
    await created(send, '/api/v1/documentSendingProfiles', { code: 'PAPER', description: 'Printed only', email: 'no' });
    expect((await send('GET', `/api/v1/postedSalesInvoices/${no}/emailDraft`)).json().profile).toEqual({ code: 'DIRECT', source: 'default', email: 'useDefaultSettings' });
    await expectOk(send('PATCH', '/api/v1/customers/C', { documentSendingProfile: 'paper' }));
    expect((await send('GET', `/api/v1/postedSalesInvoices/${no}/emailDraft`)).json().profile).toEqual({ code: 'PAPER', source: 'customer', email: 'no' });
    const refused = await send('POST', `/api/v1/postedSalesInvoices/${no}/send`, {});
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('EMAIL_NOT_ALLOWED_BY_PROFILE');
    // Send by Email is the user's explicit choice: it sends whatever the profile says.
    expect((await send('POST', `/api/v1/postedSalesInvoices/${no}/sendByEmail`, {})).statusCode).toBe(201);
    // One default at a time.
    await created(send, '/api/v1/documentSendingProfiles', { code: 'ASK', email: 'promptForSettings', default: true });
    const defaults = (await send('GET', '/api/v1/documentSendingProfiles?default=true')).json().items.map((row: { code: string }) => row.code);
    expect(defaults).toEqual(['ASK']);
  });

  it('attaches the Peppol e-invoice next to the PDF, or alone, as the sending profile says', async () => {
    await expectOk(send('PATCH', '/api/v1/companyInformation', {
      vatRegistrationNo: 'NL123456789B01', countryRegionCode: 'NL', postCode: '1015 AA', registrationNo: '12345678', electronicAddress: '12345678', electronicAddressScheme: '0106', iban: 'NL91ABNA0417164300', swiftCode: 'ABNANL2A',
    }));
    await expectOk(send('PATCH', '/api/v1/customers/C', {
      vatRegistrationNo: 'BE0123456789', countryRegionCode: 'BE', address: 'Main St 1', city: 'Brussels', postCode: '1000', electronicAddress: '0123456789', electronicAddressScheme: '0208',
    }));
    const no = await postedInvoice([{ type: 'glAccount', no: '6100', quantity: '2', unitPrice: '50' }]);
    await created(send, '/api/v1/documentSendingProfiles', { code: 'PEPPOL', default: true, email: 'useDefaultSettings', emailAttachment: 'pdfAndElectronicDocument' });
    const draft = (await send('GET', `/api/v1/postedSalesInvoices/${no}/emailDraft`)).json();
    expect(draft.attachmentNames).toEqual([`Sales Invoice ${no}.pdf`, `Sales Invoice ${no}.xml`]);
    const both = await send('POST', `/api/v1/postedSalesInvoices/${no}/send`, {});
    expect(both.statusCode, both.body).toBe(201);
    const xmlOnly = await send('POST', `/api/v1/postedSalesInvoices/${no}/sendByEmail`, { emailAttachment: 'electronicDocument' });
    expect(xmlOnly.statusCode, xmlOnly.body).toBe(201);
    // Only the message with a PDF printed the invoice.
    expect(xmlOnly.json().noPrinted).toBe(1);
    expect(await deliver()).toEqual({ sent: 2, retrying: 0, failed: 0 });
    const [first, second] = smtp.received;
    expect(first!.attachments.map((attachment) => [attachment.filename, attachment.contentType])).toEqual([
      [`Sales Invoice ${no}.pdf`, 'application/pdf'], [`Sales Invoice ${no}.xml`, 'application/xml'],
    ]);
    expect(second!.attachments.map((attachment) => attachment.filename)).toEqual([`Sales Invoice ${no}.xml`]);
    const xml = second!.attachments[0]!.content.toString('utf8');
    expect(xml).toContain(`<cbc:ID>${no}</cbc:ID>`);
    expect(xml).toContain('125.00');
  });

  it('sends from the command line and works the outbox there', async () => {
    const no = await postedInvoice([{ type: 'glAccount', no: '6100', quantity: '1', unitPrice: '60' }]);
    const stdout: string[] = [];
    const stderr: string[] = [];
    const database: DatabaseHandle = { db: api.db, kind: 'pglite', location: 'test', migrate: async () => undefined, close: async () => undefined };
    const io = { stdout: { write: (text: string) => stdout.push(text) }, stderr: { write: (text: string) => stderr.push(text) }, env: {}, openDatabase: async () => database };
    const cli = async (...args: string[]) => {
      stdout.length = 0;
      stderr.length = 0;
      return runCli(args, io);
    };
    expect(await cli('email', 'send', 'postedInvoice', no.toLowerCase(), '--to', 'cli@customer-c.example'), stderr.join('')).toBe(0);
    expect(JSON.parse(stdout.join(''))).toMatchObject({ status: 'sent', to: 'cli@customer-c.example', documentNo: no });
    expect(smtp.envelopes).toEqual([['cli@customer-c.example']]);
    expect(smtp.received[0]!.attachments[0]!.filename).toBe(`Sales Invoice ${no}.pdf`);

    smtp.reject = true;
    expect(await cli('email', 'send', 'postedInvoice', no), stderr.join('')).toBe(1);
    const failed = JSON.parse(stdout.join(''));
    expect(failed).toMatchObject({ status: 'failed', to: 'ap@customer-c.example' });
    expect(await cli('outbox', 'list', '--status', 'failed')).toBe(0);
    expect(JSON.parse(stdout.join('')).map((message: { id: string }) => message.id)).toEqual([failed.id]);
    smtp.reject = false;
    expect(await cli('outbox', 'retry', failed.id)).toBe(0);
    expect(smtp.received).toHaveLength(2);
    expect(await cli('outbox', 'cancel', failed.id)).toBe(1);
    expect(stderr.join('')).toContain('EMAIL_MESSAGE_STATUS');
    expect(await cli('email', 'send', 'shipment', no)).toBe(1);
    expect(stderr.join('')).toContain("Unknown document 'shipment'");

    expect(await cli('smtp', 'set', '--port', String(smtp.port), '--sender', 'billing@contoso.example')).toBe(0);
    expect(JSON.parse(stdout.join(''))).toMatchObject({ senderAddress: 'billing@contoso.example', passwordSet: false });
  });

  it('stores the SMTP password encrypted, never shows it, and signs in with it', async () => {
    await smtp.close();
    smtp = await startSmtpTestServer({ credentials: { username: 'mailer', password: 'pä$$ word' } });
    delete process.env.LEDGERLINE_SECRET_KEY;
    const refused = await send('PATCH', '/api/v1/smtpSetup', { password: 'pä$$ word' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('SMTP_SECRET_KEY_MISSING');
    process.env.LEDGERLINE_SECRET_KEY = secretKey;
    const saved = await send('PATCH', '/api/v1/smtpSetup', { port: smtp.port, username: 'mailer', password: 'pä$$ word' });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toEqual({
      host: '127.0.0.1', port: smtp.port, security: 'none', username: 'mailer', passwordSet: true,
      senderAddress: 'invoices@contoso.example', senderName: 'Contoso Ltd', version: expect.any(Number),
    });
    expect(saved.body).not.toContain('$$');
    const stored = await api.db.execute('select password_ciphertext from smtp_setup') as unknown as { rows: Array<{ password_ciphertext: string }> };
    expect(stored.rows[0]!.password_ciphertext).toMatch(/^v1:/);
    expect(stored.rows[0]!.password_ciphertext).not.toContain('$$ word');

    const no = await postedInvoice([{ type: 'glAccount', no: '6100', quantity: '1', unitPrice: '10' }]);
    await send('POST', `/api/v1/postedSalesInvoices/${no}/sendByEmail`, {});
    expect(await deliver()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(smtp.received).toHaveLength(1);
    expect((await send('PATCH', '/api/v1/smtpSetup', { senderAddress: 'not an address' })).json().code).toBe('INVALID_EMAIL');
  });
});
