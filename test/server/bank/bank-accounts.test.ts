import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Executor } from '../../../src/server/db/connection.ts';
import { loadDemoCompany } from '../../../src/server/demo/demo-company.ts';
import { testApi, type TestApi } from '../../support/api.ts';

let api: TestApi;
let admin: ReturnType<TestApi['as']>;
beforeEach(async () => { api = await testApi(); admin = api.as('admin'); });
afterEach(() => api.close());

async function created(url: string, body: unknown) {
  const response = await admin('POST', url, body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

const fields = (response: { json(): { errors?: { field: string }[] } }) => response.json().errors?.map((error) => error.field).sort();

async function givenBankGlAccounts() {
  await created('/api/v1/glAccounts', { no: '1020', name: 'Bank', incomeBalance: 'balanceSheet', accountCategory: 'assets' });
  await created('/api/v1/glAccounts', { no: '10', name: 'LIQUID ASSETS', incomeBalance: 'balanceSheet', accountType: 'heading' });
}

describe('bank account posting groups', () => {
  it('point only at a posting G/L account, and cannot be deleted while a bank account uses them', async () => {
    await givenBankGlAccounts();
    const heading = await admin('POST', '/api/v1/bankAccountPostingGroups', { code: 'checking', glAccountNo: '10' });
    expect(heading.json()).toMatchObject({ code: 'ACCOUNT_NOT_POSTING', errors: [{ field: 'glAccountNo' }] });
    expect(await created('/api/v1/bankAccountPostingGroups', { code: 'checking', description: 'Current accounts', glAccountNo: '1020' }))
      .toMatchObject({ code: 'CHECKING', glAccountNo: '1020', version: 1 });
    await created('/api/v1/bankAccounts', { no: 'b1', name: 'Current account', bankAccPostingGroup: 'checking' });
    const inUse = await admin('DELETE', '/api/v1/bankAccountPostingGroups/CHECKING');
    expect(inUse.statusCode).toBe(422);
    expect(inUse.json()).toMatchObject({ code: 'RECORD_IN_USE', detail: 'Bank Account Posting Group CHECKING cannot be deleted because it is used by bank account.' });
  });
});

describe('bank accounts', () => {
  it('store IBAN and SWIFT code as banks print them, checked, and list by filter and search', async () => {
    await givenBankGlAccounts();
    await created('/api/v1/bankAccountPostingGroups', { code: 'CHECKING', glAccountNo: '1020' });
    const account = await created('/api/v1/bankAccounts', {
      no: 'ing', name: 'ING current account', iban: 'nl85 ingb 0006 5412 37', swiftCode: 'ingbnl2a', bankAccountNo: '0006541237', bankAccPostingGroup: 'checking',
    });
    expect(account).toMatchObject({ no: 'ING', iban: 'NL85INGB0006541237', swiftCode: 'INGBNL2A', bankAccPostingGroup: 'CHECKING', currencyCode: null, blocked: false });
    await created('/api/v1/bankAccounts', { no: 'SAVINGS', name: 'Savings', iban: 'DE02 1203 0000 0000 2020 51' });

    const bad = await admin('POST', '/api/v1/bankAccounts', { no: 'BAD', name: 'Typo', iban: 'NL86INGB0006541237', swiftCode: 'ING' });
    expect(bad.statusCode).toBe(400);
    expect(fields(bad)).toEqual(['iban', 'swiftCode']);
    const unknownGroup = await admin('POST', '/api/v1/bankAccounts', { no: 'X', name: 'X', bankAccPostingGroup: 'NOPE' });
    expect(unknownGroup.json()).toMatchObject({ code: 'RELATED_RECORD_NOT_FOUND', errors: [{ field: 'bankAccPostingGroup' }] });

    const list = async (query: string) => (await admin('GET', `/api/v1/bankAccounts?${query}`)).json().items.map((row: { no: string }) => row.no);
    expect(await list('bankAccPostingGroup=CHECKING')).toEqual(['ING']);
    expect(await list('search=de02')).toEqual(['SAVINGS']);
    const blocked = await admin('PATCH', '/api/v1/bankAccounts/SAVINGS', { blocked: true }, { 'if-match': '"1"' });
    expect(blocked.statusCode, blocked.body).toBe(200);
    expect(await list('blocked=true')).toEqual(['SAVINGS']);
    expect((await admin('DELETE', '/api/v1/bankAccounts/SAVINGS')).statusCode).toBe(204);
  });

  it('has the demo company current account posting to its bank G/L account', async () => {
    await api.db.transaction((tx) => loadDemoCompany(tx as Executor));
    const account = (await admin('GET', '/api/v1/bankAccounts/CHECKING')).json();
    expect(account).toMatchObject({ name: 'ING current account', iban: 'NL85INGB0006541237', bankAccPostingGroup: 'CHECKING', blocked: false });
    const group = (await admin('GET', '/api/v1/bankAccountPostingGroups/CHECKING')).json();
    const glAccount = (await admin('GET', `/api/v1/glAccounts/${group.glAccountNo}`)).json();
    expect(glAccount).toMatchObject({ no: '1020', accountType: 'posting', incomeBalance: 'balanceSheet', blocked: false });
  });
});
