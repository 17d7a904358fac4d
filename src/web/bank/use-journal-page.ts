import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { fieldErrorsOfRequest, messageOf } from '../api/field-errors.ts';
import type { GeneralJournalPreview } from '../journal/journal-types.ts';
import { showNotice } from '../layout/notices.ts';
import { useSession } from '../session/session-store.ts';
import { applyAutomaticallyNotice, postedNotice } from './journal-notices.tsx';
import type { PostRefusal } from './post-reconciliation-dialog.tsx';
import type { HeaderChange } from './reconciliation-header.tsx';
import { journalListPagePath, reconciliationApi } from './reconciliation-api.ts';
import type { LineFilter, ReconciliationPostRequest, StatementKey } from './reconciliation-types.ts';
import { useJournalChange, useReconciliation, useReconciliationLines } from './use-reconciliation.ts';

const lineFilters: readonly LineFilter[] = ['all', 'toReview', 'withDifference'];
const refusalOf = (error: unknown): PostRefusal => ({ detail: messageOf(error), errors: fieldErrorsOfRequest(error) });
const testReportRequest: ReconciliationPostRequest = { reconcile: true, acceptPaymentTolerance: false, acceptPaymentDiscountTolerance: false };

/** The messages of a refusal that name a line (`lines.<lineNo>`), by line no. */
function lineErrorsOf(refusal: PostRefusal | null): Record<number, string> {
  const errors: Record<number, string> = {};
  for (const [field, message] of Object.entries(refusal?.errors ?? {})) {
    const match = /^lines\.(\d+)/.exec(field);
    if (match) errors[Number.parseInt(match[1]!, 10)] = message;
  }
  return errors;
}

/** Which lines are shown (`?lines=toReview`), else all. */
function useLineFilter() {
  const [params, setParams] = useSearchParams();
  const wanted = params.get('lines');
  const filter = lineFilters.find((candidate) => candidate === wanted) ?? 'all';
  return [filter, (next: LineFilter) => setParams(next === 'all' ? {} : { lines: next })] as const;
}

/**
 * The journal page's state: the statement and its lines (as filtered), the line under review, the
 * header's changes, Apply Automatically, the Test Report and Post, whose refusal marks the lines it
 * names. After posting, the page goes back to the bank account's journals with a notice.
 */
export function useJournalPage(statement: StatementKey) {
  const { locale } = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [filter, setFilter] = useLineFilter();
  const journal = useReconciliation(statement);
  const lines = useReconciliationLines(statement, filter);
  const [reviewLineNo, setReviewLineNo] = useState<number | null>(null);
  const [dialog, setDialog] = useState<'addLine' | 'post' | null>(null);
  const [preview, setPreview] = useState<GeneralJournalPreview | null>(null);
  const [refusal, setRefusal] = useState<PostRefusal | null>(null);
  const bank = statement.bankAccountNo;
  const headerChange = useJournalChange(bank, (change: HeaderChange) => reconciliationApi.update(statement, change, journal.data!.version));
  const applying = useJournalChange(bank, () => reconciliationApi.applyAutomatically(statement), (result) => showNotice(applyAutomaticallyNotice(result)));
  const testing = useMutation({ mutationFn: () => reconciliationApi.preview(statement, testReportRequest), onSuccess: setPreview, onError: (error) => setRefusal(refusalOf(error)) });
  const posting = useMutation({
    mutationFn: (request: ReconciliationPostRequest) => reconciliationApi.post(statement, request),
    onSuccess: (result) => {
      showNotice(postedNotice(result, locale));
      navigate(journalListPagePath(bank));
      // The journal is gone; the bank account's balances and the entries it paid changed.
      void queryClient.invalidateQueries();
    },
    onError: (error) => setRefusal(refusalOf(error)),
  });
  const headerErrors = { ...(refusal?.errors ?? {}), ...fieldErrorsOfRequest(headerChange.error) };
  return {
    locale, filter, setFilter, journal, lines, reviewLineNo, setReviewLineNo, dialog, setDialog, preview, closePreview: () => setPreview(null),
    refusal, lineErrors: lineErrorsOf(refusal), headerErrors, headerError: headerChange.error, changeHeader: (change: HeaderChange) => headerChange.mutate(change),
    applyAutomatically: () => applying.mutate(undefined), applyError: applying.error, applyBusy: applying.isPending,
    testReport: () => { setRefusal(null); testing.mutate(); }, testBusy: testing.isPending,
    post: (request: ReconciliationPostRequest) => { setRefusal(null); posting.mutate(request); }, postBusy: posting.isPending,
  };
}

export type JournalPageState = ReturnType<typeof useJournalPage>;
