import { dec, sum, toFixedString } from '../../core/money/decimal.ts';

/** What the balance reads of a vendor ledger entry (core/posting/ledger-entry.views.ts vendorLedgerEntryView). */
export interface OpenVendorEntry { remainingAmountLcy: string; open: boolean }

/**
 * BC's Vendor Balance (LCY): what the company owes the vendor, the remaining amounts (LCY) of its
 * open entries with the sign turned. A vendor's invoice is a credit (negative) entry, and BC shows
 * the amount owed as a positive balance (the FlowField is −Σ detailed entries' Amount (LCY)).
 */
export function vendorBalanceLcy(entries: readonly OpenVendorEntry[]): string {
  const remaining = sum(entries.filter((entry) => entry.open).map((entry) => dec(entry.remainingAmountLcy)));
  return toFixedString(remaining.negated(), 2);
}
