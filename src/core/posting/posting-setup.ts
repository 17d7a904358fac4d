/**
 * The setup rows a posting reads its accounts from (spec §1.6), already loaded by the caller, and
 * the one way a missing row or a blank account is refused.
 */
import { DomainError } from '../errors.ts';
import type { Decimal } from '../money/decimal.ts';
import type { VatCalculationType } from '../sales/types.ts';

/** The sales accounts of a General Posting Setup row (Gen. Bus. × Gen. Prod. Posting Group). '' = blank. */
export interface GeneralPostingSetupSalesAccounts {
  genBusPostingGroup: string;
  genProdPostingGroup: string;
  salesAccount: string;
  salesCreditMemoAccount: string;
  salesLineDiscountAccount: string;
  salesInvoiceDiscountAccount: string;
}

/** The cost accounts of a General Posting Setup row. */
export interface GeneralPostingSetupCostAccounts {
  genBusPostingGroup: string;
  genProdPostingGroup: string;
  cogsAccount: string;
  cogsAccountInterim: string;
  /** Purchases: the other side of a receipt's actual cost (Direct Cost Applied Account) and expected cost (Invt. Accrual Acc. (Interim)). */
  directCostAppliedAccount?: string;
  inventoryAccrualAccountInterim?: string;
  /** Assembly consumption and output (and item journals): the other side of their inventory. */
  inventoryAdjustmentAccount?: string;
}

/** A VAT Posting Setup row (VAT Bus. × VAT Prod. Posting Group): how its VAT is calculated and where it goes. */
export interface VatPostingSetupSales {
  vatBusPostingGroup: string;
  vatProdPostingGroup: string;
  vatCalculationType: VatCalculationType;
  vatIdentifier: string;
  vatPercent: Decimal;
  salesVatAccount: string;
  /** Purchases: the Purchase VAT Account, and for reverse charge the Reverse Chrg. VAT Acc. it is balanced on. */
  purchaseVatAccount?: string;
  reverseChargeVatAccount?: string;
}

/** An Inventory Posting Setup row (Location × Inventory Posting Group). */
export interface InventoryPostingSetupAccounts {
  locationCode: string;
  inventoryPostingGroup: string;
  inventoryAccount: string;
  inventoryAccountInterim: string;
}

/** The accounts of a Customer Posting Group that invoicing uses. */
export interface CustomerPostingGroupAccounts {
  code: string;
  receivablesAccount: string;
  invoiceRoundingAccount: string;
}

/**
 * POSTING_SETUP_MISSING for a missing setup row or a blank account. Its message speaks of the VAT
 * posting setup, so for other setups the parameters name the setup and the field instead of the
 * two VAT groups (as the service-charge check in server/sales does); `setup` and `field` carry the
 * same facts for a message that wants them separately.
 */
export function postingSetupMissing(setup: string, field: string, inputField?: string): DomainError {
  return new DomainError(
    'POSTING_SETUP_MISSING',
    { vatBusPostingGroup: setup, vatProdPostingGroup: field, setup, field },
    inputField,
  );
}

/** The account, or POSTING_SETUP_MISSING when it is blank. */
export function requireAccount(account: string, setup: string, field: string, inputField?: string): string {
  if (account.trim() === '') throw postingSetupMissing(setup, field, inputField);
  return account;
}

export function generalPostingSetupName(genBusPostingGroup: string, genProdPostingGroup: string): string {
  return `general posting setup '${genBusPostingGroup}' × '${genProdPostingGroup}'`;
}

export function findGeneralPostingSetup<S extends { genBusPostingGroup: string; genProdPostingGroup: string }>(
  setups: readonly S[],
  genBusPostingGroup: string,
  genProdPostingGroup: string,
  inputField?: string,
): S {
  const setup = setups.find(
    (row) => row.genBusPostingGroup === genBusPostingGroup && row.genProdPostingGroup === genProdPostingGroup,
  );
  if (!setup) {
    throw postingSetupMissing(generalPostingSetupName(genBusPostingGroup, genProdPostingGroup), '(no such setup)', inputField);
  }
  return setup;
}

/** The VAT posting setup row; a missing one gets the message in its own words. */
export function findVatPostingSetup(
  setups: readonly VatPostingSetupSales[],
  vatBusPostingGroup: string,
  vatProdPostingGroup: string,
  inputField?: string,
): VatPostingSetupSales {
  const setup = setups.find(
    (row) => row.vatBusPostingGroup === vatBusPostingGroup && row.vatProdPostingGroup === vatProdPostingGroup,
  );
  if (!setup) {
    throw new DomainError('POSTING_SETUP_MISSING', { vatBusPostingGroup, vatProdPostingGroup }, inputField);
  }
  return setup;
}

export function inventoryPostingSetupName(locationCode: string, inventoryPostingGroup: string): string {
  return `inventory posting setup '${locationCode}' × '${inventoryPostingGroup}'`;
}

/** The Inventory Posting Setup row of a location (blank = none) and inventory posting group. */
export function findInventoryPostingSetup<S extends { locationCode: string; inventoryPostingGroup: string }>(
  setups: readonly S[],
  locationCode: string,
  inventoryPostingGroup: string,
  inputField?: string,
): S {
  const setup = setups.find((row) => row.locationCode === locationCode && row.inventoryPostingGroup === inventoryPostingGroup);
  if (!setup) throw postingSetupMissing(inventoryPostingSetupName(locationCode, inventoryPostingGroup), '(no such setup)', inputField);
  return setup;
}
