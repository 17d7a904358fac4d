/**
 * The G/L side of the inventory value a sale moves (spec §7.5–7.6, §23.3), as BC's Inventory
 * Posting To G/L posts a value entry when Automatic Cost Posting is on. Which inbound entries a
 * sale consumes, and so what it costs (FIFO, Average, Standard …), is decided by the costing
 * before this: the caller passes the cost amounts of the value entries the posting creates.
 *
 * Amounts are signed as on the value entries: goods leaving (a sale) have negative cost, goods
 * coming back (a return) positive. Per line:
 *   Cost Amount (Actual) a:    Inventory Account a,           COGS Account −a;
 *   Cost Amount (Expected) e:  Inventory Account (Interim) e, COGS Account (Interim) −e,
 *                              only with Expected Cost Posting to G/L.
 * So shipping 6 at 60.00 (e = −360.00) debits COGS (Interim) 360.00 and credits Inventory
 * (Interim); invoicing 4 of them (a = −240.00, e = +240.00, the expected cost reversed) debits COGS
 * 240.00, credits Inventory 240.00 and reverses 240.00 of the interim entries. A return turns every
 * side around. Without Automatic Cost Posting nothing is posted here: Post Inventory Cost to G/L
 * does it later.
 *
 * A purchase (source vendor) balances its inventory on the Direct Cost Applied Account (actual)
 * and the Invt. Accrual Acc. (Interim) (expected) instead of COGS, as BC's Inventory Posting To G/L
 * does for Direct Cost value entries of purchase item ledger entries.
 */
import type { IsoDate } from '../dates/calendar-date.ts';
import type { PostedItemAdjustment } from '../inventory/item-posting.types.ts';
import type { Decimal } from '../money/decimal.ts';
import type { EntryDocument, GlEntry, GlSourceType, LedgerDocumentType, PostingBatch } from './entries.ts';
import {
  type GeneralPostingSetupCostAccounts,
  type InventoryPostingSetupAccounts,
  findGeneralPostingSetup,
  findInventoryPostingSetup,
  generalPostingSetupName,
  inventoryPostingSetupName,
  requireAccount,
} from './posting-setup.ts';

export interface CostPostingInput {
  /** Inventory Setup. */
  automaticCostPosting: boolean;
  expectedCostPostingToGl: boolean;
  /** The G/L entries' description: the document's Posting Description. */
  description: string;
  /** The customer on the item ledger entries (Source No.). */
  customerNo: string;
  /** A purchase: the vendor is the source and the counter-accounts are the purchase ones. */
  vendorNo?: string;
  lines: readonly CostPostingLine[];
  accounts: CostPostingAccounts;
}

/** The cost of one document line in this posting: the sum of the value entries it creates. */
export interface CostPostingLine {
  lineNo: number;
  genBusPostingGroup: string;
  genProdPostingGroup: string;
  locationCode: string;
  inventoryPostingGroup: string;
  /** Σ Cost Amount (Actual): negative for a sale invoiced, positive for a return credited. */
  costAmountActual: Decimal;
  /** Σ Cost Amount (Expected): −c on a shipment, +c where an invoice reverses what it invoices. */
  costAmountExpected: Decimal;
  /** A purchase entry: balanced on the purchase counter-accounts. Unset: as the input's vendorNo says (a drop shipment mixes both). */
  purchase?: boolean;
  /**
   * An assembly's consumption or output (spec §15.3): balanced on the Inventory Adjmt. Account of
   * the blank business group, as BC posts assembly value entries; consumption and output of the
   * same cost cancel out there.
   */
  assembly?: boolean;
  /** A cost adjustment of an entry posted earlier: its G/L entries are dated, documented and sourced as the value entry it corrects. */
  adjusted?: { postingDate?: IsoDate; document: EntryDocument; sourceType: GlSourceType; sourceNo: string };
}

/**
 * A cost adjustment (core/inventory/cost-adjustment.ts) as a cost posting line: inventory against
 * COGS for a sale, against the purchase accounts for a purchase, on the corrected value entry's document.
 */
export function adjustmentCostLine(adjustment: PostedItemAdjustment, lineNo: number): CostPostingLine {
  const documentType: LedgerDocumentType = adjustment.documentType === 'salesInvoice' || adjustment.documentType === 'purchaseInvoice' ? 'invoice'
    : adjustment.documentType === 'salesCreditMemo' || adjustment.documentType === 'purchaseCreditMemo' ? 'creditMemo' : '';
  const sourceType: GlSourceType = adjustment.sourceType === 'customer' || adjustment.sourceType === 'vendor' ? adjustment.sourceType : '';
  return {
    lineNo, genBusPostingGroup: adjustment.genBusPostingGroup, genProdPostingGroup: adjustment.genProdPostingGroup,
    locationCode: adjustment.locationCode, inventoryPostingGroup: adjustment.inventoryPostingGroup,
    costAmountActual: adjustment.costAmountActual, costAmountExpected: adjustment.costAmountExpected, purchase: adjustment.itemLedgerEntryType === 'purchase',
    adjusted: {
      ...(adjustment.postingDate ? { postingDate: adjustment.postingDate } : {}),
      document: { documentType, documentNo: adjustment.documentNo, externalDocumentNo: '', description: '' }, sourceType, sourceNo: adjustment.sourceNo,
    },
  };
}

export interface CostPostingAccounts {
  generalPostingSetups: readonly GeneralPostingSetupCostAccounts[];
  inventoryPostingSetups: readonly InventoryPostingSetupAccounts[];
}

export function buildCostPosting(input: CostPostingInput): PostingBatch {
  const glEntries = input.automaticCostPosting
    ? input.lines.flatMap((line, index) => costGlEntries(line, `lines.${index}`, input))
    : [];
  return { glEntries, vatEntries: [], customerLedgerEntries: [] };
}

function costGlEntries(line: CostPostingLine, inputPath: string, input: CostPostingInput): GlEntry[] {
  const entries: GlEntry[] = [];
  const accounts = lineAccounts(line, inputPath, input.accounts);
  const purchase = line.purchase ?? input.vendorNo !== undefined;
  if (!line.costAmountActual.isZero()) {
    const counter = line.assembly ? accounts.counter('inventoryAdjustmentAccount', 'Inventory Adjmt. Account')
      : purchase ? accounts.counter('directCostAppliedAccount', 'Direct Cost Applied Account') : accounts.counter('cogsAccount', 'COGS Account');
    entries.push(
      costGlEntry(accounts.inventory('inventoryAccount', 'Inventory Account'), line.costAmountActual, input, line),
      costGlEntry(counter, line.costAmountActual.negated(), input, line),
    );
  }
  if (input.expectedCostPostingToGl && !line.costAmountExpected.isZero()) {
    entries.push(
      costGlEntry(accounts.inventory('inventoryAccountInterim', 'Inventory Account (Interim)'), line.costAmountExpected, input, line),
      costGlEntry(purchase ? accounts.counter('inventoryAccrualAccountInterim', 'Invt. Accrual Acc. (Interim)') : accounts.counter('cogsAccountInterim', 'COGS Account (Interim)'),
        line.costAmountExpected.negated(), input, line),
    );
  }
  return entries;
}

/** Account getters that look the setup rows up only when an amount needs them. */
function lineAccounts(line: CostPostingLine, inputPath: string, accounts: CostPostingAccounts) {
  const generalSetupName = generalPostingSetupName(line.genBusPostingGroup, line.genProdPostingGroup);
  const inventorySetupName = inventoryPostingSetupName(line.locationCode, line.inventoryPostingGroup);
  return {
    counter(field: 'cogsAccount' | 'cogsAccountInterim' | 'directCostAppliedAccount' | 'inventoryAccrualAccountInterim' | 'inventoryAdjustmentAccount', caption: string): string {
      const setup = findGeneralPostingSetup(
        accounts.generalPostingSetups, line.genBusPostingGroup, line.genProdPostingGroup, `${inputPath}.genProdPostingGroup`,
      );
      return requireAccount(setup[field] ?? '', generalSetupName, caption, `${inputPath}.genProdPostingGroup`);
    },
    inventory(field: 'inventoryAccount' | 'inventoryAccountInterim', caption: string): string {
      const setup = findInventoryPostingSetup(accounts.inventoryPostingSetups, line.locationCode, line.inventoryPostingGroup, `${inputPath}.inventoryPostingGroup`);
      return requireAccount(setup[field], inventorySetupName, caption, `${inputPath}.inventoryPostingGroup`);
    },
  };
}

// Inventory postings carry no Gen. Posting Type and no VAT; the source is the customer of the sale.
function costGlEntry(accountNo: string, amount: Decimal, input: CostPostingInput, line: CostPostingLine): GlEntry {
  const entry: GlEntry = {
    accountNo,
    amount,
    description: input.description,
    genPostingType: '',
    genBusPostingGroup: '',
    genProdPostingGroup: '',
    vatBusPostingGroup: '',
    vatProdPostingGroup: '',
    sourceType: input.vendorNo !== undefined ? 'vendor' : input.customerNo === '' ? '' : 'customer',
    sourceNo: input.vendorNo ?? input.customerNo,
  };
  if (!line.adjusted) return entry;
  const { postingDate, document, sourceType, sourceNo } = line.adjusted;
  return { ...entry, document, sourceType, sourceNo, ...(postingDate ? { postingDate } : {}) };
}
