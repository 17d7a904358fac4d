import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { api } from '../api/client.ts';
import { fieldErrorsOfRequest, messageOf, type FieldErrors } from '../api/field-errors.ts';
import { caption } from '../i18n/captions.ts';
import { useSession } from '../session/session-store.ts';
import { journalBalance, journalRequestOf, newJournalRow, nextDocumentNo, type JournalRow, type JournalRowField } from './journal-rows.ts';
import type { GeneralJournalPostingResult, GeneralJournalPreview, GeneralJournalRequest } from './journal-types.ts';

/** A refusal: the problem's detail, and its field errors by the API's paths (`lines.2.accountNo`). */
interface Refusal { detail: string; errors: FieldErrors }

/** The lines typed in the grid (kept in the page until posted, as BC keeps a journal batch) and their errors. */
function useJournalRows() {
  const { workDate, locale } = useSession();
  const nextId = useRef(1);
  const [rows, setRows] = useState<JournalRow[]>(() => [newJournalRow(nextId.current++, [], workDate, locale)]);
  const [refusal, setRefusal] = useState<Refusal | null>(null);

  const edit = <F extends JournalRowField>(id: number, field: F, value: JournalRow[F]) => {
    const index = rows.findIndex((row) => row.id === id);
    // Leaving a lookup commits its text again: that answers no error.
    if (rows[index]?.[field] === value) return;
    setRows((current) => current.map((row) => (row.id === id ? { ...row, [field]: value } : row)));
    // The cell's error is answered by editing it; the problem above the grid stays until the next try.
    setRefusal((current) => {
      if (!current) return current;
      const { [`lines.${index}.${field}`]: _answered, ...errors } = current.errors;
      return { ...current, errors };
    });
  };
  const add = () => setRows((current) => [...current, newJournalRow(nextId.current++, current, workDate, locale)]);
  const remove = (id: number) => {
    setRows((current) => current.filter((row) => row.id !== id));
    // Errors name lines by position: once lines move up, they would name the wrong ones.
    setRefusal(null);
  };
  /** After posting: one empty line with the next document no., as BC leaves an emptied batch. */
  const restart = (lastDocumentNo: string) => setRows([{ ...newJournalRow(nextId.current++, [], workDate, locale), documentNo: nextDocumentNo(lastDocumentNo) }]);

  return { rows, refusal, setRefusal, edit, add, remove, restart, balance: journalBalance(rows, locale), locale };
}

const refusalOf = (error: unknown): Refusal => ({ detail: messageOf(error), errors: fieldErrorsOfRequest(error) });

/**
 * The general journal page's state: the lines, Preview (the entries posting would write) and Post
 * (one request for every line; afterwards the transaction numbers and an emptied journal).
 */
export function useGeneralJournal() {
  const journal = useJournalRows();
  const queryClient = useQueryClient();
  const [preview, setPreview] = useState<GeneralJournalPreview | null>(null);
  const [posted, setPosted] = useState<GeneralJournalPostingResult | null>(null);

  const previewing = useMutation({
    mutationFn: (request: GeneralJournalRequest) => api.post<GeneralJournalPreview>('/generalJournal/preview', request),
    onSuccess: setPreview,
    onError: (error) => journal.setRefusal(refusalOf(error)),
  });
  const posting = useMutation({
    mutationFn: (request: GeneralJournalRequest) => api.post<GeneralJournalPostingResult>('/generalJournal/post', request),
    onSuccess: (result) => {
      setPosted(result);
      journal.restart(result.transactions.at(-1)?.documentNo ?? '');
      // Balances and entries on other pages changed.
      void queryClient.invalidateQueries();
    },
    onError: (error) => journal.setRefusal(refusalOf(error)),
  });

  /** Checks the lines with the API's schema, then sends them; what is wrong is marked on its cell either way. */
  const submit = (send: (request: GeneralJournalRequest) => void) => {
    const outcome = journalRequestOf(journal.rows, journal.locale);
    if (outcome.errors) {
      journal.setRefusal({ detail: caption('Some lines are not filled in correctly: see the marked fields.'), errors: outcome.errors });
      return;
    }
    journal.setRefusal(null);
    setPosted(null);
    send(outcome.request);
  };

  return {
    ...journal,
    errorOf: (index: number, field: JournalRowField) => journal.refusal?.errors[`lines.${index}.${field}`],
    busy: previewing.isPending || posting.isPending,
    preview,
    closePreview: () => setPreview(null),
    runPreview: () => submit((request) => previewing.mutate(request)),
    post: () => submit((request) => posting.mutate(request)),
    posted,
  };
}

export type GeneralJournal = ReturnType<typeof useGeneralJournal>;
