/**
 * A seeded synthetic company for timing and property tests: customers with IBANs, ten open invoices
 * each (some with payment discount), and a statement whose lines pay them the ways banks report it —
 * invoice number and name, IBAN and amount, amount only, several invoices at once, and noise.
 */
import { dec } from '../../../../src/core/money/decimal.ts';
import type { OpenEntry, Party, StatementLine } from '../../../../src/core/bank/matching/types.ts';
import { invoice, line } from './fixture.ts';

/** Park–Miller: the same numbers for the same seed. */
export function seededRandom(seed: number): () => number {
  let state = seed % 2147483647 || 1;
  return () => {
    state = (state * 48271) % 2147483647;
    return state / 2147483647;
  };
}

const words = ['Nord', 'Alpen', 'Rhein', 'Contoso', 'Fabrikam', 'Adatum', 'Litware', 'Tailspin', 'Wingtip', 'Proseware',
  'Fourth', 'Coffee', 'Northwind', 'Trey', 'Lucerne', 'Margie', 'Wide', 'World', 'Blue', 'Yonder', 'Graphic', 'Design'];
const forms = ['GmbH', 'Ltd.', 'AG', 'S.A.', 'BV', 'Inc.', 'KG', 'Oy'];

export interface GeneratedCompany {
  parties: Party[];
  entries: OpenEntry[];
}

export function generateCompany(customerCount: number, invoicesPerCustomer: number, random: () => number): GeneratedCompany {
  const parties: Party[] = [];
  const entries: OpenEntry[] = [];
  for (let customerIndex = 0; customerIndex < customerCount; customerIndex++) {
    const no = `C${String(customerIndex + 1).padStart(6, '0')}`;
    const name = `${pick(words, random)} ${pick(words, random)} ${customerIndex + 1} ${pick(forms, random)}`;
    const iban = `DE${String(10 + (customerIndex % 89)).padStart(2, '0')}5001051${String(customerIndex).padStart(10, '0')}`;
    parties.push({ accountType: 'customer', no, name, address: `${customerIndex} Main St`, city: 'Springfield', bankAccountNos: [iban] });
    for (let invoiceIndex = 0; invoiceIndex < invoicesPerCustomer; invoiceIndex++) {
      const entryNo = entries.length + 1;
      const cents = 1000 + Math.floor(random() * 999_000);
      const withDiscount = random() < 0.2;
      entries.push(invoice(entryNo, no, `INV-${String(100000 + entryNo)}`, centsToText(cents), {
        externalDocumentNo: random() < 0.3 ? `PO${entryNo * 7}` : '',
        remainingPaymentDiscountPossible: withDiscount ? dec(centsToText(Math.floor(cents / 50))) : dec('0'),
        paymentDiscountDate: withDiscount ? '2026-03-20' : null,
        dueDate: `2026-0${1 + (invoiceIndex % 3)}-${String(1 + invoiceIndex).padStart(2, '0')}`,
      }));
    }
  }
  return { parties, entries };
}

export function generateStatement(company: GeneratedCompany, lineCount: number, random: () => number): StatementLine[] {
  const lines: StatementLine[] = [];
  const partyByNo = new Map(company.parties.map((party) => [party.no, party]));
  for (let lineNo = 1; lineNo <= lineCount; lineNo++) {
    const entry = company.entries[Math.floor(random() * company.entries.length)]!;
    const party = partyByNo.get(entry.accountNo)!;
    const amount = entry.remainingAmount.toFixed(2);
    const kind = random();
    if (kind < 0.4) lines.push(line(lineNo, amount, { transactionText: `Payment ${entry.documentNo}`, relatedPartyName: party.name }));
    else if (kind < 0.6) lines.push(line(lineNo, amount, { transactionText: 'Transfer', relatedPartyBankAccountNo: party.bankAccountNos[0]! }));
    else if (kind < 0.8) lines.push(line(lineNo, amount, { transactionText: 'Thanks' }));
    else if (kind < 0.9) lines.push(oneToMany(lineNo, company, entry, party.name));
    else lines.push(line(lineNo, centsToText(Math.floor(random() * 100_000) + 1), { transactionText: `Card ${lineNo} ${pick(words, random)}` }));
  }
  return lines;
}

function oneToMany(lineNo: number, company: GeneratedCompany, entry: OpenEntry, name: string): StatementLine {
  const next = company.entries[entry.entryNo] ?? entry;
  const sameAccount = next.accountNo === entry.accountNo && next !== entry;
  const total = sameAccount ? entry.remainingAmount.plus(next.remainingAmount) : entry.remainingAmount;
  const text = sameAccount ? `Invoices ${entry.documentNo}, ${next.documentNo}` : `Invoice ${entry.documentNo}`;
  return line(lineNo, total.toFixed(2), { transactionText: text, additionalTransactionInfo: name });
}

function pick<T>(values: readonly T[], random: () => number): T {
  return values[Math.floor(random() * values.length)]!;
}

function centsToText(cents: number): string {
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}
