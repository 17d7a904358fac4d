import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { messageOf } from '../api/field-errors.ts';
import { showNotice } from '../layout/notices.ts';

interface EntryActionOptions<Args, Result> {
  run: (args: Args) => Promise<Result>;
  /** The notice of success: what was posted. */
  done: (result: Result) => { title: string; body: ReactNode };
  /** The notice's title when the server refuses; its body is the server's detail. */
  refusedTitle: string;
  onSettled?: (succeeded: boolean) => void;
}

/**
 * An action on a customer ledger entry (Apply, Unapply, Reverse): its outcome as a notice (a
 * refusal with the server's detail stays until closed), and every list and balance read again.
 */
export function useEntryAction<Args, Result>({ run, done, refusedTitle, onSettled }: EntryActionOptions<Args, Result>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: (result) => {
      showNotice({ ...done(result), color: 'teal' });
      void queryClient.invalidateQueries();
      onSettled?.(true);
    },
    onError: (error) => {
      showNotice({ title: refusedTitle, color: 'red', body: messageOf(error) });
      onSettled?.(false);
    },
  });
}
