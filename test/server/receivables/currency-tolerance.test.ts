/**
 * Payment tolerance per currency and after a partial payment (spec §20.5; BC's Payment Tolerance
 * Management CalcMaxPmtTolerance and CalcRemainingPmtDisc). An entry in a currency takes that
 * currency's Payment Tolerance % and Max. Payment Tolerance Amount, in the currency; LCY entries the
 * G/L setup's (here 1 %, max EUR 5.00; USD 1 %, max USD 2.00). After an application the entry's
 * Max. Payment Tolerance is capped at its remaining amount (0 once closed); unapply restores it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { TestApi } from '../../support/api.ts';
import {
  assertLedgerConsistent, detailedRows, entryOf, givenReceivablesCompany, glRows, paymentLine, postedInvoice, postJournal, type Send,
} from './receivables-fixture.ts';

let api: TestApi;
let send: Send;
afterEach(() => api?.close());

async function company(warning = false) {
  ({ api, send } = await givenReceivablesCompany('2026-03-08'));
  await send('PATCH', '/api/v1/generalLedgerSetup', { paymentTolerancePercent: '1', maxPaymentToleranceAmount: '5', paymentToleranceWarning: warning });
  const usd = await send('PATCH', '/api/v1/currencies/USD', { paymentTolerancePercent: '1', maxPaymentToleranceAmount: '2' });
  expect(usd.statusCode, usd.body).toBe(200);
  await send('POST', '/api/v1/currencies/USD/exchangeRates', { startingDate: '2026-01-01', exchangeRateAmount: '110', relationalExchangeRateAmount: '100' });
  await send('PATCH', '/api/v1/customers/C', { paymentTermsCode: '14D' });
}

async function posted(lines: Record<string, unknown>[], options: Record<string, unknown> = {}): Promise<number> {
  const response = await postJournal(send, lines, options);
  expect(response.statusCode, response.body).toBe(201);
  return response.json().transactions.at(-1).transactionNo;
}

const usdInvoice = (documentNo: string) => ({
  postingDate: '2026-03-01', documentType: 'invoice', documentNo, accountType: 'customer', accountNo: 'C', currencyCode: 'USD', amount: '1100',
  balAccountType: 'glAccount', balAccountNo: '8000',
});

describe('payment tolerance in a foreign currency', () => {
  it('USD 1,100.00 gets USD 2.00 (its own 1 %, capped at its own 2.00; not the G/L setup\'s 5.00 converted); 1,098.50 closes it, 1,097.00 does not', async () => {
    await company();
    await posted([usdInvoice('JU-1'), usdInvoice('JU-2')]);
    expect(await entryOf(api, 'JU-1')).toMatchObject({ amountLcy: '1000.00', maxPaymentTolerance: '2.00' });
    const under = await posted([paymentLine({ currencyCode: 'USD', currencyFactor: '1.1', amount: '-1098.50', appliesToDocNo: 'JU-1' })]);
    // Tolerance USD 1.50 on the payment: LCY round(1,100.00 / 1.1) − round(1,098.50 / 1.1) = 1,000.00 − 998.64 = 1.36.
    expect(await detailedRows(api, under)).toEqual([
      ['PAY-1', 'paymentTolerance', '-1.50', '-1.36'], ['JU-1', 'application', '-1100.00', '-1000.00'], ['PAY-1', 'application', '1100.00', '1000.00'],
    ]);
    expect(await glRows(api, under)).toEqual([['1300', '-1000.00'], ['7920', '1.36'], ['2910', '998.64']]);
    expect(await entryOf(api, 'JU-1')).toMatchObject({ open: false, acceptedPaymentTolerance: '1.50', maxPaymentTolerance: '0.00' });
    await posted([paymentLine({ documentNo: 'PAY-2', currencyCode: 'USD', currencyFactor: '1.1', amount: '-1097', appliesToDocNo: 'JU-2' })]);
    expect(await entryOf(api, 'JU-2')).toMatchObject({ remainingAmount: '3.00', remainingAmountLcy: '2.73', open: true, maxPaymentTolerance: '2.00' });
    expect(await entryOf(api, 'PAY-2')).toMatchObject({ remainingAmount: '0.00', open: false });
    await assertLedgerConsistent(api);
  });

  it('a sales invoice in USD gets the currency\'s tolerance, one in LCY the G/L setup\'s', async () => {
    await company();
    const usd = await send('POST', '/api/v1/salesInvoices', {
      sellToCustomerNo: 'C', currencyCode: 'USD', postingDate: '2026-03-01', lines: [{ type: 'glAccount', no: '6100', quantity: '1', unitPrice: '800' }],
    });
    expect(usd.statusCode, usd.body).toBe(201);
    const usdNo = (await send('POST', `/api/v1/salesInvoices/${usd.json().no}/post`)).json().invoiceNo;
    expect(await entryOf(api, usdNo)).toMatchObject({ currencyCode: 'USD', amount: '1000.00', maxPaymentTolerance: '2.00' });
    expect(await entryOf(api, await postedInvoice(send))).toMatchObject({ currencyCode: '', amount: '1000.00', maxPaymentTolerance: '5.00' });
  });
});

describe('Max. Payment Tolerance after a partial payment (BC\'s CalcRemainingPmtDisc)', () => {
  it('997.00 with the tolerance declined leaves 3.00 and caps the tolerance at 3.00: 7.00 more is not tolerated, 5.50 more is; unapply restores 3.00 then 5.00', async () => {
    await company(true);
    const [first, second] = [await postedInvoice(send), await postedInvoice(send)];
    expect(await entryOf(api, first)).toMatchObject({ maxPaymentTolerance: '5.00' });
    await posted([paymentLine({ amount: '-997', appliesToDocNo: first })], { acceptPaymentTolerance: false });
    await posted([paymentLine({ documentNo: 'PAY-3', amount: '-997', appliesToDocNo: second })], { acceptPaymentTolerance: false });
    expect(await entryOf(api, first)).toMatchObject({ remainingAmount: '3.00', open: true, maxPaymentTolerance: '3.00' });

    // Overpaid by 4.00: within the 5.00 posted, beyond the 3.00 left; the invoice closes and the payment keeps 4.00.
    await posted([paymentLine({ documentNo: 'PAY-2', amount: '-7', appliesToDocNo: first })], { acceptPaymentTolerance: true });
    expect(await entryOf(api, first)).toMatchObject({ remainingAmount: '0.00', open: false, maxPaymentTolerance: '0.00' });
    expect(await entryOf(api, 'PAY-2')).toMatchObject({ remainingAmount: '-4.00', open: true });

    // Overpaid by 2.50: within the 3.00 left; both close, 2.50 to payment tolerance received (Cr 7921).
    const tolerated = await posted([paymentLine({ documentNo: 'PAY-4', amount: '-5.50', appliesToDocNo: second })], { acceptPaymentTolerance: true });
    expect(await detailedRows(api, tolerated)).toEqual([
      ['PAY-4', 'paymentTolerance', '2.50', '2.50'], [second, 'application', '-3.00', '-3.00'], ['PAY-4', 'application', '3.00', '3.00'],
    ]);
    expect(await glRows(api, tolerated)).toEqual([['1300', '-3.00'], ['7921', '-2.50'], ['2910', '5.50']]);
    expect(await entryOf(api, 'PAY-4')).toMatchObject({ remainingAmount: '0.00', open: false });

    const unapply = async (documentNo: string) => {
      const response = await send('POST', `/api/v1/customerLedgerEntries/${(await entryOf(api, documentNo)).entryNo}/unapply`);
      expect(response.statusCode, response.body).toBe(201);
    };
    await unapply('PAY-4');
    expect(await entryOf(api, second)).toMatchObject({ remainingAmount: '3.00', open: true, maxPaymentTolerance: '3.00' });
    await unapply('PAY-3');
    expect(await entryOf(api, second)).toMatchObject({ remainingAmount: '1000.00', open: true, maxPaymentTolerance: '5.00' });
    await assertLedgerConsistent(api);
  });
});

describe('currency API: payment tolerance and application rounding fields', () => {
  it('round-trips the fields and refuses a percentage over 100, negative amounts and amounts finer than the currency\'s rounding', async () => {
    ({ api, send } = await givenReceivablesCompany('2026-03-08'));
    const saved = await send('PATCH', '/api/v1/currencies/USD', {
      paymentTolerancePercent: '1.5', maxPaymentToleranceAmount: '2.50', applnRoundingPrecision: '0.05', emuCurrency: false,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await send('GET', '/api/v1/currencies/USD')).json()).toMatchObject({
      paymentTolerancePercent: '1.50000', maxPaymentToleranceAmount: '2.50', applnRoundingPrecision: '0.05000', emuCurrency: false,
    });
    const refusals: [string, string][] = [['paymentTolerancePercent', '101'], ['maxPaymentToleranceAmount', '-1'], ['applnRoundingPrecision', '-0.01'], ['maxPaymentToleranceAmount', '1.234']];
    for (const [field, value] of refusals) {
      const refused = await send('PATCH', '/api/v1/currencies/USD', { [field]: value });
      expect([refused.statusCode, refused.json().errors?.[0]?.field]).toEqual([400, field]);
    }
    const coarse = await send('POST', '/api/v1/currencies', { code: 'JPY', amountRoundingPrecision: '1', maxPaymentToleranceAmount: '5.50' });
    expect([coarse.statusCode, coarse.json().code, coarse.json().errors?.[0]?.field]).toEqual([400, 'INVALID_INPUT', 'maxPaymentToleranceAmount']);
    expect((await send('GET', '/api/v1/currencies/JPY')).statusCode).toBe(404);
    const finer = await send('PATCH', '/api/v1/currencies/USD', { applnRoundingPrecision: '0.005' });
    expect([finer.statusCode, finer.json().errors?.[0]?.field]).toEqual([400, 'applnRoundingPrecision']);
    expect((await send('GET', '/api/v1/currencies/USD')).json()).toMatchObject({ applnRoundingPrecision: '0.05000' });
  });
});
