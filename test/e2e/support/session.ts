/**
 * What the browser tests share besides the server and the browser: an API session as admin (for
 * setting up data the page then shows) and signing the page in.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

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

/** Signs the page in as admin and waits for the home page. */
export async function signInPage(page: Page, address: string): Promise<void> {
  await page.goto(`${address}/`);
  await page.getByLabel('Username').fill('admin');
  await page.getByRole('textbox', { name: 'Password' }).fill('admin');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Sales activities' }).waitFor({ timeout: 30_000 });
}
