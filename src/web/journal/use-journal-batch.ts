import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, encodeKey } from '../api/client.ts';
import { fieldErrorsOfRequest, messageOf, type FieldErrors } from '../api/field-errors.ts';
import { caption } from '../i18n/captions.ts';
import { useSession } from '../session/session-store.ts';
import { batchBalance, type BatchLineField, type JournalBatchPostingResult, type JournalBatchPreview, type JournalLineView } from './batch-lines.ts';
import type { CustomerLedgerEntry } from '../receivables/customer-entries.ts';
import { appliesToChange } from './cash-receipt-columns.ts';
import { batchPath, useBatchLines, type BatchKey, type BatchLines } from './use-batch-lines.ts';

/** A refusal of Preview or Post: the problem's detail and its field errors (`lines.<lineNo>.<field>`). */
export interface BatchRefusal { detail: string; errors: FieldErrors }

/** BC's answers to the Payment Tolerance and Payment Discount Tolerance warnings, sent with Post. */
export interface BatchPostOptions { acceptPaymentTolerance: boolean; acceptPaymentDiscountTolerance: boolean }

const refusalOf = (error: unknown): BatchRefusal => ({ detail: messageOf(error), errors: fieldErrorsOfRequest(error) });

/** The refusal without the errors of the cells just edited: editing a cell answers its error. */
function withoutAnswered(refusal: BatchRefusal | null, lineNo: number, fields: readonly string[]): BatchRefusal | null {
  if (!refusal) return refusal;
  const answered = new Set(fields.map((field) => `lines.${lineNo}.${field}`));
  if (!Object.keys(refusal.errors).some((path) => answered.has(path))) return refusal;
  return { ...refusal, errors: Object.fromEntries(Object.entries(refusal.errors).filter(([path]) => !answered.has(path))) };
}

const accountResources: Readonly<Record<string, string>> = { glAccount: '/glAccounts', customer: '/customers', vendor: '/vendors', bankAccount: '/bankAccounts' };

/**
 * Account No.: a line without a description takes the account's name with it, as BC fills it in
 * (unless something was typed into the description meanwhile).
 */
function accountCommitter(lines: BatchLines) {
  return async function commitAccount(lineNo: number, given?: string) {
    const line = lines.lines.find((candidate) => candidate.lineNo === lineNo);
    const text = (given ?? lines.draftOf(lineNo, 'accountNo') ?? '').trim();
    const resource = line && accountResources[line.accountType];
    if (!line || !resource || line.description !== '' || text === '' || text.toUpperCase() === line.accountNo) return lines.commitCell(lineNo, 'accountNo', given);
    lines.edit(lineNo, 'accountNo', text);
    await lines.queueTask(lineNo, async () => {
      const name = await api.get<{ name?: string }>(`${resource}/${encodeKey(text)}`).then((record) => record.name ?? '', () => '');
      if (name === '' || lines.draftOf(lineNo, 'description') !== undefined) lines.commitCell(lineNo, 'accountNo', text);
      else lines.saveChange(lineNo, { accountNo: text, description: name.slice(0, 100) });
    });
  };
}

/** Add line (the server sets it up as BC's SetUpNewLine) and Delete line. */
function useLineActions(key: BatchKey | null, lines: BatchLines, setRefusal: (refusal: BatchRefusal | null) => void) {
  const [focusRequest, setFocusRequest] = useState<{ lineNo: number; field: BatchLineField } | null>(null);
  const adding = useMutation({
    // The new line is set up from the one above, so that one's saves go first.
    mutationFn: async () => {
      await lines.flush();
      return api.post<JournalLineView>(`${batchPath(key!)}/lines`, {});
    },
    onSuccess: (line) => {
      lines.updateCache((items) => [...items, line]);
      setFocusRequest({ lineNo: line.lineNo, field: 'accountNo' });
    },
    onError: (error) => setRefusal(refusalOf(error)),
  });
  const removing = useMutation({
    mutationFn: async (lineNo: number) => {
      await lines.flush();
      await api.delete(`${batchPath(key!)}/lines/${lineNo}`, lines.versionOf(lineNo));
      return lineNo;
    },
    onSuccess: (lineNo) => {
      lines.updateCache((items) => items.filter((line) => line.lineNo !== lineNo));
      lines.forgetLine(lineNo);
    },
    onError: (error) => setRefusal(refusalOf(error)),
  });
  return {
    add: () => adding.mutate(),
    remove: (lineNo: number) => removing.mutate(lineNo),
    focusRequest,
    focusDone: () => setFocusRequest(null),
    changing: adding.isPending || removing.isPending,
  };
}

/**
 * The cash receipt journal page's state for one batch: its stored lines, Preview (what posting
 * would write) and Post (the whole batch, with the tolerance answers; afterwards the transactions
 * and an emptied batch), and the refusal of either marked on its lines' cells.
 */
export function useJournalBatch(key: BatchKey | null) {
  const { locale } = useSession();
  const queryClient = useQueryClient();
  const [refusal, setRefusal] = useState<BatchRefusal | null>(null);
  const [preview, setPreview] = useState<JournalBatchPreview | null>(null);
  const [posted, setPosted] = useState<JournalBatchPostingResult | null>(null);
  const lines = useBatchLines(key, locale, (lineNo, fields) => setRefusal((current) => withoutAnswered(current, lineNo, fields)));
  const actions = useLineActions(key, lines, setRefusal);
  const commitAccount = accountCommitter(lines);

  /** Waits for the saves under way; a cell whose text could not be saved stops Preview and Post. */
  const saved = async () => {
    await lines.flush();
    if (lines.unsavedCount() === 0) return true;
    setRefusal({ detail: caption('Some lines are not filled in correctly: see the marked fields.'), errors: {} });
    return false;
  };
  const previewing = useMutation({
    mutationFn: async () => ((await saved()) ? api.post<JournalBatchPreview>(`${batchPath(key!)}/preview`, {}) : null),
    onSuccess: (result) => result && setPreview(result),
    onError: (error) => setRefusal(refusalOf(error)),
  });
  const posting = useMutation({
    mutationFn: async (options: BatchPostOptions) => ((await saved()) ? api.post<JournalBatchPostingResult>(`${batchPath(key!)}/post`, options) : null),
    onSuccess: (result) => {
      if (!result) return;
      setPosted(result);
      lines.forgetAll();
      // The batch is emptied, and balances and entries on other pages changed.
      void queryClient.invalidateQueries();
    },
    onError: (error) => setRefusal(refusalOf(error)),
  });
  const start = () => {
    setRefusal(null);
    setPosted(null);
  };

  return {
    ...lines,
    ...actions,
    locale,
    refusal,
    pickAppliesTo: (line: JournalLineView, entry: CustomerLedgerEntry) => lines.saveChange(line.lineNo, appliesToChange(line, entry)),
    commitCell: (lineNo: number, field: BatchLineField, given?: string) => (field === 'accountNo' ? void commitAccount(lineNo, given) : lines.commitCell(lineNo, field, given)),
    errorOf: (lineNo: number, field: BatchLineField) => lines.ownErrorOf(lineNo, field) ?? refusal?.errors[`lines.${lineNo}.${field}`],
    balance: batchBalance(lines.lines),
    busy: previewing.isPending || posting.isPending || actions.changing,
    preview,
    closePreview: () => setPreview(null),
    runPreview: () => { start(); previewing.mutate(); },
    post: (options: BatchPostOptions) => { start(); posting.mutate(options); },
    posted,
  };
}

export type JournalBatchState = ReturnType<typeof useJournalBatch>;
