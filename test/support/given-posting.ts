import { dec, sum } from '../../src/core/money/decimal.ts';
import type { TestApi } from './api.ts';
import { withFixtureCache } from './fixture-cache.ts';
import { created, givenSalesCompany } from './given.ts';

type Send = ReturnType<TestApi['as']>;

/**
 * givenSalesCompany made ready to post (spec §25 common setup): receivables, COGS, inventory,
 * inventory adjustment, sales credit memo and discount accounts, inventory posting group RESALE
 * on every item, posted-document number series, Automatic Cost Posting on, Expected Cost Posting
 * off, Discount Posting = No Discounts. No stock yet: see givenInventory.
 */
export async function givenPostingCompany(api: TestApi) {
  const admin = api.as('admin');
  await withFixtureCache(api.db, 'posting', () => buildPostingCompany(api));
  return admin;
}

async function buildPostingCompany(api: TestApi) {
  const admin = await givenSalesCompany(api);
  for (const [code, start] of [['S-SHP', 'PS0001'], ['S-PINV', 'PI0001'], ['S-PCR', 'PCM0001'], ['S-RCPT', 'RR0001']] as const) {
    await created(admin, '/api/v1/noSeries', { code });
    await created(admin, `/api/v1/noSeries/${code}/lines`, { startingNo: start });
  }
  await admin('PATCH', '/api/v1/salesReceivablesSetup', {
    postedShipmentNos: 'S-SHP', postedInvoiceNos: 'S-PINV', postedCreditMemoNos: 'S-PCR', postedReturnReceiptNos: 'S-RCPT',
  });
  for (const [no, name, incomeBalance] of [
    ['1300', 'Receivables', 'balanceSheet'], ['3000', 'Inventory', 'balanceSheet'], ['3010', 'Inventory (Interim)', 'balanceSheet'],
    ['7000', 'COGS', 'incomeStatement'], ['7010', 'COGS (Interim)', 'incomeStatement'], ['7100', 'Inventory adjustment', 'incomeStatement'],
    ['8100', 'Sales credit memos', 'incomeStatement'], ['8200', 'Line discounts', 'incomeStatement'], ['8300', 'Invoice discounts', 'incomeStatement'],
  ] as const) {
    await created(admin, '/api/v1/glAccounts', { no, name, incomeBalance });
  }
  await admin('PATCH', '/api/v1/customerPostingGroups/DOMESTIC', { receivablesAccount: '1300' });
  const general = (await admin('GET', '/api/v1/generalPostingSetups?genProdPostingGroup=RETAIL')).json().items
    .find((row: { genBusPostingGroup: string | null }) => row.genBusPostingGroup === 'DOMESTIC');
  await admin('PATCH', `/api/v1/generalPostingSetups/${general.id}`, {
    salesCreditMemoAccount: '8100', salesLineDiscountAccount: '8200', salesInvoiceDiscountAccount: '8300',
    cogsAccount: '7000', cogsAccountInterim: '7010', inventoryAdjustmentAccount: '7100',
  });
  // The blank business group row: item journals post without a customer.
  await created(admin, '/api/v1/generalPostingSetups', { genProdPostingGroup: 'RETAIL', cogsAccount: '7000', inventoryAdjustmentAccount: '7100' });
  await created(admin, '/api/v1/inventoryPostingGroups', { code: 'RESALE' });
  await created(admin, '/api/v1/inventoryPostingSetups', { inventoryPostingGroup: 'RESALE', inventoryAccount: '3000', inventoryAccountInterim: '3010' });
  for (const no of ['1000', 'A', 'B']) await admin('PATCH', `/api/v1/items/${no}`, { inventoryPostingGroup: 'RESALE' });
}

/** Stock through the item journal: a positive adjustment per entry, at the given unit cost. */
export async function givenInventory(admin: Send, postingDate: string, lines: Array<{ itemNo: string; quantity: string; unitCost: string; locationCode?: string }>) {
  return created(admin, '/api/v1/itemJournal/post', {
    lines: lines.map((line, index) => ({ postingDate, entryType: 'positiveAdjustment', documentNo: `OPEN${index + 1}`, ...line })),
  });
}

/** Σ debit and Σ credit of one account over a list of G/L entries (strings, to the cent). */
export function accountTotals(entries: Array<{ glAccountNo: string; debitAmount: string; creditAmount: string }>, accountNo: string) {
  const of = entries.filter((entry) => entry.glAccountNo === accountNo);
  const total = (field: 'debitAmount' | 'creditAmount') => sum(of.map((entry) => dec(entry[field]))).toFixed(2);
  return { debit: total('debitAmount'), credit: total('creditAmount') };
}
