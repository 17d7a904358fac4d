import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { reconciliationApi, reconciliationKeys } from './reconciliation-api.ts';
import type { LineFilter, StatementKey } from './reconciliation-types.ts';

/** The bank accounts to reconcile; which one is shown is kept in the address (`?bankAccount=`), else the first. */
export function useBankAccountChoice() {
  const [params, setParams] = useSearchParams();
  const accounts = useQuery({ queryKey: ['bankAccounts', 'all'], queryFn: reconciliationApi.bankAccounts });
  const items = accounts.data?.items ?? [];
  const wanted = params.get('bankAccount');
  const account = items.find((candidate) => candidate.no === wanted) ?? (wanted === null ? items[0] : undefined) ?? null;
  return { accounts, items, account, choose: (no: string) => setParams({ bankAccount: no }) };
}

export function useReconciliationList(bankAccountNo: string | null) {
  return useQuery({
    queryKey: reconciliationKeys.list(bankAccountNo ?? ''),
    queryFn: () => reconciliationApi.list(bankAccountNo!),
    enabled: bankAccountNo !== null,
  });
}

export function useReconciliation(key: StatementKey) {
  return useQuery({ queryKey: reconciliationKeys.journal(key), queryFn: () => reconciliationApi.read(key) });
}

export function useReconciliationLines(key: StatementKey, filter: LineFilter) {
  return useQuery({ queryKey: reconciliationKeys.lines(key, filter), queryFn: () => reconciliationApi.lines(key, filter) });
}

export function useReconciliationLine(key: StatementKey, lineNo: number | null) {
  return useQuery({
    queryKey: reconciliationKeys.line(key, lineNo ?? 0),
    queryFn: () => reconciliationApi.line(key, lineNo!),
    enabled: lineNo !== null,
  });
}

/**
 * A change of a journal (a line action, Apply Automatically, a header field): afterwards the bank
 * account's journals are read again, since one line's change moves the header's totals, the
 * filters' counts and, for Apply Automatically, other lines too. Open entries shown elsewhere too.
 */
export function useJournalChange<Args, Result>(bankAccountNo: string, run: (args: Args) => Promise<Result>, onDone?: (result: Result) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: async (result) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: reconciliationKeys.bank(bankAccountNo) }),
        queryClient.invalidateQueries({ queryKey: ['entries'] }),
      ]);
      onDone?.(result);
    },
  });
}
