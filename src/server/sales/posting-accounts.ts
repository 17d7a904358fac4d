/**
 * The setup rows a sales (purchase) posting takes its accounts from (spec §1.6), loaded once per posting in a
 * few queries (the setup tables are small) and shaped as core/posting expects: '' for blank.
 */
import { eq, sql } from 'drizzle-orm';
import { dec } from '../../core/money/decimal.ts';
import type { CostPostingAccounts } from '../../core/posting/cost-posting.ts';
import type { SalesPostingAccounts } from '../../core/posting/sales-invoice-posting.ts';
import type { VatCalculationType } from '../../core/sales/types.ts';
import type { Executor } from '../db/connection.ts';
import { reusableSelect } from '../db/reusable-select.ts';
import { cachedSetup } from '../db/setup-cache.ts';
import { customerPostingGroup, generalPostingSetup, inventoryPostingSetup, vendorPostingGroup } from '../db/schema/index.ts';
import { vatPostingSetups } from '../documents/vat-posting-setups.ts';

export type PostingAccounts = SalesPostingAccounts & CostPostingAccounts;

const blank = (value: string | null) => value ?? '';

// Built once: every posting reads them.
const selectCustomerPostingGroup = reusableSelect((db) => db.select().from(customerPostingGroup).where(eq(customerPostingGroup.code, sql.placeholder('code'))));
const selectGeneralPostingSetups = reusableSelect((db) => db.select().from(generalPostingSetup));
const selectInventoryPostingSetups = reusableSelect((db) => db.select().from(inventoryPostingSetup));

export async function loadPostingAccounts(tx: Executor, customerPostingGroupCode: string | null): Promise<PostingAccounts> {
  const group = customerPostingGroupCode
    ? await cachedSetup(tx, `customer_posting_group:${customerPostingGroupCode}`, async (db) => (await selectCustomerPostingGroup(db, { code: customerPostingGroupCode }))[0])
    : undefined;
  const general = await cachedSetup(tx, 'general_posting_setup', selectGeneralPostingSetups);
  const vat = await vatPostingSetups(tx);
  const inventory = await cachedSetup(tx, 'inventory_posting_setup', selectInventoryPostingSetups);
  return {
    customerPostingGroup: {
      code: customerPostingGroupCode ?? '',
      receivablesAccount: blank(group?.receivablesAccount ?? null),
      invoiceRoundingAccount: blank(group?.invoiceRoundingAccount ?? null),
    },
    generalPostingSetups: general.map((row) => ({
      genBusPostingGroup: blank(row.genBusPostingGroup),
      genProdPostingGroup: row.genProdPostingGroup,
      salesAccount: blank(row.salesAccount),
      salesCreditMemoAccount: blank(row.salesCreditMemoAccount),
      salesLineDiscountAccount: blank(row.salesLineDiscountAccount),
      salesInvoiceDiscountAccount: blank(row.salesInvoiceDiscountAccount),
      cogsAccount: blank(row.cogsAccount),
      cogsAccountInterim: blank(row.cogsAccountInterim),
      purchaseAccount: blank(row.purchaseAccount),
      purchaseCreditMemoAccount: blank(row.purchaseCreditMemoAccount),
      purchaseLineDiscountAccount: blank(row.purchaseLineDiscountAccount),
      purchaseInvoiceDiscountAccount: blank(row.purchaseInvoiceDiscountAccount),
      directCostAppliedAccount: blank(row.directCostAppliedAccount),
      inventoryAccrualAccountInterim: blank(row.inventoryAccrualAccountInterim),
      inventoryAdjustmentAccount: blank(row.inventoryAdjustmentAccount),
    })),
    vatPostingSetups: vat.map((row) => ({
      vatBusPostingGroup: blank(row.vatBusPostingGroup),
      vatProdPostingGroup: blank(row.vatProdPostingGroup),
      vatCalculationType: row.vatCalculationType as VatCalculationType,
      vatIdentifier: row.vatIdentifier,
      vatPercent: dec(row.vatPercent),
      salesVatAccount: blank(row.salesVatAccount),
      purchaseVatAccount: blank(row.purchaseVatAccount),
      reverseChargeVatAccount: blank(row.reverseChargeVatAccount),
    })),
    inventoryPostingSetups: inventory.map((row) => ({
      locationCode: blank(row.locationCode),
      inventoryPostingGroup: row.inventoryPostingGroup,
      inventoryAccount: blank(row.inventoryAccount),
      inventoryAccountInterim: blank(row.inventoryAccountInterim),
    })),
  };
}

/** A purchase posting's accounts: the same setup rows, the vendor posting group's Payables Account in place of Receivables. */
export async function loadPurchasePostingAccounts(tx: Executor, vendorPostingGroupCode: string | null): Promise<PostingAccounts> {
  const [group] = vendorPostingGroupCode ? await tx.select().from(vendorPostingGroup).where(eq(vendorPostingGroup.code, vendorPostingGroupCode)) : [];
  const accounts = await loadPostingAccounts(tx, null);
  return { ...accounts, customerPostingGroup: { code: vendorPostingGroupCode ?? '', receivablesAccount: blank(group?.payablesAccount ?? null), invoiceRoundingAccount: '' } };
}
