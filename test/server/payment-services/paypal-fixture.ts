import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import type { TestApi } from '../../support/api.ts';
import { created } from '../../support/given.ts';
import { givenReceivablesCompany, postedInvoice, type Send } from '../receivables/receivables-fixture.ts';

/** A stand-in for PayPal's IPN verification address: records each postback and answers as told. */
export interface VerifyServer {
  url: string;
  /** The postbacks received, body as bytes, newest last. */
  received: Array<{ body: Buffer; headers: IncomingHttpHeaders }>;
  /** What it answers (HTTP 200 with this text), or `hang` to never answer. */
  answer: string;
  status: number;
  close(): Promise<void>;
}

export async function startVerifyServer(): Promise<VerifyServer> {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      verify.received.push({ body: Buffer.concat(chunks), headers: request.headers });
      if (verify.answer === 'hang') return;
      response.writeHead(verify.status, { 'content-type': 'text/plain' }).end(verify.answer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const verify: VerifyServer = {
    url: `http://127.0.0.1:${port}/cgi-bin/webscr`, received: [], answer: 'VERIFIED', status: 200,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
  return verify;
}

/** An address where nothing listens: a server's port, closed again. */
export async function unreachableUrl(): Promise<string> {
  const server = await startVerifyServer();
  await server.close();
  return server.url;
}

/**
 * Points LEDGERLINE_PAYPAL_VERIFY_URL at a local verify server answering VERIFIED for this file's
 * tests (reset before each), and restores the environment afterwards: the files of a database
 * worker share its process.
 */
export function useVerifyServer(): { readonly server: VerifyServer } {
  const holder = {} as { server: VerifyServer };
  let before: string | undefined;
  beforeAll(async () => {
    holder.server = await startVerifyServer();
    before = process.env.LEDGERLINE_PAYPAL_VERIFY_URL;
    process.env.LEDGERLINE_PAYPAL_VERIFY_URL = holder.server.url;
  });
  beforeEach(() => {
    holder.server.received.length = 0;
    holder.server.answer = 'VERIFIED';
    holder.server.status = 200;
    process.env.LEDGERLINE_PAYPAL_VERIFY_URL = holder.server.url;
  });
  afterAll(async () => {
    if (before === undefined) delete process.env.LEDGERLINE_PAYPAL_VERIFY_URL;
    else process.env.LEDGERLINE_PAYPAL_VERIFY_URL = before;
    await holder.server?.close();
  });
  return holder;
}

/** A company with PayPal enabled (notify_url, bank account GIRO) and one posted invoice of 1,000.00 incl. VAT. */
export async function givenPayPalInvoice(): Promise<{ api: TestApi; send: Send; invoiceNo: string; notifyPath: string }> {
  const { api, send } = await givenReceivablesCompany('2026-03-05');
  await created(send, '/api/v1/noSeries', { code: 'RCPT' });
  await created(send, '/api/v1/noSeries/RCPT/lines', { startingNo: 'PP0001' });
  expect((await send('PATCH', '/api/v1/journalTemplates/CASHRCPT/batches/GENERAL', { noSeriesCode: 'RCPT' })).statusCode).toBe(200);
  const setup = await send('PATCH', '/api/v1/paymentServices/PAYPAL', {
    enabled: true, alwaysIncludeOnDocuments: true, accountId: 'sales@contoso.com', notifyBaseUrl: 'https://erp.example.com',
    balAccountType: 'bankAccount', balAccountNo: 'GIRO',
  });
  expect(setup.statusCode, setup.body).toBe(200);
  // 800.00 + 25 % VAT; terms P5 would grant 5 % until 2026-03-09, so the payments in the tests are dated after it.
  const invoiceNo = await postedInvoice(send, { unitPrice: '800' });
  const [link] = (await send('GET', `/api/v1/postedSalesInvoices/${invoiceNo}/paymentLinks`)).json().items;
  const notifyUrl = new URL(new URL(link.url).searchParams.get('notify_url')!);
  return { api, send, invoiceNo, notifyPath: `${notifyUrl.pathname}${notifyUrl.search}` };
}
