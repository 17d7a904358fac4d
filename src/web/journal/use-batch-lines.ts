import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useReducer, useRef, useState } from 'react';
import { api, ApiError, encodeKey, withQuery } from '../api/client.ts';
import { messageOf } from '../api/field-errors.ts';
import type { Page } from '../api/types.ts';
import type { SupportedLocale } from '../format/locales.ts';
import { decimalForInput } from '../format/numbers.ts';
import { changeOf, isUnchanged, type BatchLineField, type JournalLineView, type LineChange } from './batch-lines.ts';

export interface BatchKey { templateName: string; batchName: string }

/** The API path of a batch: /journalTemplates/{template}/batches/{batch}. */
export const batchPath = (key: BatchKey) => `/journalTemplates/${encodeKey(key.templateName)}/batches/${encodeKey(key.batchName)}`;

const cellKey = (lineNo: number, field: string) => `${lineNo}:${field}`;

/**
 * What is typed but not saved yet, by cell (a ref, so a save that finished reads the latest text),
 * and the errors of the cells' own saves.
 */
function useCells() {
  const drafts = useRef(new Map<string, string>());
  const [, rerender] = useReducer((count: number) => count + 1, 0);
  const [errors, setErrors] = useState<Readonly<Record<string, string>>>({});
  const setDraft = (key: string, text: string | undefined) => {
    if (text === undefined) drafts.current.delete(key);
    else drafts.current.set(key, text);
    rerender();
  };
  const setError = (key: string, message: string | undefined) => setErrors((current) => {
    if (current[key] === message) return current;
    const { [key]: _answered, ...rest } = current;
    return message === undefined ? rest : { ...rest, [key]: message };
  });
  return { drafts, setDraft, errors, setErrors, setError };
}

/**
 * One save at a time per line, each sending the version the one before it left (If-Match), so
 * quick edits of one line never refuse each other; `flush` waits for every save under way.
 */
function useLineQueues() {
  const queues = useRef(new Map<number, Promise<unknown>>());
  // Tasks queued and not finished: a task that queues a save counts it before it finishes itself.
  const running = useRef(0);
  const enqueue = <T>(lineNo: number, task: () => Promise<T>): Promise<T> => {
    running.current += 1;
    const next = (queues.current.get(lineNo) ?? Promise.resolve()).then(task).finally(() => { running.current -= 1; });
    queues.current.set(lineNo, next.catch(() => undefined));
    return next;
  };
  const flush = async () => {
    while (running.current > 0) await Promise.all(queues.current.values());
  };
  return { enqueue, flush };
}

type Cells = ReturnType<typeof useCells>;

interface SaverContext {
  path: string;
  cells: Cells;
  enqueue: ReturnType<typeof useLineQueues>['enqueue'];
  /** The version of the line as last read or saved: read when the save's turn comes, so it follows the saves before it. */
  versionOf: (lineNo: number) => number | undefined;
  onEdited: (lineNo: number, fields: readonly string[]) => void;
  updateCache: (change: (items: JournalLineView[]) => JournalLineView[]) => void;
  refetch: () => void;
}

/** Saves fields of a line (one PATCH, in the line's queue); its answer replaces the line, a refusal marks the cell. */
function lineSaver({ path, cells, enqueue, versionOf, onEdited, updateCache, refetch }: SaverContext) {
  return async function save(lineNo: number, change: LineChange, typed: Readonly<Record<string, string>>) {
    const fields = Object.keys(change);
    onEdited(lineNo, fields);
    try {
      const updated = await enqueue(lineNo, () => api.patch<JournalLineView>(`${path}/lines/${lineNo}`, change, versionOf(lineNo)));
      updateCache((items) => items.map((line) => (line.lineNo === lineNo ? updated : line)));
      for (const field of fields) {
        // Typing on in the cell while it saved keeps what was typed since.
        if (cells.drafts.current.get(cellKey(lineNo, field)) === typed[field]) cells.setDraft(cellKey(lineNo, field), undefined);
        cells.setError(cellKey(lineNo, field), undefined);
      }
    } catch (error) {
      const named = error instanceof ApiError ? fields.find((field) => field in error.fieldErrors) : undefined;
      const field = named ?? fields[0]!;
      cells.setError(cellKey(lineNo, field), named && error instanceof ApiError ? error.fieldErrors[named] : messageOf(error));
      // Someone else changed the line: show theirs, to edit again.
      if (error instanceof ApiError && error.status === 409) refetch();
    }
  };
}

/**
 * A batch's lines as stored drafts: listed from the server, each cell saved when it is left (one
 * PATCH, its answer replacing the line), lines added with the server's defaults and deleted.
 */
export function useBatchLines(key: BatchKey | null, locale: SupportedLocale, onEdited: (lineNo: number, fields: readonly string[]) => void) {
  const queryClient = useQueryClient();
  const cells = useCells();
  const { enqueue, flush } = useLineQueues();
  const path = key ? batchPath(key) : '';
  const queryKey = ['journalLines', key?.templateName, key?.batchName];
  const linesQuery = useQuery({
    queryKey, enabled: key !== null, refetchOnWindowFocus: false,
    queryFn: () => api.get<Page<JournalLineView>>(withQuery(`${path}/lines`, { limit: 1000 })),
  });
  const lines = linesQuery.data?.items ?? [];
  const updateCache = (change: (items: JournalLineView[]) => JournalLineView[]) =>
    queryClient.setQueryData<Page<JournalLineView>>(queryKey, (page) => page && { ...page, items: change(page.items) });

  const versionOf = (lineNo: number) => queryClient.getQueryData<Page<JournalLineView>>(queryKey)?.items.find((line) => line.lineNo === lineNo)?.version;
  const save = lineSaver({ path, cells, enqueue, versionOf, onEdited, updateCache, refetch: () => void linesQuery.refetch() });

  /** Saves a cell: `given` is a chosen value (a select, a lookup, a date), else the cell's typed text. */
  function commitCell(lineNo: number, field: BatchLineField, given?: string) {
    const keyOfCell = cellKey(lineNo, field);
    const text = given ?? cells.drafts.current.get(keyOfCell);
    const line = lines.find((candidate) => candidate.lineNo === lineNo);
    if (text === undefined || !line) return;
    if (isUnchanged(line, field, text, locale)) {
      cells.setDraft(keyOfCell, undefined);
      cells.setError(keyOfCell, undefined);
      return;
    }
    cells.setDraft(keyOfCell, text);
    const outcome = changeOf(field, text, locale);
    if (outcome.error !== null) return cells.setError(keyOfCell, outcome.error);
    void save(lineNo, outcome.change, { [field]: text });
  }

  /** Saves several fields at once (a picked entry), showing their new values while it saves. */
  function saveChange(lineNo: number, change: LineChange) {
    const typed = Object.fromEntries(Object.entries(change).map(([field, value]) =>
      [field, field === 'amount' && value !== null ? decimalForInput(value, locale, 2) : value ?? '']));
    for (const [field, text] of Object.entries(typed)) cells.setDraft(cellKey(lineNo, field), text);
    void save(lineNo, change, typed);
  }

  return {
    lines, linesQuery, updateCache, flush, commitCell, saveChange, versionOf,
    /** Runs a task in the line's turn (a lookup whose answer decides the save); flush waits for it and what it queues. */
    queueTask: (lineNo: number, task: () => Promise<void>) => enqueue(lineNo, task).catch(() => undefined),
    draftOf: (lineNo: number, field: BatchLineField) => cells.drafts.current.get(cellKey(lineNo, field)),
    /** Cells whose text could not be saved (refused, or not a value): posting would not post what they show. */
    unsavedCount: () => [...cells.drafts.current.keys()].filter((keyOfCell) => cells.errors[keyOfCell] !== undefined).length,
    ownErrorOf: (lineNo: number, field: string) => cells.errors[cellKey(lineNo, field)],
    edit: (lineNo: number, field: BatchLineField, text: string) => {
      cells.setDraft(cellKey(lineNo, field), text);
      onEdited(lineNo, [field]);
    },
    /** A deleted line's drafts go with it: a line added later may take its Line No. */
    forgetLine: (lineNo: number) => {
      for (const keyOfCell of [...cells.drafts.current.keys()]) if (keyOfCell.startsWith(`${lineNo}:`)) cells.setDraft(keyOfCell, undefined);
    },
    /** After posting, the batch starts again from Line No. 10000. */
    forgetAll: () => {
      cells.drafts.current.clear();
      cells.setErrors({});
    },
  };
}

export type BatchLines = ReturnType<typeof useBatchLines>;
