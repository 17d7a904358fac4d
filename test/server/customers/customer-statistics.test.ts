import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { salesLine } from '../../../src/server/db/schema/index.ts';
import { testApi, type TestApi } from '../../support/api.ts';
import { created, givenCustomer, givenSalesCompany } from '../../support/given.ts';
import { givenLedgerAccounts, givenPayment, givenPostedInvoice } from '../../support/ledger-rows.ts';

let api: TestApi;
let admin: Awaited<ReturnType<typeof givenSalesCompany>>;
beforeEach(async () => {
  api = await testApi();
  admin = await givenSalesCompany(api);
  await givenLedgerAccounts(api.db);
});
afterEach(() => api.close());

/** What posting would leave on a line: shipped (received) and invoiced quantities. */
async function givenLineHandled(documentType: string, documentNo: string, handled: { quantityShipped?: string; returnQuantityReceived?: string; quantityInvoiced: string }) {
  await api.db.update(salesLine).set(handled).where(and(eq(salesLine.documentType, documentType), eq(salesLine.documentNo, documentNo)));
}

const statistics = async (customerNo: string, workDate: string) => {
  const response = await api.as('viewer')('GET', `/api/v1/customers/${customerNo}/statistics`, undefined, { 'x-work-date': workDate });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};

describe('customer statistics', () => {
  beforeEach(async () => {
    // Last year's invoice 100.00, this year's 125.00 (half paid) and 250.00 (due later).
    await givenPostedInvoice(api.db, { no: 'PI0001', customerNo: 'C', postingDate: '2025-12-10', dueDate: '2025-12-24', amount: '80', profitLcy: '30' });
    const january = await givenPostedInvoice(api.db, { no: 'PI0002', customerNo: 'C', postingDate: '2026-01-15', dueDate: '2026-01-29', amount: '100', profitLcy: '40' });
    await givenPayment(api.db, { no: 'PAY001', customerNo: 'C', postingDate: '2026-02-01', amount: '50', appliesTo: january.customerLedgerEntryNo });
    await givenPostedInvoice(api.db, { no: 'PI0003', customerNo: 'C', postingDate: '2026-03-01', dueDate: '2026-03-15', amount: '200', profitLcy: '50' });
    // Another customer's entries count for nobody else.
    await givenCustomer(admin, 'D');
    await givenPostedInvoice(api.db, { no: 'PI0004', customerNo: 'D', postingDate: '2026-01-05', amount: '1000' });
  });

  it('derives the balance from the detailed entries and the balance due from what is due before the work date', async () => {
    expect(await statistics('C', '2026-03-10')).toMatchObject({
      customerNo: 'C', workDate: '2026-03-10', balanceLcy: '425.00', balanceDueLcy: '175.00', salesLcyThisYear: '300.00', profitLcyThisYear: '90.00',
      creditLimitLcy: '0.00', outstandingOrdersLcy: '0.00', shippedNotInvoicedLcy: '0.00',
    });
    // March's invoice is due on the 15th: not overdue that day (spec §20.7), overdue the day after.
    expect(await statistics('c', '2026-03-15')).toMatchObject({ balanceLcy: '425.00', balanceDueLcy: '175.00' });
    expect(await statistics('C', '2026-03-16')).toMatchObject({ balanceLcy: '425.00', balanceDueLcy: '425.00' });
    // Before the payment and before January's invoice fell due: only last year's invoice is due.
    expect(await statistics('C', '2026-01-20')).toMatchObject({ balanceDueLcy: '100.00', salesLcyThisYear: '100.00' });
    expect(await statistics('C', '2025-12-31')).toMatchObject({ balanceDueLcy: '100.00', salesLcyThisYear: '80.00' });
    expect(await statistics('D', '2026-03-10')).toMatchObject({ balanceLcy: '1250.00', balanceDueLcy: '1250.00' });
  });

  it('adds what open orders, invoices and return orders still hold, split by what is shipped and invoiced', async () => {
    const order = await created(admin, '/api/v1/salesOrders', { sellToCustomerNo: 'C', lines: [{ type: 'item', no: '1000', quantity: '10' }] });
    await givenLineHandled('order', order.no, { quantityShipped: '4', quantityInvoiced: '1' });
    await created(admin, '/api/v1/salesInvoices', { sellToCustomerNo: 'C', lines: [{ type: 'item', no: 'B', quantity: '2' }] });
    const returnOrder = await created(admin, '/api/v1/salesReturnOrders', { sellToCustomerNo: 'C', lines: [{ type: 'item', no: 'A', quantity: '2' }] });
    await givenLineHandled('returnOrder', returnOrder.no, { returnQuantityReceived: '1', quantityInvoiced: '0' });
    await created(admin, '/api/v1/salesCreditMemos', { sellToCustomerNo: 'C', lines: [{ type: 'item', no: 'B', quantity: '1' }] });
    await created(admin, '/api/v1/salesQuotes', { sellToCustomerNo: 'C', lines: [{ type: 'item', no: '1000', quantity: '100' }] });
    expect(await statistics('C', '2026-03-10')).toMatchObject({
      // 1250.00 incl. VAT: 6 of 10 not shipped, 3 shipped and not invoiced.
      outstandingOrdersLcy: '750.00', shippedNotInvoicedLcy: '375.00', outstandingInvoicesLcy: '125.00',
      outstandingReturnOrdersLcy: '125.00', returnReceivedNotInvoicedLcy: '125.00', outstandingCreditMemosLcy: '62.50',
      balanceLcy: '425.00',
    });
    expect(await statistics('D', '2026-03-10')).toMatchObject({ outstandingOrdersLcy: '0.00', outstandingInvoicesLcy: '0.00' });
  });

  it('answers 404 for an unknown customer and needs a token; every role may read', async () => {
    const unknown = await api.as('viewer')('GET', '/api/v1/customers/NOBODY/statistics');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('NOT_FOUND');
    expect((await api.as('none')('GET', '/api/v1/customers/C/statistics')).statusCode).toBe(401);
    expect((await api.as('salesClerk')('GET', '/api/v1/customers/C/statistics')).statusCode).toBe(200);
    expect((await api.as('viewer')('GET', '/api/v1/customers/C/statistics', undefined, { 'x-work-date': '2026-02-30' })).statusCode).toBe(400);
  });
});

describe('credit warnings on a document (§12.4) count the ledger and the other documents', () => {
  const codes = (document: { warnings: Array<{ code: string }> }) => document.warnings.map((warning) => warning.code);
  const order = (customerNo: string, quantity: string, workDate: string) =>
    api.as('admin')('POST', '/api/v1/salesOrders', { sellToCustomerNo: customerNo, lines: [{ type: 'item', no: 'A', quantity }] }, { 'x-work-date': workDate });

  it('warns when the balance plus the new order exceeds the credit limit, not before', async () => {
    await givenCustomer(admin, 'L', { creditLimitLcy: '1000' });
    const before = (await order('L', '1', '2026-03-10')).json();
    expect(codes(before)).not.toContain('CREDIT_LIMIT_EXCEEDED');
    await givenPostedInvoice(api.db, { no: 'PI0001', customerNo: 'L', postingDate: '2026-03-01', dueDate: '2026-03-31', amount: '700' });
    const after = (await order('L', '1', '2026-03-10')).json();
    const warning = after.warnings.find((candidate: { code: string }) => candidate.code === 'CREDIT_LIMIT_EXCEEDED');
    // 875.00 posted + 125.00 on the first order + 125.00 on this one.
    expect(warning.details).toMatchObject({ balanceLcy: '875.00', outstandingOrdersLcy: '125.00', currentDocumentChangeLcy: '125.00', totalAmountLcy: '1125.00' });
    expect(codes(after)).not.toContain('OVERDUE_BALANCE');
  });

  it('counts shipped-not-invoiced and received returns, and measures the balance at the work date', async () => {
    await givenCustomer(admin, 'M', { creditLimitLcy: '1000' });
    const shipped = await created(admin, '/api/v1/salesOrders', { sellToCustomerNo: 'M', lines: [{ type: 'item', no: 'A', quantity: '4' }] });
    await givenLineHandled('order', shipped.no, { quantityShipped: '4', quantityInvoiced: '0' });
    const returned = await created(admin, '/api/v1/salesReturnOrders', { sellToCustomerNo: 'M', lines: [{ type: 'item', no: 'B', quantity: '2' }] });
    await givenLineHandled('returnOrder', returned.no, { returnQuantityReceived: '1', quantityInvoiced: '0' });
    await givenPostedInvoice(api.db, { no: 'PI0001', customerNo: 'M', postingDate: '2026-03-01', dueDate: '2026-03-05', amount: '400' });
    const document = (await order('M', '2', '2026-03-10')).json();
    const warning = document.warnings.find((candidate: { code: string }) => candidate.code === 'CREDIT_LIMIT_EXCEEDED');
    expect(warning.details).toMatchObject({
      balanceLcy: '500.00', shippedNotInvoicedLcy: '500.00', outstandingOrdersLcy: '0.00', returnReceivedNotInvoicedLcy: '62.50', outstandingReturnOrdersLcy: '62.50',
      currentDocumentChangeLcy: '250.00', totalAmountLcy: '1125.00',
    });
    expect(codes(document)).toContain('OVERDUE_BALANCE');
    // On a work date before the invoice was posted, its balance is not there yet and nothing is overdue:
    // 500.00 shipped − 62.50 received + 250.00 on the order above − 62.50 on the return + 250.00 = 875.00.
    const earlier = (await order('M', '2', '2026-02-27')).json();
    expect(codes(earlier)).not.toContain('OVERDUE_BALANCE');
    expect(codes(earlier)).not.toContain('CREDIT_LIMIT_EXCEEDED');
  });
});
