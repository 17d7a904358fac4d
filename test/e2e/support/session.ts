/**
 * What the browser tests share: the server and Chromium started side by side, an API session as
 * admin (for setting up data the page then shows), and a page signed in.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { launchChromium } from './chromium.ts';
import { startServer, type RunningServer } from './server.ts';

// The machine running these may be busy: waits are generous, and nothing here measures time.
export const slow = { timeout: 30_000 };
export const hookTimeout = 300_000;

export interface ApiSession {
  /** A JSON request as admin; fails the test on an error answer. */
  call<T>(method: string, path: string, body?: unknown): Promise<T>;
  /** A posted sales invoice of one services line (G/L 8040, 21 % VAT); its posted number. */
  postInvoice(customerNo: string, unitPrice: string): Promise<string>;
}

export async function apiSession(address: string): Promise<ApiSession> {
  const signedIn = await fetch(`${address}/api/v1/auth/token`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'admin' }),
  });
  const { token } = (await signedIn.json()) as { token: string };
  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${address}${path}`, {
      method, headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    expect(response.ok, `${method} ${path}: ${text}`).toBe(true);
    return JSON.parse(text) as T;
  }
  async function postInvoice(customerNo: string, unitPrice: string): Promise<string> {
    const invoice = await call<{ no: string }>('POST', '/api/v1/salesInvoices', {
      sellToCustomerNo: customerNo, lines: [{ type: 'glAccount', no: '8040', quantity: '1', unitPrice }],
    });
    return (await call<{ invoiceNo: string }>('POST', `/api/v1/salesInvoices/${invoice.no}/post`, {})).invoiceNo;
  }
  return { call, postInvoice };
}

/** Signs the page in (as admin unless told) and waits for the home page. */
export async function signInPage(page: Page, address: string, user = { username: 'admin', password: 'admin' }): Promise<void> {
  await page.goto(`${address}/`);
  await page.getByLabel('Username').fill(user.username);
  await page.getByRole('textbox', { name: 'Password' }).fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Sales activities' }).waitFor(slow);
}

/** A page of its own browser context (its own session storage), signed in as that user, in Dutch; the caller closes the context. */
export async function signedInPage(browser: Browser, address: string, user: { username: string; password: string }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1600, height: 900 }, locale: 'nl-NL' });
  const page = await context.newPage();
  await signInPage(page, address, user);
  return { context, page };
}

export interface BrowserSession {
  server: RunningServer;
  browser: Browser;
  api: ApiSession;
  /** Signed in as admin, on the home page, in Dutch (nl-NL). */
  page: Page;
  close(): Promise<void>;
}

interface BrowserSessionOptions {
  viewport?: { width: number; height: number };
  /** Data the tests need, set up over the API before the page signs in. */
  prepare?: (api: ApiSession) => Promise<void>;
}

/**
 * A browser test's setup: `ledgerline serve` on a fresh demo company and Chromium, the admin API
 * session, the test's data (`prepare`), and a page signed in as admin. `close` stops both.
 */
export async function openBrowserSession(options: BrowserSessionOptions = {}): Promise<BrowserSession> {
  const [server, browser] = await Promise.all([startServer(), launchChromium()]);
  const close = async () => {
    await Promise.all([browser.close(), server.stop()]);
  };
  try {
    // The page opens while the data is set up: the data need be there only when the page signs in.
    const [api, page] = await Promise.all([
      apiSession(server.address).then(async (api) => { await options.prepare?.(api); return api; }),
      browser.newPage({ viewport: options.viewport ?? { width: 1600, height: 900 }, locale: 'nl-NL' }),
    ]);
    await signInPage(page, server.address);
    return { server, browser, api, page, close };
  } catch (error) {
    await close();
    throw error;
  }
}
