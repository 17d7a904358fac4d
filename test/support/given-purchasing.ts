/**
 * The posting company (given-posting.ts) with a purchase side: the Purchases & Payables Setup's
 * series, the purchase and payables accounts, purchase VAT, and vendor V who sells items 1000, A, B.
 */
import type { TestApi } from './api.ts';
import { withFixtureCache } from './fixture-cache.ts';
import { givenPostingCompany } from './given-posting.ts';
import { created } from './given.ts';

export async function givenPurchasingCompany(api: TestApi) {
  const admin = await givenPostingCompany(api);
  await withFixtureCache(api.db, 'purchasing', () => buildPurchasing(admin));
  return admin;
}

async function buildPurchasing(admin: Awaited<ReturnType<typeof givenPostingCompany>>) {
  const series = [
    ['P-QUO', 'PQ0001', 'quoteNos'], ['P-ORD', 'PO0001', 'orderNos'], ['P-INV', 'PINV0001', 'invoiceNos'], ['P-CR', 'PCR0001', 'creditMemoNos'],
    ['P-RO', 'PRO0001', 'returnOrderNos'], ['P-RCPT', 'PR0001', 'postedReceiptNos'], ['P-PINV', 'PPI0001', 'postedInvoiceNos'],
    ['P-PCR', 'PPC0001', 'postedCreditMemoNos'], ['P-RSHP', 'PRS0001', 'postedReturnShipmentNos'],
  ] as const;
  for (const [code, startingNo] of series) {
    await created(admin, '/api/v1/noSeries', { code, manualNos: true });
    await created(admin, `/api/v1/noSeries/${code}/lines`, { startingNo });
  }
  await admin('PATCH', '/api/v1/purchasesPayablesSetup', Object.fromEntries(series.map(([code, , field]) => [field, code])));
  for (const [no, name, incomeBalance] of [
    ['2320', 'Purchase VAT', 'balanceSheet'], ['5400', 'Payables', 'balanceSheet'], ['7060', 'Purchases', 'incomeStatement'],
    ['7065', 'Purchase credit memos', 'incomeStatement'], ['7070', 'Purchase variance', 'incomeStatement'], ['7080', 'Purchase discounts', 'incomeStatement'],
    ['7090', 'Direct cost applied', 'incomeStatement'],
  ] as const) {
    await created(admin, '/api/v1/glAccounts', { no, name, incomeBalance });
  }
  await created(admin, '/api/v1/vendorPostingGroups', { code: 'DOMESTIC', payablesAccount: '5400' });
  const vat = (await admin('GET', '/api/v1/vatPostingSetups')).json().items.find((row: { vatBusPostingGroup: string | null }) => row.vatBusPostingGroup === 'DOMESTIC');
  await admin('PATCH', `/api/v1/vatPostingSetups/${vat.id}`, { purchaseVatAccount: '2320' });
  const general = (await admin('GET', '/api/v1/generalPostingSetups?genProdPostingGroup=RETAIL')).json().items
    .find((row: { genBusPostingGroup: string | null }) => row.genBusPostingGroup === 'DOMESTIC');
  await admin('PATCH', `/api/v1/generalPostingSetups/${general.id}`, {
    purchaseAccount: '7060', purchaseCreditMemoAccount: '7065', purchaseLineDiscountAccount: '7080', purchaseInvoiceDiscountAccount: '7080',
    purchaseVarianceAccount: '7070', directCostAppliedAccount: '7090',
  });
  await created(admin, '/api/v1/vendors', {
    no: 'V', name: 'Vendor V', city: 'Antwerp', vendorPostingGroup: 'DOMESTIC', genBusPostingGroup: 'DOMESTIC', vatBusPostingGroup: 'DOMESTIC', paymentTermsCode: '14D',
  });
  for (const [no, lastDirectCost] of [['1000', '60'], ['A', '55'], ['B', '30']] as const) {
    await admin('PATCH', `/api/v1/items/${no}`, { lastDirectCost, vendorNo: 'V', vendorItemNo: `V-${no}` });
  }
}
