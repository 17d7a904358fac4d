import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dec, sum } from '../../../src/core/money/decimal.ts';
import { ageEntries } from '../../../src/core/receivables/aging.ts';
import { testApi, type TestApi } from '../../support/api.ts';
import { created, givenCustomer } from '../../support/given.ts';
import { givenPostingCompany } from '../../support/given-posting.ts';

/**
 * Issue 12 item 8 over HTTP: aged receivables, balance as of a date and the customer statement, from
 * invoices, a credit memo and journal payments posted through the API (spec §20.1, §20.7).
 *
 * Customer C (14 days' terms): PI1 125.00 posted 10 Jan (due 24 Jan, paid 5 Mar), PI2 250.00 posted
 * 20 Feb (due 6 Mar, paid 10 Apr), PI3 125.00 posted 25 Mar (due 8 Apr), credit memo 125.00 posted
 * 26 Mar. Customer D: PI 125.00 posted 1 Nov 2025 (due 15 Nov), 25.00 paid on 20 Mar, that application
 * unapplied on 25 Mar (so the payment stands open on its own from then on). Customer E (1 month,
 * 2 % within 8 days): PI 125.00 posted 1 Feb, paid 122.50 on 5 Feb with 2.50 payment discount.
 * The data is set up once: every test only reads.
 */
let api: TestApi;
let viewer: ReturnType<TestApi['as']>;
let invoices: Record<'I1' | 'I2' | 'I3' | 'D1', string>;

type Send = ReturnType<TestApi['as']>;
const at = (admin: Send, date: string): Send => (method, url, body) => admin(method, url, body, { 'x-work-date': date });

async function postInvoice(admin: Send, customerNo: string, date: string, unitPrice: string): Promise<string> {
  const send = at(admin, date);
  const invoice = await created(send, '/api/v1/salesInvoices', { sellToCustomerNo: customerNo, lines: [{ type: 'glAccount', no: '6100', quantity: '1', unitPrice }] });
  return (await created(send, `/api/v1/salesInvoices/${invoice.no}/post`, undefined)).invoiceNo;
}

async function postPayment(admin: Send, customerNo: string, date: string, documentNo: string, amount: string, appliesToDocNo: string) {
  await created(at(admin, date), '/api/v1/generalJournal/post', {
    lines: [{
      postingDate: date, documentType: 'payment', documentNo, accountType: 'customer', accountNo: customerNo, amount,
      balAccountType: 'glAccount', balAccountNo: '2900', appliesToDocType: 'invoice', appliesToDocNo,
    }],
  });
}

beforeAll(async () => {
  api = await testApi();
  const admin = await givenPostingCompany(api);
  viewer = api.as('viewer');
  await created(admin, '/api/v1/glAccounts', { no: '2900', name: 'Cash', incomeBalance: 'balanceSheet' });
  await givenCustomer(admin, 'D', { name: 'Delta "Quoted", Ltd' });
  invoices = {
    D1: await postInvoice(admin, 'D', '2025-11-01', '100'),
    I1: await postInvoice(admin, 'C', '2026-01-10', '100'),
    I2: await postInvoice(admin, 'C', '2026-02-20', '200'),
    I3: await postInvoice(admin, 'C', '2026-03-25', '100'),
  };
  const memo = await created(at(admin, '2026-03-26'), '/api/v1/salesCreditMemos', { sellToCustomerNo: 'C', lines: [{ type: 'glAccount', no: '6100', quantity: '1', unitPrice: '100' }] });
  await created(at(admin, '2026-03-26'), `/api/v1/salesCreditMemos/${memo.no}/post`, undefined);
  await postPayment(admin, 'C', '2026-03-05', 'PAY1', '-125', invoices.I1);
  await postPayment(admin, 'D', '2026-03-20', 'PAY2', '-25', invoices.D1);
  await postPayment(admin, 'C', '2026-04-10', 'PAY3', '-250', invoices.I2);
  const [payment] = (await admin('GET', '/api/v1/customerLedgerEntries?documentNo=PAY2')).json().items;
  await created(at(admin, '2026-03-25'), `/api/v1/customerLedgerEntries/${payment.entryNo}/unapply`, { postingDate: '2026-03-25' });
  await created(admin, '/api/v1/glAccounts', { no: '8400', name: 'Payment discounts granted', incomeBalance: 'incomeStatement' });
  await admin('PATCH', '/api/v1/customerPostingGroups/DOMESTIC', { paymentDiscountDebitAccount: '8400', paymentDiscountCreditAccount: '8400' });
  await givenCustomer(admin, 'E', { paymentTermsCode: '1M(8D)' });
  const discounted = await postInvoice(admin, 'E', '2026-02-01', '100');
  await postPayment(admin, 'E', '2026-02-05', 'PAY4', '-122.50', discounted);
}, 120_000);
afterAll(() => api.close());

async function getJson(url: string) {
  const response = await viewer('GET', url);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

/** The report the slow, obvious way: every entry's remaining amount as of the date (Σ its detailed entries up to it), aged in core. */
async function referenceReport(asOf: string, agingBy: 'dueDate' | 'postingDate') {
  const result = await api.db.execute(sql`
    select e.customer_no, e.currency_code, e.posting_date::text as posting_date, e.due_date::text as due_date, e.document_date::text as document_date,
      sum(d.amount)::text as amount, sum(d.amount_lcy)::text as amount_lcy
    from customer_ledger_entry e join detailed_customer_ledger_entry d on d.customer_ledger_entry_no = e.entry_no
    where d.posting_date <= ${asOf}::date group by e.entry_no`) as unknown as { rows: Array<Record<string, string | null>> };
  return ageEntries(result.rows.map((row) => ({
    customerNo: row.customer_no!, currencyCode: row.currency_code!, postingDate: row.posting_date!, dueDate: row.due_date ?? null, documentDate: row.document_date ?? null,
    remainingAmount: dec(row.amount!), remainingAmountLcy: dec(row.amount_lcy!),
  })), { asOf, agingBy });
}

describe('GET /api/v1/receivables/agedReceivables', () => {
  it('as of 31 March: the payment of 10 April does not count yet; buckets by due date, totals per customer and overall', async () => {
    const report = await getJson('/api/v1/receivables/agedReceivables?asOf=2026-03-31');
    expect(report.buckets.map((bucket: { label: string }) => bucket.label)).toEqual(['Current', '1–30 days', '31–60 days', '61–90 days', 'Over 90 days']);
    expect(report.customers).toEqual([
      { customerNo: 'C', name: 'Customer C', lcy: { amounts: ['125.00', '125.00', '0.00', '0.00', '0.00'], balance: '250.00' }, currencies: [{ currencyCode: '', amounts: ['125.00', '125.00', '0.00', '0.00', '0.00'], balance: '250.00' }] },
      // The payment's application was unapplied on 25 March: its 25.00 stands open on its own, dated 20 March.
      { customerNo: 'D', name: 'Delta "Quoted", Ltd', lcy: { amounts: ['0.00', '-25.00', '0.00', '0.00', '125.00'], balance: '100.00' }, currencies: [{ currencyCode: '', amounts: ['0.00', '-25.00', '0.00', '0.00', '125.00'], balance: '100.00' }] },
    ]);
    expect(report.totals.lcy).toEqual({ amounts: ['125.00', '100.00', '0.00', '0.00', '125.00'], balance: '350.00' });
    // Between the application and its unapply, the payment had closed 25.00 of the invoice.
    const beforeUnapply = await getJson('/api/v1/receivables/agedReceivables?asOf=2026-03-22&customerNo=D');
    expect(beforeUnapply.customers[0].lcy).toEqual({ amounts: ['0.00', '0.00', '0.00', '0.00', '100.00'], balance: '100.00' });
  });

  it('the totals equal the receivables balance as of the date, and match the per-entry computation, for many dates', async () => {
    for (const asOf of ['2025-10-31', '2025-11-01', '2026-01-31', '2026-02-04', '2026-02-05', '2026-03-04', '2026-03-05', '2026-03-22', '2026-03-25', '2026-03-31', '2026-04-09', '2026-04-10', '2026-12-31']) {
      for (const agingBy of ['dueDate', 'postingDate'] as const) {
        const report = await getJson(`/api/v1/receivables/agedReceivables?asOf=${asOf}&agingBy=${agingBy}`);
        const reference = await referenceReport(asOf, agingBy);
        expect(report.totals.lcy.amounts, `${asOf} ${agingBy}`).toEqual(reference.totals.lcy.amounts.map((amount) => amount.toFixed(2)));
        expect(report.customers.map((row: { customerNo: string; lcy: { amounts: string[] } }) => [row.customerNo, row.lcy.amounts]))
          .toEqual(reference.customers.map((row) => [row.customerNo, row.lcy.amounts.map((amount) => amount.toFixed(2))]));
        const balances = await Promise.all(['C', 'D', 'E'].map((no) => getJson(`/api/v1/customers/${no}/balance?asOf=${asOf}`)));
        expect(report.totals.lcy.balance, asOf).toBe(sum(balances.map((balance) => dec(balance.balanceLcy))).toFixed(2));
      }
    }
  });

  it('by due date, all but Current is the Balance Due (LCY) as of the date', async () => {
    const report = await getJson('/api/v1/receivables/agedReceivables?asOf=2026-03-31&customerNo=c');
    expect(report.customers.map((row: { customerNo: string }) => row.customerNo)).toEqual(['C']);
    const balance = await getJson('/api/v1/customers/C/balance?asOf=2026-03-31');
    expect(balance).toEqual({ customerNo: 'C', asOf: '2026-03-31', balanceLcy: '250.00', balanceDueLcy: '125.00' });
    const [current, ...overdue] = report.customers[0].lcy.amounts as string[];
    expect(current).toBe('125.00');
    expect(sum(overdue.map(dec)).toFixed(2)).toBe(balance.balanceDueLcy);
  });

  it('custom buckets and period lengths; an entry due exactly on an edge', async () => {
    // As of 5 April, PI2 (due 6 March) is 30 days overdue: the last day of 1–30.
    const byDays = await getJson('/api/v1/receivables/agedReceivables?asOf=2026-04-05&buckets=30,150&customerNo=C');
    expect(byDays.buckets.map((bucket: { label: string }) => bucket.label)).toEqual(['Current', '1–30 days', '31–150 days', 'Over 150 days']);
    expect(byDays.customers[0].lcy.amounts).toEqual(['125.00', '125.00', '0.00', '0.00']);
    const dayLater = await getJson('/api/v1/receivables/agedReceivables?asOf=2026-04-06&buckets=30,150&customerNo=C');
    expect(dayLater.customers[0].lcy.amounts).toEqual(['125.00', '-125.00', '250.00', '0.00']);
    const monthly = await getJson('/api/v1/receivables/agedReceivables?asOf=2026-03-31&periodLength=1m&periods=5');
    expect(monthly.buckets).toHaveLength(7);
    expect(monthly.totals.lcy.balance).toBe('350.00');
  });

  it('without asOf: at the work date', async () => {
    const response = await viewer('GET', '/api/v1/receivables/agedReceivables', undefined, { 'x-work-date': '2026-03-31' });
    expect(response.json().asOf).toBe('2026-03-31');
    expect(response.json().totals.lcy.balance).toBe('350.00');
  });

  it('format=csv: a download with a header row, one row per customer and a total row', async () => {
    const response = await viewer('GET', '/api/v1/receivables/agedReceivables?asOf=2026-03-31&format=csv');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename="aged-receivables-2026-03-31.csv"');
    expect(response.body).toBe([
      'Customer No.,Name,Current,1–30 days,31–60 days,61–90 days,Over 90 days,Balance (LCY)',
      'C,Customer C,125.00,125.00,0.00,0.00,0.00,250.00',
      'D,"Delta ""Quoted"", Ltd",0.00,-25.00,0.00,0.00,125.00,100.00',
      'Total,,125.00,100.00,0.00,0.00,125.00,350.00',
      '',
    ].join('\r\n'));
    const byCurrency = await viewer('GET', '/api/v1/receivables/agedReceivables?asOf=2026-03-31&format=csv&amountsIn=currency&customerNo=D');
    expect(byCurrency.body.split('\r\n')).toEqual([
      'Customer No.,Name,Currency Code,Current,1–30 days,31–60 days,61–90 days,Over 90 days,Balance',
      'D,"Delta ""Quoted"", Ltd",,0.00,-25.00,0.00,0.00,125.00,100.00',
      'Total,,,0.00,-25.00,0.00,0.00,125.00,100.00',
      '',
    ]);
  });

  it('refuses bad parameters with 400, naming the field', async () => {
    for (const [query, field] of [
      ['asOf=2026-02-30', 'querystring.asOf'], ['asOf=0000-06-15', 'querystring.asOf'], ['periodLength=9999Y', 'querystring.periodLength'], ['agingBy=dueDay', 'querystring.agingBy'], ['periodLength=CM', 'querystring.periodLength'],
      ['periods=0', 'querystring.periods'], ['buckets=60,30', 'querystring.buckets'], ['buckets=30,abc', 'querystring.buckets'],
      ['buckets=30&periodLength=1M', 'querystring.buckets'], ['format=xml', 'querystring.format'], ['amountsIn=eur', 'querystring.amountsIn'],
      ['colour=red', 'querystring.colour'],
    ]) {
      const response = await viewer('GET', `/api/v1/receivables/agedReceivables?${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.json().errors.map((error: { field: string }) => error.field), query).toContain(field);
    }
    expect((await viewer('GET', '/api/v1/receivables/agedReceivables?customerNo=NOBODY')).statusCode).toBe(404);
  });
});

describe('GET /api/v1/customers/{no}/balance', () => {
  it('balance and balance due as of any date; csv', async () => {
    expect(await getJson('/api/v1/customers/C/balance?asOf=2026-03-04')).toMatchObject({ balanceLcy: '375.00', balanceDueLcy: '125.00' });
    expect(await getJson('/api/v1/customers/C/balance?asOf=2026-03-05')).toMatchObject({ balanceLcy: '250.00', balanceDueLcy: '0.00' });
    // PI3 (due 8 April) and the credit memo (due 26 March) are both overdue on 10 April, and cancel out.
    expect(await getJson('/api/v1/customers/C/balance?asOf=2026-04-10')).toMatchObject({ balanceLcy: '0.00', balanceDueLcy: '0.00' });
    expect(await getJson('/api/v1/customers/C/balance?asOf=2026-03-27')).toMatchObject({ balanceLcy: '250.00', balanceDueLcy: '125.00' });
    const csv = await viewer('GET', '/api/v1/customers/C/balance?asOf=2026-03-31&format=csv');
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.body).toBe('Customer No.,As of,Balance (LCY),Balance Due (LCY)\r\nC,2026-03-31,250.00,125.00\r\n');
    expect((await viewer('GET', '/api/v1/customers/NOBODY/balance?asOf=2026-03-31')).statusCode).toBe(404);
    const bad = await viewer('GET', '/api/v1/customers/C/balance?asOf=yesterday');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('querystring.asOf');
  });
});

describe('GET /api/v1/customers/{no}/statement', () => {
  it('March: the balance at the end of February, the payment, invoice and credit memo with a running balance, the balance at the end of March', async () => {
    const statement = await getJson('/api/v1/customers/c/statement?from=2026-03-01&to=2026-03-31');
    expect(statement).toMatchObject({ customerNo: 'C', name: 'Customer C', from: '2026-03-01', to: '2026-03-31', openingBalanceLcy: '375.00', closingBalanceLcy: '250.00' });
    expect(statement.lines.map((line: Record<string, string>) => [line.postingDate, line.documentType, line.documentNo, line.amountLcy, line.balanceLcy])).toEqual([
      ['2026-03-05', 'payment', 'PAY1', '-125.00', '250.00'],
      ['2026-03-25', 'invoice', invoices.I3, '125.00', '375.00'],
      ['2026-03-26', 'creditMemo', expect.any(String), '-125.00', '250.00'],
    ]);
    expect(statement.lines[1]).toMatchObject({ dueDate: '2026-04-08', entryType: 'initialEntry' });
    expect((await getJson('/api/v1/customers/C/balance?asOf=2026-03-31')).balanceLcy).toBe(statement.closingBalanceLcy);
    expect((await getJson('/api/v1/customers/C/balance?asOf=2026-02-28')).balanceLcy).toBe(statement.openingBalanceLcy);
  });

  it('a payment discount is a line of its own: the invoice, the payment and the discount bring the balance to 0', async () => {
    const statement = await getJson('/api/v1/customers/E/statement?from=2026-02-01&to=2026-02-28');
    expect(statement.lines.map((line: Record<string, string>) => [line.entryType, line.documentType, line.description, line.amountLcy, line.balanceLcy])).toEqual([
      ['initialEntry', 'invoice', expect.any(String), '125.00', '125.00'],
      ['initialEntry', 'payment', '', '-122.50', '2.50'],
      ['paymentDiscount', 'payment', 'Payment Discount', '-2.50', '0.00'],
    ]);
    expect(statement.closingBalanceLcy).toBe('0.00');
    const unapplied = await getJson('/api/v1/customers/D/statement?from=2026-03-01&to=2026-03-31');
    expect(unapplied).toMatchObject({ openingBalanceLcy: '125.00', closingBalanceLcy: '100.00' });
    expect(unapplied.lines.map((line: Record<string, string>) => [line.postingDate, line.documentNo, line.amountLcy])).toEqual([['2026-03-20', 'PAY2', '-25.00']]);
  });

  it('csv: opening row, the lines, closing row', async () => {
    const response = await viewer('GET', '/api/v1/customers/C/statement?from=2026-04-01&to=2026-04-30&format=csv');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename="statement-C-2026-04-01-2026-04-30.csv"');
    expect(response.body.split('\r\n')).toEqual([
      'Posting Date,Document Type,Document No.,External Document No.,Description,Due Date,Currency Code,Amount,Amount (LCY),Balance (LCY)',
      '2026-04-01,,,,Opening balance,,,,,250.00',
      '2026-04-10,payment,PAY3,,,2026-04-10,,-250.00,-250.00,0.00',
      '2026-04-30,,,,Closing balance,,,,,0.00',
      '',
    ]);
  });

  it('refuses a period that ends before it starts, a missing date and an unknown customer', async () => {
    const backwards = await viewer('GET', '/api/v1/customers/C/statement?from=2026-03-31&to=2026-03-01');
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().errors.map((error: { field: string }) => error.field)).toEqual(['querystring.to']);
    const missing = await viewer('GET', '/api/v1/customers/C/statement?to=2026-03-01');
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors.map((error: { field: string }) => error.field)).toEqual(['querystring.from']);
    expect((await viewer('GET', '/api/v1/customers/NOBODY/statement?from=2026-03-01&to=2026-03-31')).statusCode).toBe(404);
  });
});
