import { expect } from 'vitest';
import type { Role } from '../../src/core/access/roles.ts';
import type { TestApi } from './api.ts';
import { givenInventory, givenPostingCompany } from './given-posting.ts';
import { created } from './given.ts';

/** The users of worked example 12 (spec §19.9), played by the role users. */
export const exampleApprovers = { A: 'salesclerk-user', B: 'salesmanager-user', C: 'accountant-user' } as const;

export type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
export type Caller = (method: Method, url: string, body?: unknown) => ReturnType<ReturnType<TestApi['as']>>;

/** A role's requests on a work date, through the test's current api (a getter: each test opens its own). */
export const callerAs = (api: () => TestApi, role: Role, workDate = '2026-03-02'): Caller =>
  (method, url, body) => api().as(role)(method, url, body, { 'x-work-date': workDate });

/** The answer of a request that must succeed, with the body in the assertion message when it does not. */
export async function ok(send: Caller, method: Method, url: string, body?: unknown) {
  const response = await send(method, url, body);
  expect(response.statusCode, `${method} ${url}: ${response.body}`).toBeLessThan(300);
  return response.json();
}

/**
 * The posting company with 500 pieces of item 1000 (100.00 + 25 % VAT) and the Approval User Setup
 * of worked example 12: A (approver B), B (limit 5,000, approver C), C (unlimited); `extra` adds
 * fields to a user's setup, e.g. an email address.
 */
export async function givenExampleApprovers(api: TestApi, extra: Partial<Record<keyof typeof exampleApprovers, Record<string, unknown>>> = {}) {
  const { A, B, C } = exampleApprovers;
  await givenPostingCompany(api);
  await givenInventory(api.as('admin'), '2026-03-01', [{ itemNo: '1000', quantity: '500', unitCost: '60' }]);
  await created(api.as('admin'), '/api/v1/approvalUserSetups', { userId: A, approverId: B, ...extra.A });
  await created(api.as('admin'), '/api/v1/approvalUserSetups', { userId: B, approverId: C, salesAmountApprovalLimit: '5000', ...extra.B });
  await created(api.as('admin'), '/api/v1/approvalUserSetups', { userId: C, unlimitedSalesApproval: true, ...extra.C });
}
