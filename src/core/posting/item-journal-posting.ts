/**
 * The G/L side of an item journal (positive and negative adjustments, opening inventory), as BC's
 * Inventory Posting To G/L posts an adjustment's value entry with Automatic Cost Posting on:
 *   Cost Amount (Actual) a:  Inventory Account (Location × Inventory Posting Group) a,
 *                            Inventory Adjustment Account (blank Gen. Bus. × Gen. Prod. group) −a.
 * So bringing in 50 at 60.00 debits Inventory 3000.00 and credits Inventory Adjustment; taking
 * stock out turns both around. Without Automatic Cost Posting nothing is posted here.
 */
import type { Decimal } from '../money/decimal.ts';
import { assertBalanced } from './assert-balanced.ts';
import type { GlEntry, PostingBatch } from './entries.ts';
import {
  type InventoryPostingSetupAccounts,
  findGeneralPostingSetup,
  findInventoryPostingSetup,
  generalPostingSetupName,
  inventoryPostingSetupName,
  requireAccount,
} from './posting-setup.ts';

/** The adjustment account of a General Posting Setup row. */
export interface GeneralPostingSetupAdjustmentAccounts {
  genBusPostingGroup: string;
  genProdPostingGroup: string;
  inventoryAdjustmentAccount: string;
}

/** The cost one journal line moved: the value entry the item ledger wrote for it. */
export interface ItemJournalCostLine {
  /** Where a missing setup is reported, e.g. `lines.3`. */
  inputPath: string;
  description: string;
  genProdPostingGroup: string;
  locationCode: string;
  inventoryPostingGroup: string;
  /** Signed as on the value entry: positive brought in, negative taken out. */
  costAmountActual: Decimal;
}

export interface ItemJournalPostingInput {
  automaticCostPosting: boolean;
  lines: readonly ItemJournalCostLine[];
  accounts: {
    generalPostingSetups: readonly GeneralPostingSetupAdjustmentAccounts[];
    inventoryPostingSetups: readonly InventoryPostingSetupAccounts[];
  };
}

export function buildItemJournalPosting(input: ItemJournalPostingInput): PostingBatch {
  const glEntries = input.automaticCostPosting
    ? input.lines.filter((line) => !line.costAmountActual.isZero()).flatMap((line) => [
      glEntry(inventoryAccount(line, input.accounts.inventoryPostingSetups), line.costAmountActual, line.description),
      glEntry(adjustmentAccount(line, input.accounts.generalPostingSetups), line.costAmountActual.negated(), line.description),
    ])
    : [];
  const batch = { glEntries, vatEntries: [], customerLedgerEntries: [] };
  assertBalanced(batch);
  return batch;
}

function inventoryAccount(line: ItemJournalCostLine, setups: readonly InventoryPostingSetupAccounts[]): string {
  const field = `${line.inputPath}.locationCode`;
  const setup = findInventoryPostingSetup(setups, line.locationCode, line.inventoryPostingGroup, field);
  return requireAccount(setup.inventoryAccount, inventoryPostingSetupName(line.locationCode, line.inventoryPostingGroup), 'Inventory Account', field);
}

// Adjustments have no customer: the row with a blank business group (BC's Gen. Bus. Posting Group '').
function adjustmentAccount(line: ItemJournalCostLine, setups: readonly GeneralPostingSetupAdjustmentAccounts[]): string {
  const field = `${line.inputPath}.itemNo`;
  const setup = findGeneralPostingSetup(setups, '', line.genProdPostingGroup, field);
  return requireAccount(setup.inventoryAdjustmentAccount, generalPostingSetupName('', line.genProdPostingGroup), 'Inventory Adjustment Account', field);
}

function glEntry(accountNo: string, amount: Decimal, description: string): GlEntry {
  return {
    accountNo, amount, description, genPostingType: '', genBusPostingGroup: '', genProdPostingGroup: '',
    vatBusPostingGroup: '', vatProdPostingGroup: '', sourceType: '', sourceNo: '',
  };
}
