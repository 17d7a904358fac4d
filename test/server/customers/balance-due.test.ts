import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testApi, type TestApi } from '../../support/api.ts';
import { givenCustomer } from '../../support/given.ts';
import { givenPostingCompany } from '../../support/given-posting.ts';

/**
 * Issue 10, point 4: overdue means due BEFORE the work date (spec §12.4, §20.7). An invoice posted
 * on 1 March with 14 days' terms is due on 15 March: not overdue on the 15th, overdue on the 16th.
 */
describe('Balance Due (LCY): entries due before the work date', () => {
  let api: TestApi;
  let admin: Awaited<ReturnType<typeof givenPostingCompany>>;

  beforeEach(async () => {
    api = await testApi();
    admin = await givenPostingCompany(api);
    await givenCustomer(admin, 'L', { creditLimitLcy: '100' });
    for (const customerNo of ['C', 'L']) {
      const invoice = (await admin('POST', '/api/v1/salesInvoices', { sellToCustomerNo: customerNo, lines: [{ type: 'item', no: 'A', quantity: '1' }] },
        { 'x-work-date': '2026-03-01' })).json();
      expect(invoice.dueDate).toBe('2026-03-15');
      const posted = await admin('POST', `/api/v1/salesInvoices/${invoice.no}/post`, {}, { 'x-work-date': '2026-03-01' });
      expect(posted.statusCode, posted.body).toBe(201);
    }
  });
  afterEach(() => api.close());

  const statistics = async (workDate: string) => {
    const response = await api.as('viewer')('GET', '/api/v1/customers/C/statistics', undefined, { 'x-work-date': workDate });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  const orderWarnings = async (customerNo: string, workDate: string) => {
    const response = await admin('POST', '/api/v1/salesOrders', { sellToCustomerNo: customerNo, lines: [{ type: 'item', no: 'B', quantity: '1' }] }, { 'x-work-date': workDate });
    expect(response.statusCode, response.body).toBe(201);
    return response.json().warnings as Array<{ code: string; details: Record<string, string> }>;
  };

  it('customer statistics: an invoice due on the work date is not overdue yet, the day after it is', async () => {
    expect(await statistics('2026-03-14')).toMatchObject({ balanceLcy: '125.00', balanceDueLcy: '0.00' });
    expect(await statistics('2026-03-15')).toMatchObject({ balanceLcy: '125.00', balanceDueLcy: '0.00' });
    expect(await statistics('2026-03-16')).toMatchObject({ balanceLcy: '125.00', balanceDueLcy: '125.00' });
  });

  it('the overdue-balance warning follows the same rule', async () => {
    expect((await orderWarnings('C', '2026-03-15')).map((warning) => warning.code)).not.toContain('OVERDUE_BALANCE');
    const overdue = (await orderWarnings('C', '2026-03-16')).find((warning) => warning.code === 'OVERDUE_BALANCE');
    expect(overdue?.details).toEqual({ balanceDueLcy: '125.00' });
  });

  it('the credit-limit warning reports Balance Due (LCY), computed the same way', async () => {
    const onDueDate = (await orderWarnings('L', '2026-03-15')).find((warning) => warning.code === 'CREDIT_LIMIT_EXCEEDED');
    expect(onDueDate?.details).toMatchObject({ balanceLcy: '125.00', balanceDueLcy: '0.00' });
    const dayAfter = (await orderWarnings('L', '2026-03-16')).find((warning) => warning.code === 'CREDIT_LIMIT_EXCEEDED');
    expect(dayAfter?.details).toMatchObject({ balanceLcy: '125.00', balanceDueLcy: '125.00' });
  });
});
