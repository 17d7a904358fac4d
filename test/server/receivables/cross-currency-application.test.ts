/**
 * Applying entries in different currencies (spec §20.3 "cross-currency application per setup"; BC's
 * Sales & Receivables Setup "Appln. between Currencies", Gen. Jnl.-Post Line PostApply). LCY is EUR.
 * USD rates (USD per 100 EUR): 110 from 03-01, 100 from 03-08, 125 from 03-15, 120 from 03-20;
 * CHF 90 from 03-01. BC converts the applied entry into the applying entry's currency at the rates
 * of the applying entry's posting date; the pair's LCY is the applied amount at the applied entry's
 * rate when the applying entry is in a currency, the applying LCY amount itself when it is in LCY.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { customerEntryApplyMark } from '../../../src/server/db/schema/index.ts';
import type { TestApi } from '../../support/api.ts';
import { created } from '../../support/given.ts';
import {
  assertLedgerConsistent, detailedRows, entryOf, givenReceivablesCompany, glBalances, glRows, paymentLine, postJournal, type Send,
} from './receivables-fixture.ts';

let api: TestApi;
let send: Send;
afterEach(() => api?.close());

/** The receivables company plus USD and CHF rates, the rounding accounts 9330/9331 and 9340/9341, CHF gains 9350 and losses 9360. */
async function company(applicationBetweenCurrencies: 'none' | 'emu' | 'all' = 'all') {
  ({ api, send } = await givenReceivablesCompany('2026-03-08'));
  for (const [no, name] of [['9330', 'Appln. rounding (debit)'], ['9331', 'Appln. rounding (credit)'], ['9340', 'Rounding (debit)'],
    ['9341', 'Rounding (credit)'], ['9350', 'CHF gains'], ['9360', 'CHF losses']]) {
    await created(send, '/api/v1/glAccounts', { no, name, incomeBalance: 'incomeStatement' });
  }
  await send('PATCH', '/api/v1/customerPostingGroups/DOMESTIC', {
    debitCurrencyApplicationRoundingAccount: '9330', creditCurrencyApplicationRoundingAccount: '9331', debitRoundingAccount: '9340', creditRoundingAccount: '9341',
  });
  await created(send, '/api/v1/currencies', { code: 'CHF', realizedGainsAccount: '9350', realizedLossesAccount: '9360' });
  for (const [startingDate, exchangeRateAmount] of [['2026-03-01', '110'], ['2026-03-08', '100'], ['2026-03-15', '125'], ['2026-03-20', '120']]) {
    await created(send, '/api/v1/currencies/USD/exchangeRates', { startingDate, exchangeRateAmount, relationalExchangeRateAmount: '100' });
  }
  await created(send, '/api/v1/currencies/CHF/exchangeRates', { startingDate: '2026-03-01', exchangeRateAmount: '90', relationalExchangeRateAmount: '100' });
  await send('PATCH', '/api/v1/customers/C', { paymentTermsCode: '14D' });
  const setup = await send('PATCH', '/api/v1/salesReceivablesSetup', { applicationBetweenCurrencies });
  expect(setup.statusCode, setup.body).toBe(200);
}

/** Posts the lines; the last transaction's number. */
async function posted(lines: Record<string, unknown>[], options: Record<string, unknown> = {}): Promise<number> {
  const response = await postJournal(send, lines, options);
  expect(response.statusCode, response.body).toBe(201);
  return response.json().transactions.at(-1).transactionNo;
}

/** A journal invoice to customer C in a currency at the rate of its date (USD 110.00 on 03-01 = 100.00 LCY). */
const invoiceLine = (documentNo: string, amount: string, currencyCode = 'USD', postingDate = '2026-03-01') => ({
  postingDate, documentType: 'invoice', documentNo, accountType: 'customer', accountNo: 'C', ...(currencyCode ? { currencyCode } : {}), amount,
  balAccountType: 'glAccount', balAccountNo: '8000',
});

describe('an EUR (LCY) payment applied to a USD invoice by Applies-to Doc. No.', () => {
  it('gain: USD 110.00 invoiced at 1.1 (100.00) and paid EUR 110.00 at 1.0 realizes a gain of 10.00 on the invoice', async () => {
    await company();
    await posted([invoiceLine('JI-1', '110')]);
    expect(await entryOf(api, 'JI-1')).toMatchObject({ currencyCode: 'USD', amount: '110.00', amountLcy: '100.00' });
    const transactionNo = await posted([paymentLine({ amount: '-110', appliesToDocType: 'invoice', appliesToDocNo: 'JI-1' })]);
    expect(await detailedRows(api, transactionNo)).toEqual([
      ['JI-1', 'realizedGain', '0.00', '10.00'], ['JI-1', 'application', '-110.00', '-110.00'], ['PAY-1', 'application', '110.00', '110.00'],
    ]);
    expect(await glRows(api, transactionNo)).toEqual([['1300', '-100.00'], ['9310', '-10.00'], ['2910', '110.00']]);
    expect(await entryOf(api, 'JI-1')).toMatchObject({ remainingAmount: '0.00', remainingAmountLcy: '0.00', open: false, closedByAmount: '110.00' });
    expect(await entryOf(api, 'PAY-1')).toMatchObject({ remainingAmount: '0.00', remainingAmountLcy: '0.00', open: false, closedByAmount: '-110.00' });
    await assertLedgerConsistent(api);
  });

  it('loss: paid EUR 88.00 on 03-15 at 1.25 (USD 110.00 = EUR 88.00) realizes a loss of 12.00; unapply restores every remaining amount and the G/L', async () => {
    await company();
    await posted([invoiceLine('JI-2', '110')]);
    await posted([paymentLine({ postingDate: '2026-03-15', documentNo: 'PAY-2', amount: '-88' })]);
    const before = await glBalances(api);
    const payment = await entryOf(api, 'PAY-2');
    const applied = await send('POST', `/api/v1/customerLedgerEntries/${payment.entryNo}/apply`, { appliedEntries: [{ entryNo: (await entryOf(api, 'JI-2')).entryNo }] });
    expect(applied.statusCode, applied.body).toBe(201);
    const { transactionNo } = applied.json();
    expect(await detailedRows(api, transactionNo)).toEqual([
      ['JI-2', 'realizedLoss', '0.00', '-12.00'], ['JI-2', 'application', '-110.00', '-88.00'], ['PAY-2', 'application', '88.00', '88.00'],
    ]);
    expect(await glRows(api, transactionNo)).toEqual([['9320', '12.00'], ['1300', '-12.00']]);
    await assertLedgerConsistent(api);

    const unapplied = await send('POST', `/api/v1/customerLedgerEntries/${payment.entryNo}/unapply`);
    expect(unapplied.statusCode, unapplied.body).toBe(201);
    expect(await entryOf(api, 'JI-2')).toMatchObject({ remainingAmount: '110.00', remainingAmountLcy: '100.00', open: true, closedByEntryNo: null });
    expect(await entryOf(api, 'PAY-2')).toMatchObject({ remainingAmount: '-88.00', remainingAmountLcy: '-88.00', open: true });
    expect(await glBalances(api)).toEqual(before);
    await assertLedgerConsistent(api);
  });
});

describe('application rounding and the correction of the remaining amount', () => {
  it('EUR 83.30 for USD 100.00 (EUR 83.33 at 1.2 on 03-20): the 0.03 within USD\'s Appln. Rounding Precision 0.05 closes both', async () => {
    await company();
    const usd = await send('PATCH', '/api/v1/currencies/USD', { applnRoundingPrecision: '0.05' });
    expect(usd.json()).toMatchObject({ applnRoundingPrecision: '0.05000' });
    await posted([invoiceLine('JI-4', '100')]);
    expect(await entryOf(api, 'JI-4')).toMatchObject({ amountLcy: '90.91' });
    const transactionNo = await posted([paymentLine({ postingDate: '2026-03-20', documentNo: 'PAY-4', amount: '-83.30', appliesToDocNo: 'JI-4' })]);
    expect(await detailedRows(api, transactionNo)).toEqual([
      ['PAY-4', 'applicationRounding', '-0.03', '-0.03'], ['JI-4', 'realizedLoss', '0.00', '-7.58'],
      ['JI-4', 'application', '-100.00', '-83.33'], ['PAY-4', 'application', '83.33', '83.33'],
    ]);
    expect(await glRows(api, transactionNo)).toEqual([['1300', '-90.91'], ['9330', '0.03'], ['9320', '7.58'], ['2910', '83.30']]);
    expect(await entryOf(api, 'JI-4')).toMatchObject({ open: false, remainingAmountLcy: '0.00' });
    expect(await entryOf(api, 'PAY-4')).toMatchObject({ open: false, remainingAmountLcy: '0.00' });
    await assertLedgerConsistent(api);
  });

  it('without that precision the same payment leaves USD 0.04 open on the invoice', async () => {
    await company();
    await posted([invoiceLine('JI-4', '100')]);
    await posted([paymentLine({ postingDate: '2026-03-20', documentNo: 'PAY-4', amount: '-83.30', appliesToDocNo: 'JI-4' })]);
    // 83.30 EUR is USD 99.96 at 1.2: loss 90.87 − 83.30 = 7.57 on that share; 0.04 USD (0.04 LCY) stay.
    expect(await entryOf(api, 'JI-4')).toMatchObject({ remainingAmount: '0.04', remainingAmountLcy: '0.04', open: true });
    await assertLedgerConsistent(api);
  });

  it('Post Application of CHF 45.00 to USD 100.00: gain 4.55 on the CHF payment, a correction of -0.01 on the invoice; unapply undoes both', async () => {
    await company();
    await posted([invoiceLine('JI-5', '100')]);
    await posted([paymentLine({ documentNo: 'PAY-5', currencyCode: 'CHF', amount: '-45' })]);
    expect(await entryOf(api, 'PAY-5')).toMatchObject({ amountLcy: '-50.00' });
    const before = await glBalances(api);
    const payment = await entryOf(api, 'PAY-5');
    const response = await send('POST', `/api/v1/customerLedgerEntries/${payment.entryNo}/apply`, { appliedEntries: [{ entryNo: (await entryOf(api, 'JI-5')).entryNo }] });
    expect(response.statusCode, response.body).toBe(201);
    const { transactionNo } = response.json();
    // CHF 45.00 = EUR 50.00 = USD 50.00 on 03-08; USD 50.00 at the invoice's 1.1 is 45.45 LCY.
    expect(await detailedRows(api, transactionNo)).toEqual([
      ['PAY-5', 'realizedGain', '0.00', '4.55'], ['JI-5', 'application', '-50.00', '-45.45'], ['PAY-5', 'application', '45.00', '45.45'],
      ['JI-5', 'correctionOfRemainingAmount', '0.00', '-0.01'],
    ]);
    expect(await glRows(api, transactionNo)).toEqual([['9350', '-4.55'], ['9340', '0.01'], ['1300', '4.54']]);
    expect(await entryOf(api, 'JI-5')).toMatchObject({ remainingAmount: '50.00', remainingAmountLcy: '45.45', open: true });
    await assertLedgerConsistent(api);
    const undone = await send('POST', `/api/v1/customerLedgerEntries/${payment.entryNo}/unapply`);
    expect(undone.statusCode, undone.body).toBe(201);
    expect(await entryOf(api, 'JI-5')).toMatchObject({ remainingAmount: '100.00', remainingAmountLcy: '90.91', open: true });
    expect(await entryOf(api, 'PAY-5')).toMatchObject({ remainingAmount: '-45.00', remainingAmountLcy: '-50.00', open: true });
    expect(await glBalances(api)).toEqual(before);
    await assertLedgerConsistent(api);
  });
});

describe('Applies-to ID and Apply to Oldest across currencies', () => {
  it('an EUR payment marked with a USD and an EUR invoice closes both (USD at 1.0 on 03-08: gain 10.00)', async () => {
    await company();
    await posted([invoiceLine('JI-6', '110'), invoiceLine('JI-7', '50', '')]);
    for (const documentNo of ['JI-6', 'JI-7']) {
      await api.db.insert(customerEntryApplyMark).values({ customerLedgerEntryNo: (await entryOf(api, documentNo)).entryNo, appliesToId: 'PAY-6', amountToApply: '0' });
    }
    const transactionNo = await posted([paymentLine({ documentNo: 'PAY-6', amount: '-160', appliesToId: 'PAY-6' })]);
    expect(await detailedRows(api, transactionNo)).toEqual([
      ['JI-6', 'realizedGain', '0.00', '10.00'], ['JI-6', 'application', '-110.00', '-110.00'], ['PAY-6', 'application', '110.00', '110.00'],
      ['JI-7', 'application', '-50.00', '-50.00'], ['PAY-6', 'application', '50.00', '50.00'],
    ]);
    expect(await entryOf(api, 'PAY-6')).toMatchObject({ remainingAmount: '0.00', open: false });
    await assertLedgerConsistent(api);
  });

  it('apply to oldest takes the USD invoice in too when All, and leaves it out when None', async () => {
    await company();
    await send('PATCH', '/api/v1/customers/C', { applicationMethod: 'applyToOldest' });
    await posted([invoiceLine('JI-8', '110', 'USD', '2026-03-01'), invoiceLine('JI-9', '40', '', '2026-03-02')]);
    await posted([paymentLine({ documentNo: 'PAY-8', amount: '-130' })]);
    // Oldest first: JI-8 (USD 110.00 = EUR 110.00 on 03-08) closes, then 20.00 of JI-9.
    expect(await entryOf(api, 'JI-8')).toMatchObject({ open: false, remainingAmountLcy: '0.00' });
    expect(await entryOf(api, 'JI-9')).toMatchObject({ remainingAmount: '20.00', open: true });
    await send('PATCH', '/api/v1/salesReceivablesSetup', { applicationBetweenCurrencies: 'none' });
    await posted([invoiceLine('JI-10', '110', 'USD', '2026-03-02')]);
    await posted([paymentLine({ documentNo: 'PAY-9', amount: '-20' })]);
    expect(await entryOf(api, 'JI-10')).toMatchObject({ remainingAmount: '110.00', open: true });
    expect(await entryOf(api, 'JI-9')).toMatchObject({ remainingAmount: '0.00', open: false });
    await assertLedgerConsistent(api);
  });
});

describe('Appln. between Currencies None and EMU', () => {
  it('None refuses, naming both currencies, by Applies-to Doc. No. and by Post Application, writing nothing', async () => {
    await company('none');
    await posted([invoiceLine('JI-11', '110')]);
    const refused = await postJournal(send, [paymentLine({ amount: '-110', appliesToDocNo: 'JI-11' })]);
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'APPLICATION_INVALID', errors: [{ field: 'lines.0.appliesToDocNo' }] });
    expect(refused.json().detail).toContain('different currencies (the local currency EUR and USD)');
    expect(refused.json().detail).toContain('Appln. between Currencies');
    await posted([paymentLine({ amount: '-110' })]);
    const byApply = await send('POST', `/api/v1/customerLedgerEntries/${(await entryOf(api, 'PAY-1')).entryNo}/apply`, {
      appliedEntries: [{ entryNo: (await entryOf(api, 'JI-11')).entryNo }],
    });
    expect(byApply.statusCode).toBe(422);
    expect(byApply.json().detail).toContain('different currencies (the local currency EUR and USD)');
    expect(await entryOf(api, 'JI-11')).toMatchObject({ remainingAmount: '110.00', open: true });
    await assertLedgerConsistent(api);
  });

  it('None refuses to mark a USD and an EUR invoice with one Applies-to ID, naming the entry; All marks them', async () => {
    await company('none');
    await posted([invoiceLine('JI-14', '110'), invoiceLine('JI-15', '50', '')]);
    const entries = [{ entryNo: (await entryOf(api, 'JI-15')).entryNo }, { entryNo: (await entryOf(api, 'JI-14')).entryNo }];
    const refused = await send('PUT' as never, '/api/v1/customerEntryApplyMarks/PAY-14', { entries });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'APPLICATION_INVALID', errors: [{ field: 'entries.1.entryNo' }] });
    expect(refused.json().detail).toContain('different currencies');
    expect((await send('GET', '/api/v1/customerEntryApplyMarks/PAY-14')).json().entries).toEqual([]);
    await send('PATCH', '/api/v1/salesReceivablesSetup', { applicationBetweenCurrencies: 'all' });
    const marked = await send('PUT' as never, '/api/v1/customerEntryApplyMarks/PAY-14', { entries });
    expect(marked.statusCode, marked.body).toBe(200);
    expect(marked.json().entries).toHaveLength(2);
  });

  it('EMU applies EUR (an EMU currency in the G/L setup) to NLG, an EMU currency, and refuses USD', async () => {
    await company('emu');
    await send('PATCH', '/api/v1/generalLedgerSetup', { emuCurrency: true });
    await created(send, '/api/v1/currencies', { code: 'NLG', emuCurrency: true, realizedGainsAccount: '9310', realizedLossesAccount: '9320' });
    await created(send, '/api/v1/currencies/NLG/exchangeRates', { startingDate: '2026-01-01', exchangeRateAmount: '220.371', relationalExchangeRateAmount: '100' });
    await posted([invoiceLine('JI-12', '220.37', 'NLG'), invoiceLine('JI-13', '110')]);
    await posted([paymentLine({ amount: '-100', appliesToDocNo: 'JI-12' })]);
    expect(await entryOf(api, 'JI-12')).toMatchObject({ amountLcy: '100.00', remainingAmount: '0.00', open: false });
    const refused = await postJournal(send, [paymentLine({ documentNo: 'PAY-2', amount: '-100', appliesToDocNo: 'JI-13' })]);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().detail).toContain('not both EMU currencies');
    await assertLedgerConsistent(api);
  });
});

describe('a sales credit memo posted with Applies-to Doc. No. to an invoice in a currency', () => {
  /** A USD credit memo of USD 88.00 + 25 % VAT = 110.00 for customer C, applied to the document named; the post response. */
  async function postCreditMemo(appliesToDocumentNo: string, fields: Record<string, unknown> = {}) {
    const memo = await created(send, '/api/v1/salesCreditMemos', {
      sellToCustomerNo: 'C', postingDate: '2026-03-15', currencyCode: 'USD', appliesToDocumentType: 'invoice', appliesToDocumentNo,
      lines: [{ type: 'glAccount', no: '6100', quantity: '1', unitPrice: '88' }], ...fields,
    });
    return { memoNo: memo.no as string, response: await send('POST', `/api/v1/salesCreditMemos/${memo.no}/post`) };
  }

  it('USD 110.00 credited on 03-15 at 1.25 (EUR 88.00) against USD 110.00 invoiced at 1.1 (EUR 100.00): both close, a loss of 12.00', async () => {
    await company();
    await posted([invoiceLine('JI-20', '110')]);
    const { response } = await postCreditMemo('JI-20');
    expect(response.statusCode, response.body).toBe(201);
    const { creditMemoNo, transactionNo } = response.json();
    expect(await entryOf(api, creditMemoNo)).toMatchObject({ currencyCode: 'USD', amount: '-110.00', amountLcy: '-88.00', remainingAmount: '0.00', remainingAmountLcy: '0.00', open: false });
    expect(await entryOf(api, 'JI-20')).toMatchObject({ remainingAmount: '0.00', remainingAmountLcy: '0.00', open: false, closedByAmount: '110.00' });
    const detailed = await detailedRows(api, transactionNo);
    expect(detailed.filter(([, type]) => type === 'realizedLoss' || type === 'realizedGain')).toEqual([[expect.any(String), 'realizedLoss', '0.00', '-12.00']]);
    expect((await glRows(api, transactionNo)).filter(([account]) => account === '9320')).toEqual([['9320', '12.00']]);
    await assertLedgerConsistent(api);
  });

  it('a USD credit memo applies to an EUR invoice when Appln. between Currencies is All, and is refused on its Applies-to Doc. No. when None, posting nothing', async () => {
    await company('all');
    await posted([invoiceLine('JI-21', '100', '')]);
    const { creditMemoNo } = (await postCreditMemo('JI-21', { postingDate: '2026-03-08' })).response.json();
    // USD 110.00 at 1.0 on 03-08 is EUR 110.00: it closes the EUR 100.00 invoice and keeps USD 10.00 open.
    expect(await entryOf(api, 'JI-21')).toMatchObject({ remainingAmount: '0.00', open: false });
    expect(await entryOf(api, creditMemoNo)).toMatchObject({ remainingAmount: '-10.00', open: true });
    await assertLedgerConsistent(api);

    await send('PATCH', '/api/v1/salesReceivablesSetup', { applicationBetweenCurrencies: 'none' });
    await posted([invoiceLine('JI-22', '100', '')]);
    const glBefore = await glBalances(api);
    const { memoNo, response } = await postCreditMemo('JI-22', { postingDate: '2026-03-08' });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ code: 'APPLICATION_INVALID', errors: [{ field: 'appliesToDocumentNo' }] });
    expect(response.json().detail).toContain('different currencies');
    expect(await glBalances(api)).toEqual(glBefore);
    expect((await send('GET', `/api/v1/salesCreditMemos/${memoNo}`)).statusCode).toBe(200);
  });
});
