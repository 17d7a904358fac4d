import { salesPrepaymentSalesTypes } from '../../../src/core/sales/prepayment.ts';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { ItemLedgerDocumentType, ItemLedgerEntryType, ItemPostingLineFacts } from '../../../src/core/inventory/item-posting.types.ts';
import { journalAccountTypes, journalDocumentTypes } from '../../../src/core/journal/journal-line.ts';
import { journalTemplateTypes } from '../../../src/core/journal/journal-batch.ts';
import { vatCalculationTypes } from '../../../src/core/master-data/posting.schemas.ts';
import type {
  BankAccountLedgerEntryDraft, CustomerLedgerDocumentType, GenPostingType, GlSourceType, LedgerDocumentType, VatEntry, VendorLedgerEntryDraft,
} from '../../../src/core/posting/entries.ts';
import { salesDocumentTypes, salesLineTypes } from '../../../src/core/sales/types.ts';
import { postedPurchaseDocumentTypes, purchaseDocumentTypes } from '../../../src/core/documents/document-types.ts';
import { postgresErrorCode } from '../../../src/server/db/constraint-errors.ts';
import type { DatabaseHandle } from '../../../src/server/db/connection.ts';
import {
  balAccountTypes, bankStatementStatuses, detailedEntryTypes, genPostingTypes, glAccount, glEntry, glRegister, glSourceTypes, itemLedgerDocumentTypes,
  itemLedgerEntryTypes, itemSourceTypes, ledgerDocumentTypes, matchToleranceTypes, postedSalesDocumentTypes, reconciliationAccountTypes, valueEntryTypes, vatEntryTypes,
} from '../../../src/server/db/schema/index.ts';
import { paymentNotificationStatuses, paymentServiceBalAccountTypes } from '../../../src/server/db/schema/index.ts';
import { freshDatabase } from '../../support/database.ts';
import { approvalDocumentTypes, approvalStatuses, approverLimitTypes, approverTypes } from '../../../src/core/approvals/types.ts';
import { approvalNotificationTypes } from '../../../src/core/approvals/notifications.ts';

// Type columns are enums checked by the database (DESIGN §5): one TypeScript list per kind of
// value is the source of its CHECK constraints.
type Values<List extends readonly string[]> = List[number];

describe('the allowed values cover every value the code can write', () => {
  it('holds for the TypeScript types of core (checked by the type checker)', () => {
    expectTypeOf<LedgerDocumentType>().toExtend<Values<typeof ledgerDocumentTypes>>();
    expectTypeOf<CustomerLedgerDocumentType>().toExtend<Values<typeof ledgerDocumentTypes>>();
    expectTypeOf<VendorLedgerEntryDraft['documentType']>().toExtend<Values<typeof ledgerDocumentTypes>>();
    expectTypeOf<GenPostingType>().toExtend<Values<typeof genPostingTypes>>();
    expectTypeOf<GlSourceType>().toExtend<Values<typeof glSourceTypes>>();
    expectTypeOf<VatEntry['type']>().toExtend<Values<typeof vatEntryTypes>>();
    expectTypeOf<VatEntry['vatCalculationType']>().toExtend<Values<typeof vatCalculationTypes>>();
    expectTypeOf<BankAccountLedgerEntryDraft['balAccountType']>().toExtend<Values<typeof balAccountTypes>>();
    expectTypeOf<ItemLedgerEntryType>().toExtend<Values<typeof itemLedgerEntryTypes>>();
    expectTypeOf<ItemLedgerDocumentType>().toExtend<Values<typeof itemLedgerDocumentTypes>>();
    expectTypeOf<ItemPostingLineFacts['sourceType']>().toExtend<Values<typeof itemSourceTypes>>();
  });

  it('holds for the journal vocabulary', () => {
    expect(ledgerDocumentTypes).toEqual(expect.arrayContaining([...journalDocumentTypes]));
    expect(balAccountTypes).toEqual(expect.arrayContaining([...journalAccountTypes]));
  });
});

describe('the migrated database', () => {
  let database: DatabaseHandle;
  beforeAll(async () => { database = await freshDatabase(); });
  afterAll(() => database.close());

  /** Each CHECK of a type column, as the migrations left it, with the values it allows. */
  const expected: Record<string, readonly string[]> = {
    gl_entry_document_type_check: ledgerDocumentTypes,
    gl_entry_gen_posting_type_check: genPostingTypes,
    gl_entry_source_type_check: glSourceTypes,
    vat_entry_document_type_check: ledgerDocumentTypes,
    vat_entry_type_check: vatEntryTypes,
    vat_entry_vat_calculation_type_check: vatCalculationTypes,
    customer_ledger_entry_document_type_check: ledgerDocumentTypes,
    detailed_customer_ledger_entry_entry_type_check: detailedEntryTypes,
    detailed_customer_ledger_entry_document_type_check: ledgerDocumentTypes,
    vendor_ledger_entry_document_type_check: ledgerDocumentTypes,
    detailed_vendor_ledger_entry_entry_type_check: detailedEntryTypes,
    detailed_vendor_ledger_entry_document_type_check: ledgerDocumentTypes,
    bank_account_ledger_entry_document_type_check: ledgerDocumentTypes,
    bank_account_ledger_entry_bal_account_type_check: balAccountTypes,
    bank_account_ledger_entry_statement_status_check: bankStatementStatuses,
    item_ledger_entry_entry_type_check: itemLedgerEntryTypes,
    item_ledger_entry_document_type_check: itemLedgerDocumentTypes,
    item_ledger_entry_source_type_check: itemSourceTypes,
    value_entry_entry_type_check: valueEntryTypes,
    value_entry_item_ledger_entry_type_check: itemLedgerEntryTypes,
    value_entry_document_type_check: itemLedgerDocumentTypes,
    value_entry_source_type_check: itemSourceTypes,
    posted_sales_header_document_type_check: postedSalesDocumentTypes,
    posted_purchase_header_document_type_check: postedPurchaseDocumentTypes,
    posted_purchase_line_type_check: salesLineTypes,
    purchase_header_document_type_check: purchaseDocumentTypes,
    purchase_line_type_check: salesLineTypes,
    posted_sales_line_type_check: salesLineTypes,
    sales_header_document_type_check: salesDocumentTypes,
    sales_line_type_check: salesLineTypes,
    standard_sales_line_type_check: salesLineTypes,
    sales_prepayment_percent_sales_type_check: salesPrepaymentSalesTypes,
    general_journal_template_type_check: journalTemplateTypes,
    general_journal_batch_bal_account_type_check: journalAccountTypes,
    general_journal_line_document_type_check: journalDocumentTypes,
    general_journal_line_account_type_check: journalAccountTypes,
    general_journal_line_bal_account_type_check: journalAccountTypes,
    general_journal_line_applies_to_doc_type_check: journalDocumentTypes,
    bank_account_match_tolerance_type_check: matchToleranceTypes,
    bank_reconciliation_line_account_type_check: reconciliationAccountTypes,
    text_to_account_mapping_bal_source_type_check: reconciliationAccountTypes,
    payment_service_setup_bal_account_type_check: paymentServiceBalAccountTypes,
    payment_notification_status_check: paymentNotificationStatuses,
    approval_workflow_document_type_check: approvalDocumentTypes,
    approval_workflow_approver_type_check: approverTypes,
    approval_workflow_limit_type_check: approverLimitTypes,
    approval_request_document_type_check: approvalDocumentTypes,
    approval_entry_approval_type_check: approverTypes,
    approval_entry_limit_type_check: approverLimitTypes,
    approval_entry_event_status_check: approvalStatuses,
    approval_notification_notification_type_check: approvalNotificationTypes,
    approval_notification_document_type_check: approvalDocumentTypes,
    posted_approval_request_posted_document_type_check: postedSalesDocumentTypes,
  };

  it('checks each type column against exactly its list (no migration is missing for a changed list)', async () => {
    const { rows } = await database.db.execute(sql`
      select conname as name, pg_get_constraintdef(oid) as definition from pg_constraint
      where contype = 'c' and (conname like '%\_type\_check' or conname like '%\_status\_check')`) as unknown as { rows: { name: string; definition: string }[] };
    // PostgreSQL shows `col IN (...)` as `col = ANY (ARRAY['a'::text, ...])`.
    const literals = (definition: string) => [...definition.matchAll(/'((?:[^']|'')*)'::text/g)].map((match) => match[1]!.replace(/''/g, "'"));
    const actual = Object.fromEntries(rows.map((row) => [row.name, literals(row.definition)]));
    expect(actual).toEqual(Object.fromEntries(Object.entries(expected).map(([name, values]) => [name, [...values]])));
  });

  it('refuses a value outside the list, naming the constraint', async () => {
    await database.db.insert(glAccount).values([{ no: '1300', name: 'Receivables', incomeBalance: 'balanceSheet' }, { no: '8000', name: 'Sales', incomeBalance: 'incomeStatement' }]);
    const [register] = await database.db.insert(glRegister).values({ sourceCode: 'TEST', postingDate: '2026-03-02', documentNo: 'X1' }).returning();
    const entry = { transactionNo: register!.no, postingDate: '2026-03-02', documentNo: 'X1', debitAmount: '0', creditAmount: '0' };
    let refusal: unknown;
    await database.db.insert(glEntry).values([
      { ...entry, documentType: 'Invoice', glAccountNo: '1300', amount: '1.00' },
      { ...entry, documentType: 'Invoice', glAccountNo: '8000', amount: '-1.00' },
    ]).catch((error: unknown) => { refusal = error; });
    expect(postgresErrorCode(refusal)).toBe('23514');
    expect(String((refusal as { cause?: unknown }).cause ?? refusal)).toMatch(/gl_entry_document_type_check/);
    expect(await database.db.select().from(glEntry)).toEqual([]);
  });
});
