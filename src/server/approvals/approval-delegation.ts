/**
 * Automatic delegation (spec §19.5, Delegate After 1/2/5 days): an open entry whose workflow set a
 * delegation formula is delegated, as the Delegate action does, once the formula applied to the day
 * it opened with its current approver (its latest event) reaches the date given — today for the
 * background worker, the work date when asked over the API. Each entry in a transaction of its own,
 * with the document locked and the entry's state read again, so two processes never delegate the
 * same entry twice; an entry whose approver has no substitute stays where it is and is reported.
 */
import { ne } from 'drizzle-orm';
import { delegate } from '../../core/approvals/approval-state.ts';
import { calculateDate } from '../../core/dates/date-formula.ts';
import { DomainError } from '../../core/errors.ts';
import type { Executor } from '../db/connection.ts';
import { approvalEntry, approvalEntryEvent } from '../db/schema/index.ts';
import { startPollingWorker } from '../jobs/polling-worker.ts';
import { findDocument } from '../sales/sales-document.queries.ts';
import type { EditableDocumentType } from '../sales/sales-document.types.ts';
import { todayIsoDate } from '../shared/clock.ts';
import { loadUserSetups } from './approval-documents.ts';
import { notifyApprovalAction } from './approval-notifications.ts';
import { entriesOf, requestsById, type EntryWithState } from './approval-requests.queries.ts';

/** The user an automatic delegation is recorded as (the entry's events name who changed it). */
export const automaticDelegationUser = 'automatic-delegation';

export interface DelegationReport {
  delegated: Array<{ entryNo: number; documentType: string; documentNo: string; from: string; to: string }>;
  skipped: Array<{ entryNo: number; approverId: string; code: string; message: string }>;
}

/** The day an entry is delegated on: its delegation formula from the date of its latest event (when it opened or was last delegated). */
export function delegationDateOf(entry: Pick<EntryWithState, 'lastModifiedAt'>, formula: string): string {
  return calculateDate(formula, entry.lastModifiedAt.slice(0, 10));
}

async function dueEntries(db: Executor, asOf: string) {
  const withFormula = await db.selectDistinct({ requestId: approvalEntry.requestId, entryNo: approvalEntry.entryNo, formula: approvalEntry.delegationDateFormula })
    .from(approvalEntry).where(ne(approvalEntry.delegationDateFormula, ''));
  const formulas = new Map(withFormula.map((row) => [row.entryNo, row.formula]));
  const states = await entriesOf(db, [...new Set(withFormula.map((row) => row.requestId))]);
  return states.filter((entry) => entry.status === 'open' && formulas.has(entry.entryNo) && delegationDateOf(entry, formulas.get(entry.entryNo)!) <= asOf);
}

/** Delegates one entry if it is still open with the approver and the state it had when it was found due; answers whom it went to. */
async function delegateOne(tx: Executor, due: EntryWithState): Promise<{ documentType: string; documentNo: string; to: string } | undefined> {
  const request = (await requestsById(tx, [due.requestId])).get(due.requestId)!;
  const document = await findDocument(tx, request.documentType as EditableDocumentType, request.documentNo, { lock: true });
  if (!document || document.header.createdAt !== request.documentCreatedAt) return undefined;
  const states = await entriesOf(tx, [request.id]);
  const current = states.find((entry) => entry.entryNo === due.entryNo);
  if (!current || current.status !== 'open' || current.approverId !== due.approverId || current.lastModifiedAt !== due.lastModifiedAt) return undefined;
  const users = await loadUserSetups(tx);
  // As the Delegate action does, on behalf of the approver whose time ran out.
  const result = delegate(states, due.entryNo, { userId: current.approverId, setup: users.get(current.approverId) }, users);
  await tx.insert(approvalEntryEvent).values(result.changes.map((change) => ({ ...change, userId: automaticDelegationUser })));
  await notifyApprovalAction(tx, 'delegate', request, result, automaticDelegationUser);
  return { documentType: request.documentType, documentNo: request.documentNo, to: result.changes[0]!.approverId };
}

/** Delegates every open entry whose delegation date is on or before asOf. */
export async function delegateDueEntries(db: Executor, asOf: string): Promise<DelegationReport> {
  const report: DelegationReport = { delegated: [], skipped: [] };
  for (const due of await dueEntries(db, asOf)) {
    try {
      const done = await db.transaction(async (tx) => delegateOne(tx as Executor, due));
      if (done) report.delegated.push({ entryNo: due.entryNo, documentType: done.documentType, documentNo: done.documentNo, from: due.approverId, to: done.to });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      report.skipped.push({ entryNo: due.entryNo, approverId: due.approverId, code: error.code, message: error.message });
    }
  }
  return report;
}

export interface DelegationWorkerOptions { pollMs?: number; onError?: (error: unknown) => void }

/** The background worker of `ledgerline serve`: every pollMs (default 15 minutes), delegates what is due today. */
export function startApprovalDelegationWorker(db: Executor, options: DelegationWorkerOptions = {}): { stop(): Promise<void> } {
  return startPollingWorker(db, {
    name: 'approval delegation worker', pollMs: options.pollMs ?? 15 * 60_000, ...(options.onError ? { onError: options.onError } : {}),
    step: async (executor) => { await delegateDueEntries(executor, todayIsoDate()); return false; },
  });
}
