import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Executor } from '../../../src/server/db/connection.ts';
import { loadDemoCompany } from '../../../src/server/demo/demo-company.ts';
import { testApi, type TestApi } from '../../support/api.ts';
import { created } from '../../support/given.ts';

const workDate = '2026-11-25';
const receipts = '/api/v1/journalTemplates/CASHRCPT/batches/GENERAL';
let api: TestApi;
let send: (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown) => ReturnType<ReturnType<TestApi['as']>>;

beforeEach(async () => {
  api = await testApi();
  await api.db.transaction((tx) => loadDemoCompany(tx as Executor, { workDate }));
  const admin = api.as('admin');
  send = (method, url, body) => admin(method, url, body, { 'x-work-date': workDate });
});
afterEach(() => api.close());

describe('the demo company\'s bank accounts and cash receipts journal', () => {
  it('has a EUR and a USD bank account, each on its own bank G/L account, and a cash receipts batch on the EUR account', async () => {
    const banks = (await send('GET', '/api/v1/bankAccounts')).json().items;
    expect(banks.map((row: Record<string, unknown>) => [row.no, row.currencyCode, row.bankAccPostingGroup, row.iban])).toEqual([
      ['CHECKING', null, 'CHECKING', 'NL85INGB0006541237'], ['USD', 'USD', 'CHECKING-USD', 'NL63INGB0006541245'],
    ]);
    for (const [group, accountNo] of [['CHECKING', '1020'], ['CHECKING-USD', '1030']]) {
      expect((await send('GET', `/api/v1/bankAccountPostingGroups/${group}`)).json().glAccountNo).toBe(accountNo);
      expect((await send('GET', `/api/v1/glAccounts/${accountNo}`)).json()).toMatchObject({ accountType: 'posting', incomeBalance: 'balanceSheet', blocked: false });
    }
    expect((await send('GET', receipts)).json()).toMatchObject({ noSeriesCode: 'GJNL-RCPT', balAccountType: 'bankAccount', balAccountNo: 'CHECKING' });
    expect((await send('GET', '/api/v1/journalTemplates/GENERAL/batches/DEFAULT')).json()).toMatchObject({ noSeriesCode: 'GJNL-GEN', balAccountNo: null });
  });

  it('posts a EUR receipt to the current account and a dollar receipt to the dollar account, its G/L in EUR', async () => {
    const customers = (await send('GET', '/api/v1/customers?limit=100')).json().items as { no: string; currencyCode: string | null; blocked: string }[];
    const euroCustomer = customers.find((row) => row.currencyCode === null && row.blocked === 'none')!;
    const dollarCustomer = customers.find((row) => row.currencyCode === 'USD')!;
    expect(await created(send, `${receipts}/lines`, { accountNo: euroCustomer.no, amount: '-100' })).toMatchObject({ documentNo: 'G02001', balAccountNo: 'CHECKING' });
    await created(send, `${receipts}/lines`, { accountNo: dollarCustomer.no, currencyCode: 'USD', amount: '-100', balAccountType: 'bankAccount', balAccountNo: 'USD' });
    const posted = await send('POST', `${receipts}/post`);
    expect(posted.statusCode, posted.body).toBe(201);

    const bankEntries = (await send('GET', '/api/v1/bankAccountLedgerEntries')).json().items;
    expect(bankEntries.map((row: Record<string, unknown>) => [row.bankAccountNo, row.documentNo, row.currencyCode, row.amount, row.amountLcy])).toEqual([
      ['CHECKING', 'G02001', '', '100.00', '100.00'], ['USD', 'G02002', 'USD', '100.00', '92.50'],
    ]);
    const dollarGl = (await send('GET', '/api/v1/glEntries?documentNo=G02002')).json().items;
    expect(dollarGl.map((row: Record<string, unknown>) => [row.glAccountNo, row.amount])).toEqual([['1130', '-92.50'], ['1030', '92.50']]);
  });
});
