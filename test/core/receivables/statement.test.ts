import { describe, expect, it } from 'vitest';
import { dec } from '../../../src/core/money/decimal.ts';
import { customerStatement, type StatementMovement } from '../../../src/core/receivables/customer-statement.ts';

let nextEntryNo = 1;
function movement(fields: Partial<Omit<StatementMovement, 'amount' | 'amountLcy'>> & { amount: string; amountLcy?: string }): StatementMovement {
  const { amount, amountLcy, ...rest } = fields;
  return {
    detailedEntryNo: nextEntryNo++, customerLedgerEntryNo: 1, entryType: 'initialEntry', transactionNo: 1, postingDate: '2026-03-01',
    documentType: 'invoice', documentNo: 'PI1', currencyCode: '', amount: dec(amount), amountLcy: dec(amountLcy ?? amount),
    entry: { documentType: 'invoice', documentNo: 'PI1', description: 'Order 1', dueDate: '2026-03-31', externalDocumentNo: '' },
    ...rest,
  };
}

const period = { from: '2026-03-01', to: '2026-03-31' };
const lines = (statement: ReturnType<typeof customerStatement>) =>
  statement.lines.map((line) => [line.postingDate, line.documentType, line.documentNo, line.description, line.amountLcy.toFixed(2), line.balanceLcy.toFixed(2)]);

describe('customerStatement: opening balance, lines with a running balance, closing balance', () => {
  const payment = { documentType: 'payment', documentNo: 'PAY1', description: '', dueDate: null, externalDocumentNo: 'CHQ 7' };

  it('documents and payments in posting order; applications between them cancel out and are not lines', () => {
    const statement = customerStatement(period, dec('200'), [
      movement({ amount: '1000' }),
      movement({ customerLedgerEntryNo: 2, transactionNo: 2, postingDate: '2026-03-05', documentType: 'creditMemo', documentNo: 'CM1', amount: '-100', entry: { documentType: 'creditMemo', documentNo: 'CM1', description: 'Return', dueDate: '2026-03-05', externalDocumentNo: '' } }),
      movement({ customerLedgerEntryNo: 3, transactionNo: 3, postingDate: '2026-03-10', documentType: 'payment', documentNo: 'PAY1', amount: '-600', entry: payment }),
      movement({ customerLedgerEntryNo: 1, entryType: 'application', transactionNo: 3, postingDate: '2026-03-10', documentType: 'payment', documentNo: 'PAY1', amount: '-600' }),
      movement({ customerLedgerEntryNo: 3, entryType: 'application', transactionNo: 3, postingDate: '2026-03-10', documentType: 'payment', documentNo: 'PAY1', amount: '600', entry: payment }),
    ]);
    expect(statement.openingBalanceLcy.toFixed(2)).toBe('200.00');
    expect(lines(statement)).toEqual([
      ['2026-03-01', 'invoice', 'PI1', 'Order 1', '1000.00', '1200.00'],
      ['2026-03-05', 'creditMemo', 'CM1', 'Return', '-100.00', '1100.00'],
      ['2026-03-10', 'payment', 'PAY1', '', '-600.00', '500.00'],
    ]);
    expect(statement.lines[2]).toMatchObject({ externalDocumentNo: 'CHQ 7', dueDate: null, entryType: 'initialEntry' });
    expect(statement.closingBalanceLcy.toFixed(2)).toBe('500.00');
  });

  it('a payment discount is a line of its own under the payment, so the balance still reaches 0', () => {
    const statement = customerStatement(period, dec('0'), [
      movement({ amount: '1000' }),
      movement({ customerLedgerEntryNo: 2, transactionNo: 2, postingDate: '2026-03-08', documentType: 'payment', documentNo: 'PAY1', amount: '-950', entry: payment }),
      movement({ customerLedgerEntryNo: 1, entryType: 'application', transactionNo: 2, postingDate: '2026-03-08', documentType: 'payment', documentNo: 'PAY1', amount: '-950' }),
      movement({ customerLedgerEntryNo: 1, entryType: 'paymentDiscount', transactionNo: 2, postingDate: '2026-03-08', documentType: 'payment', documentNo: 'PAY1', amount: '-50' }),
      movement({ customerLedgerEntryNo: 2, entryType: 'application', transactionNo: 2, postingDate: '2026-03-08', documentType: 'payment', documentNo: 'PAY1', amount: '950', entry: payment }),
    ]);
    expect(lines(statement)).toEqual([
      ['2026-03-01', 'invoice', 'PI1', 'Order 1', '1000.00', '1000.00'],
      ['2026-03-08', 'payment', 'PAY1', '', '-950.00', '50.00'],
      ['2026-03-08', 'payment', 'PAY1', 'Payment Discount', '-50.00', '0.00'],
    ]);
    expect(statement.lines[2]!.entryType).toBe('paymentDiscount');
    expect(statement.closingBalanceLcy.toFixed(2)).toBe('0.00');
  });

  it('foreign currency: the line keeps its currency amount, the balance runs in LCY; an application left unbalanced in LCY shows', () => {
    const statement = customerStatement(period, dec('0'), [
      movement({ currencyCode: 'USD', amount: '110', amountLcy: '100' }),
      movement({ customerLedgerEntryNo: 2, transactionNo: 2, postingDate: '2026-03-20', documentType: 'payment', documentNo: 'PAY1', currencyCode: 'USD', amount: '-110', amountLcy: '-98', entry: payment }),
      movement({ customerLedgerEntryNo: 1, entryType: 'application', transactionNo: 2, postingDate: '2026-03-20', currencyCode: 'USD', documentType: 'payment', documentNo: 'PAY1', amount: '-110', amountLcy: '-100' }),
      movement({ customerLedgerEntryNo: 2, entryType: 'application', transactionNo: 2, postingDate: '2026-03-20', currencyCode: 'USD', documentType: 'payment', documentNo: 'PAY1', amount: '110', amountLcy: '98' }),
    ]);
    expect(statement.lines.map((line) => [line.description, line.currencyCode, line.amount.toFixed(2), line.amountLcy.toFixed(2), line.balanceLcy.toFixed(2)])).toEqual([
      ['Order 1', 'USD', '110.00', '100.00', '100.00'],
      ['', 'USD', '-110.00', '-98.00', '2.00'],
      ['Application', '', '-2.00', '-2.00', '0.00'],
    ]);
  });

  it('an empty period: no lines, closing = opening', () => {
    const statement = customerStatement(period, dec('-42.10'), []);
    expect(statement.lines).toEqual([]);
    expect(statement.closingBalanceLcy.toFixed(2)).toBe('-42.10');
  });
});
