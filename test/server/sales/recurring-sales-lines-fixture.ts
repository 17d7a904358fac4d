import type { TestApi } from '../../support/api.ts';
import { withFixtureCache } from '../../support/fixture-cache.ts';
import { created, givenCustomer, givenSalesCompany } from '../../support/given.ts';

/**
 * The sales company plus: customer C's price 90 for item A and 10 % off item B; currency EUR and
 * customer E in it; customer D; payment method DD (direct debit); codes MONTHLY (a comment, 8 A,
 * 5 B, freight 49.90 on G/L 6100), EXTRA (1 × item 1000) and EURO (G/L 6100 at 20.00, in EUR);
 * C has MONTHLY, EXTRA and EURO, E has EURO, D has MONTHLY blocked.
 */
export async function givenRecurringCodes(testApi: TestApi) {
  const send = testApi.as('admin');
  await withFixtureCache(testApi.db, 'recurring-sales-lines', async () => {
    await givenSalesCompany(testApi);
    await created(send, '/api/v1/salesPrices', { itemNo: 'A', salesType: 'customer', salesCode: 'C', unitPrice: '90' });
    await created(send, '/api/v1/salesLineDiscounts', { type: 'item', code: 'B', salesType: 'customer', salesCode: 'C', lineDiscountPercent: '10' });
    await created(send, '/api/v1/currencies', { code: 'EUR' });
    await created(send, '/api/v1/currencies/EUR/exchangeRates', { startingDate: '2026-01-01', exchangeRateAmount: '100', relationalExchangeRateAmount: '80' });
    await givenCustomer(send, 'E', { currencyCode: 'EUR' });
    await givenCustomer(send, 'D');
    await created(send, '/api/v1/paymentMethods', { code: 'DD', description: 'Direct debit', directDebit: true });
    await created(send, '/api/v1/standardSalesCodes', { code: 'MONTHLY', description: 'Monthly supplies' });
    for (const line of [
      { type: 'comment', description: 'Monthly delivery' }, { type: 'item', no: 'A', quantity: '8' }, { type: 'item', no: 'B', quantity: '5' },
      { type: 'glAccount', no: '6100', amountExcludingVat: '49.90' },
    ]) await created(send, '/api/v1/standardSalesCodes/MONTHLY/lines', line);
    await created(send, '/api/v1/standardSalesCodes', { code: 'EXTRA', description: 'Extra bicycle' });
    await created(send, '/api/v1/standardSalesCodes/EXTRA/lines', { type: 'item', no: '1000', quantity: '1' });
    await created(send, '/api/v1/standardSalesCodes', { code: 'EURO', description: 'Euro fee', currencyCode: 'EUR' });
    await created(send, '/api/v1/standardSalesCodes/EURO/lines', { type: 'glAccount', no: '6100', amountExcludingVat: '20' });
    await created(send, '/api/v1/standardCustomerSalesCodes', {
      customerNo: 'C', code: 'MONTHLY', validFromDate: '2026-01-01', validToDate: '2026-12-31', paymentMethodCode: 'DD', paymentTermsCode: '1M(8D)', directDebitMandateId: 'mandate-1',
    });
    await created(send, '/api/v1/standardCustomerSalesCodes', { customerNo: 'C', code: 'EXTRA', validFromDate: '2026-06-01' });
    await created(send, '/api/v1/standardCustomerSalesCodes', { customerNo: 'C', code: 'EURO' });
    await created(send, '/api/v1/standardCustomerSalesCodes', { customerNo: 'E', code: 'EURO' });
    await created(send, '/api/v1/standardCustomerSalesCodes', { customerNo: 'D', code: 'MONTHLY', blocked: true });
  });
  return send;
}

/** The id of a customer's code, to change it. */
export async function customerCodeId(send: ReturnType<TestApi['as']>, customerNo: string, code: string): Promise<string> {
  const response = await send('GET', `/api/v1/standardCustomerSalesCodes?customerNo=${customerNo}&code=${code}`);
  return response.json().items[0].id as string;
}

