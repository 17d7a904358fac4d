/**
 * The G/L and VAT side of detailed customer ledger entries (BC's PostDtldCustLedgEntries and
 * GetDtldCustLedgEntryAccNo): every detailed entry other than Initial Entry and Application posts
 * its Amount (LCY) negated to its own account (discount, tolerance, gain or loss, sales VAT), and
 * the receivables account of the entry's customer posting group takes Σ Amount (LCY) of all its
 * detailed entries. Shared by application and unapply, so both pick the same accounts.
 */
import { type Decimal, ZERO } from '../money/decimal.ts';
import type { EntryDocument, GlEntry, VatEntry } from '../posting/entries.ts';
import { requireAccount } from '../posting/posting-setup.ts';
import type {
  ApplicationParty, ApplicationSetup, CustomerPostingGroupApplicationAccounts, DetailedCustomerEntryType, VatBucket,
} from './application-types.ts';

export interface AccountContext {
  setup: ApplicationSetup;
  /** The customer posting group of the entry the detailed entry is on. */
  group: CustomerPostingGroupApplicationAccounts;
  currencyCode: string;
  /** The VAT bucket of a VAT Excl. / VAT Adjustment entry. */
  bucket?: VatBucket | undefined;
}

const groupNameOf = (group: CustomerPostingGroupApplicationAccounts, party: ApplicationParty = 'customer') => `${party} posting group '${group.code}'`;
const bucketSetup = (bucket: VatBucket) => `general posting setup '${bucket.genBusPostingGroup}' × '${bucket.genProdPostingGroup}'`;

/**
 * The account of a detailed entry type; `debit` when the G/L entry debits it (the detailed entry's
 * Amount (LCY) is negative). Payment Tolerance Posting and Pmt. Disc. Tolerance Posting choose
 * between the tolerance and the discount accounts; application rounding and the correction of the
 * remaining amount post to the customer posting group's (BC's GetApplRoundingAccount, GetRoundingAccount).
 */
export function detailedEntryAccount(entryType: DetailedCustomerEntryType, debit: boolean, context: AccountContext): string {
  const { setup } = context;
  const group = context.group;
  const groupName = (named: CustomerPostingGroupApplicationAccounts) => groupNameOf(named, setup.party);
  const discountAccounts = () => requireAccount(debit ? group.paymentDiscountDebitAccount : group.paymentDiscountCreditAccount,
    groupName(group), debit ? 'Payment Disc. Debit Acc.' : 'Payment Disc. Credit Acc.');
  const toleranceAccounts = () => requireAccount(debit ? group.paymentToleranceDebitAccount : group.paymentToleranceCreditAccount,
    groupName(group), debit ? 'Payment Tolerance Debit Acc.' : 'Payment Tolerance Credit Acc.');
  switch (entryType) {
    case 'realizedGain':
    case 'realizedLoss': {
      const currency = setup.currencies.get(context.currencyCode);
      const gain = entryType === 'realizedGain';
      return requireAccount((gain ? currency?.realizedGainsAccount : currency?.realizedLossesAccount) ?? '',
        `currency '${context.currencyCode}'`, gain ? 'Realized Gains Acc.' : 'Realized Losses Acc.');
    }
    case 'applicationRounding':
      return requireAccount((debit ? group.debitCurrencyApplicationRoundingAccount : group.creditCurrencyApplicationRoundingAccount) ?? '',
        groupName(group), debit ? 'Debit Curr. Appln. Rndg. Acc.' : 'Credit Curr. Appln. Rndg. Acc.');
    case 'correctionOfRemainingAmount':
      return requireAccount((debit ? group.debitRoundingAccount : group.creditRoundingAccount) ?? '',
        groupName(group), debit ? 'Debit Rounding Account' : 'Credit Rounding Account');
    case 'paymentDiscount': return discountAccounts();
    case 'paymentTolerance': return setup.paymentTolerancePosting === 'paymentToleranceAccounts' ? toleranceAccounts() : discountAccounts();
    case 'paymentDiscountTolerance':
      return setup.paymentDiscountTolerancePosting === 'paymentToleranceAccounts' ? toleranceAccounts() : discountAccounts();
    default: return bucketAccount(entryType, debit, context);
  }
}

// A vendor's buckets carry the purchase accounts in the same fields (the Purch. ones of the setups).
function bucketAccount(entryType: DetailedCustomerEntryType, debit: boolean, context: AccountContext): string {
  const bucket = context.bucket;
  if (!bucket) throw new Error(`a ${entryType} detailed entry needs its VAT bucket`);
  const side = context.setup.party === 'vendor' ? 'Purch.' : 'Sales';
  const salesDiscount = () => requireAccount(debit ? bucket.salesPaymentDiscountDebitAccount : bucket.salesPaymentDiscountCreditAccount,
    bucketSetup(bucket), debit ? `${side} Pmt. Disc. Debit Acc.` : `${side} Pmt. Disc. Credit Acc.`);
  const salesTolerance = () => requireAccount(debit ? bucket.salesPaymentToleranceDebitAccount : bucket.salesPaymentToleranceCreditAccount,
    bucketSetup(bucket), debit ? `${side} Pmt. Tol. Debit Acc.` : `${side} Pmt. Tol. Credit Acc.`);
  switch (entryType) {
    case 'paymentDiscountVatExcl': return salesDiscount();
    case 'paymentToleranceVatExcl':
      return context.setup.paymentTolerancePosting === 'paymentToleranceAccounts' ? salesTolerance() : salesDiscount();
    case 'paymentDiscountToleranceVatExcl':
      return context.setup.paymentDiscountTolerancePosting === 'paymentToleranceAccounts' ? salesTolerance() : salesDiscount();
    case 'paymentDiscountVatAdjustment':
    case 'paymentToleranceVatAdjustment':
    case 'paymentDiscountToleranceVatAdjustment':
      return requireAccount(bucket.salesVatAccount, `VAT posting setup '${bucket.vatBusPostingGroup}' × '${bucket.vatProdPostingGroup}'`, `${side === 'Sales' ? 'Sales' : 'Purchase'} VAT Account`);
    default: throw new Error(`${entryType} posts no G/L entry of its own`);
  }
}

/**
 * The G/L entry of one detailed entry: −Amount (LCY) on its account. VAT parts carry the bucket's
 * posting groups and Gen. Posting Type Sale (Purchase for a vendor), as BC copies them from the VAT entry.
 */
export function detailedEntryGlEntry(
  accountNo: string, amountLcy: Decimal, customerNo: string, document: EntryDocument, bucket?: VatBucket, party: ApplicationParty = 'customer',
): GlEntry {
  return {
    accountNo,
    amount: amountLcy.negated(),
    description: document.description,
    genPostingType: bucket ? (party === 'vendor' ? 'purchase' : 'sale') : '',
    genBusPostingGroup: bucket?.genBusPostingGroup ?? '',
    genProdPostingGroup: bucket?.genProdPostingGroup ?? '',
    vatBusPostingGroup: bucket?.vatBusPostingGroup ?? '',
    vatProdPostingGroup: bucket?.vatProdPostingGroup ?? '',
    sourceType: party,
    sourceNo: customerNo,
    document,
  };
}

/**
 * The VAT entry of a VAT Adjustment part: output VAT reversed on the discounted base (positive for an
 * invoice's discount); for a vendor, input VAT reversed (negative).
 */
export function adjustmentVatEntry(
  bucket: VatBucket, base: Decimal, amount: Decimal, customerNo: string, document: EntryDocument, party: ApplicationParty = 'customer',
): VatEntry {
  return {
    type: party === 'vendor' ? 'purchase' : 'sale',
    base,
    amount,
    vatCalculationType: bucket.vatCalculationType,
    vatIdentifier: bucket.vatIdentifier,
    vatPercent: bucket.vatPercent,
    vatBusPostingGroup: bucket.vatBusPostingGroup,
    vatProdPostingGroup: bucket.vatProdPostingGroup,
    billToCustomerNo: customerNo,
    document,
  };
}

/** Receivables: per customer posting group, Σ Amount (LCY) of the detailed entries written on its entries. */
export class ReceivablesTotals {
  private readonly totals = new Map<string, { group: CustomerPostingGroupApplicationAccounts; amountLcy: Decimal }>();

  add(group: CustomerPostingGroupApplicationAccounts, amountLcy: Decimal): void {
    const total = this.totals.get(group.code) ?? { group, amountLcy: ZERO };
    total.amountLcy = total.amountLcy.plus(amountLcy);
    this.totals.set(group.code, total);
  }

  glEntries(customerNo: string, document: EntryDocument, party: ApplicationParty = 'customer'): GlEntry[] {
    const caption = party === 'vendor' ? 'Payables Account' : 'Receivables Account';
    return [...this.totals.values()].filter((total) => !total.amountLcy.isZero()).map((total) => ({
      ...detailedEntryGlEntry(
        requireAccount(total.group.receivablesAccount, groupNameOf(total.group, party), caption), total.amountLcy.negated(), customerNo, document, undefined, party,
      ),
    }));
  }
}

/** The posting group of an entry; POSTING_SETUP_MISSING when the shell has none for it. */
export function postingGroupOf(setup: ApplicationSetup, code: string): CustomerPostingGroupApplicationAccounts {
  const group = setup.customerPostingGroups.get(code);
  if (!group) return { code, receivablesAccount: '', paymentDiscountDebitAccount: '', paymentDiscountCreditAccount: '', paymentToleranceDebitAccount: '', paymentToleranceCreditAccount: '' };
  return group;
}
