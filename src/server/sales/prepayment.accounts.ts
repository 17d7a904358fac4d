/**
 * The account a line's prepayment posts to (spec §26.1), shared by the prepayment documents and the
 * deductions on the order's invoices.
 */
import { inArray } from 'drizzle-orm';
import { DomainError } from '../../core/errors.ts';
import { dec } from '../../core/money/decimal.ts';
import type { PrepaymentAccount } from '../../core/sales/prepayment.ts';
import type { Executor } from '../db/connection.ts';
import { generalPostingSetup, glAccount, vatPostingSetup } from '../db/schema/index.ts';
import type { SalesHeaderRow, SalesLineRow } from './sales-document.types.ts';

/**
 * Each line's Sales Prepayments Account (spec §26.1): the general posting setup of the line's
 * groups, the account's product groups, and the VAT posting setup of the line's VAT business group
 * with the account's VAT product group, which must calculate VAT as the line does.
 */
export async function prepaymentAccounts(tx: Executor, header: SalesHeaderRow, lines: readonly SalesLineRow[]): Promise<Map<number, PrepaymentAccount>> {
  const relevant = lines.filter((line) => !dec(line.prepmtLineAmount).isZero() || !dec(line.prepmtAmtInv).isZero());
  const result = new Map<number, PrepaymentAccount>();
  if (relevant.length === 0) return result;
  const setups = await tx.select({ genBus: generalPostingSetup.genBusPostingGroup, genProd: generalPostingSetup.genProdPostingGroup, account: generalPostingSetup.salesPrepaymentsAccount })
    .from(generalPostingSetup);
  const accountRows = await tx.select().from(glAccount).where(inArray(glAccount.no, setups.flatMap((row) => (row.account ? [row.account] : []))));
  const vatRows = await tx.select().from(vatPostingSetup);
  for (const line of relevant) {
    const genBus = line.genBusPostingGroup ?? header.genBusPostingGroup ?? '';
    const setup = setups.find((row) => (row.genBus ?? '') === genBus && row.genProd === line.genProdPostingGroup);
    const missing = (detail: string) => new DomainError('POSTING_SETUP_MISSING', { detail: `Line ${line.lineNo}: ${detail}` }, 'prepaymentPercent');
    if (!setup?.account) throw missing(`the general posting setup '${genBus}' × '${line.genProdPostingGroup ?? ''}' has no Sales Prepayments Account.`);
    const account = accountRows.find((row) => row.no === setup.account);
    if (!account?.genProdPostingGroup || !account.vatProdPostingGroup) throw missing(`Sales Prepayments Account ${setup.account} needs a Gen. Prod. and a VAT Prod. Posting Group.`);
    const vatBus = line.vatBusPostingGroup ?? header.vatBusPostingGroup ?? '';
    const vat = vatRows.find((row) => (row.vatBusPostingGroup ?? '') === vatBus && (row.vatProdPostingGroup ?? '') === account.vatProdPostingGroup);
    if (!vat || vat.vatCalculationType !== line.vatCalculationType) {
      throw missing(`there is no VAT posting setup '${vatBus}' × '${account.vatProdPostingGroup}' with the line's VAT Calculation Type for Sales Prepayments Account ${account.no}.`);
    }
    if (!dec(line.prepmtAmtInv).isZero() && !dec(line.prepaymentVatPercent).eq(dec(vat.vatPercent))) {
      throw new DomainError('PREPAYMENT_VAT_CHANGED', { lineNo: line.lineNo, now: vat.vatPercent, invoiced: line.prepaymentVatPercent });
    }
    result.set(line.lineNo, {
      accountNo: account.no, genProdPostingGroup: account.genProdPostingGroup, vatProdPostingGroup: account.vatProdPostingGroup,
      vatPercent: dec(vat.vatPercent), vatIdentifier: vat.vatIdentifier, vatCalculationType: vat.vatCalculationType as PrepaymentAccount['vatCalculationType'],
    });
  }
  return result;
}

