/**
 * Applies-to Doc. No. on journal lines (spec §20.2 item 1): the new customer entry of a line is
 * applied to the open entry of that document. The open entries are the shell's loaded rows; a
 * journal may apply several lines to one invoice, so each application sees what earlier lines
 * (earlier postings of the same journal included) left open.
 */
import { DomainError } from '../errors.ts';
import type { CustomerLedgerEntryDraft } from '../posting/entries.ts';
import { type CustomerApplicationPlan, planCustomerApplication } from '../receivables/customer-application.ts';
import type { OpenCustomerEntry } from './journal-accounts.ts';
import type { JournalDocumentType, JournalLine } from './journal-line.ts';

const documentTypeCaptions: Record<string, string> = {
  '': 'document', payment: 'payment', invoice: 'invoice', creditMemo: 'credit memo', refund: 'refund',
  financeChargeMemo: 'finance charge memo', reminder: 'reminder',
};

/** The open customer entries as the journal's lines leave them, line by line. */
export class OpenCustomerEntries {
  private readonly entries: OpenCustomerEntry[];

  constructor(loaded: readonly OpenCustomerEntry[]) {
    this.entries = loaded.map((entry) => ({ ...entry }));
  }

  find(customerNo: string, documentType: JournalDocumentType | null, documentNo: string): OpenCustomerEntry | undefined {
    return this.entries.find((entry) => entry.open && entry.customerNo === customerNo && entry.documentNo === documentNo
      && (documentType === null || entry.documentType === documentType));
  }

  /** Records what an application left of the entry: its remaining amounts and whether it is still open. */
  settle(entryNo: number, plan: CustomerApplicationPlan): void {
    const entry = this.entries.find((candidate) => candidate.entryNo === entryNo)!;
    entry.remainingAmount = plan.applied.remainingAmount;
    entry.remainingAmountLcy = plan.applied.remainingAmountLcy;
    entry.open = plan.applied.open;
  }
}

/**
 * The application of a line's new customer entry (`newEntryIndex` among the posting's customer
 * entries) to the open entry its Applies-to Doc. No. names. Refusals name `<path>.appliesToDocNo`.
 */
export function planLineApplication(
  line: JournalLine, draft: CustomerLedgerEntryDraft, newEntryIndex: number, open: OpenCustomerEntries, path: string,
): CustomerApplicationPlan {
  const field = `${path}.appliesToDocNo`;
  const target = open.find(draft.customerNo, line.appliesToDocType, line.appliesToDocNo!);
  if (!target) {
    throw new DomainError('JOURNAL_APPLIES_TO_NOT_FOUND', {
      lineNo: line.lineNo, accountCaption: 'customer', accountNo: draft.customerNo,
      documentTypeCaption: documentTypeCaptions[line.appliesToDocType ?? ''] ?? 'document', documentNo: line.appliesToDocNo,
    }, field);
  }
  const applying = {
    newEntryIndex, entryNo: null, customerNo: draft.customerNo, currencyCode: draft.currencyCode,
    amount: draft.amount, amountLcy: draft.amountLcy, remainingAmount: draft.amount, remainingAmountLcy: draft.amountLcy, open: true,
  };
  let plan: CustomerApplicationPlan;
  try {
    plan = planCustomerApplication(applying, target, { documentType: line.documentType, documentNo: line.documentNo });
  } catch (error) {
    if (error instanceof DomainError && !error.field) throw new DomainError(error.code, error.params as never, field);
    throw error;
  }
  open.settle(target.entryNo, plan);
  return plan;
}
