import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useReducer, useRef, useState } from 'react';
import { api, ApiError, encodeKey } from '../api/client.ts';
import { messageOf } from '../api/field-errors.ts';
import type { SupportedLocale } from '../format/locales.ts';
import { refreshDocumentLists } from '../sales/use-sales-document.ts';
import { caption } from '../i18n/captions.ts';
import {
  changeOf, errorInWords, isUnchanged, placeOfError, type PurchasingKind, type RequisitionLine,
  type RequisitionLineChange, type RequisitionLines, type RequisitionTextField,
} from './requisition-lines.ts';
import { requisitionWorksheetApiPath, requisitionWorksheetsQueryKey } from './worksheet-name.ts';

/** The worksheet the page works on: its lines' cache key and its API path (every call names it). */
interface Sheet { key: readonly ['requisitionWorksheet', string]; path: string }

const sheetOf = (name: string): Sheet => ({ key: [requisitionWorksheetsQueryKey[0], name], path: requisitionWorksheetApiPath(name) });
/** The key of a cell's draft or error; `row` is the line as a whole. */
const cellKey = (lineId: string, field: string) => `${lineId}:${field}`;
/** The cells a refusal of Carry Out Action Message may name on a row. */
const cellFields: readonly string[] = ['vendorNo', 'directUnitCost', 'acceptActionMessage'];

type Messages = Readonly<Record<string, string>>;

/** What a worksheet action was refused for, said above the table: the problem's detail, and what no row shows. */
export interface WorksheetRefusal { title: string; detail: string; elsewhere: string[] }

/**
 * Typed texts not saved yet and the messages of cells and rows, by cell key: kept in refs, so a save
 * or Carry Out that waited reads what is there now, not what was there when it started.
 */
function useCells() {
  const drafts = useRef(new Map<string, string>());
  const errors = useRef(new Map<string, string>());
  const [, rerender] = useReducer((count: number) => count + 1, 0);
  const put = (map: Map<string, string>, key: string, value: string | undefined) => {
    if (map.get(key) === value) return;
    if (value === undefined) map.delete(key);
    else map.set(key, value);
    rerender();
  };
  return {
    draftOf: (key: string) => drafts.current.get(key),
    errorOf: (key: string) => errors.current.get(key),
    setDraft: (key: string, text: string | undefined) => put(drafts.current, key, text),
    setError: (key: string, message: string | undefined) => put(errors.current, key, message),
    /** Cells whose text could not be saved: what they show is not what the worksheet holds. */
    unsavedCount: () => [...drafts.current.keys()].filter((key) => errors.current.has(key)).length,
    /** Forgets the marks of the last refusal (errors of cells not being typed in), before an action is tried again. */
    clearRefusalMarks: () => {
      for (const key of [...errors.current.keys()]) if (!drafts.current.has(key)) errors.current.delete(key);
      rerender();
    },
    clearErrors: () => {
      errors.current.clear();
      rerender();
    },
  };
}
type Cells = ReturnType<typeof useCells>;

function updateCachedLines(queryClient: QueryClient, sheet: Sheet, change: (items: RequisitionLine[]) => RequisitionLine[]) {
  queryClient.setQueryData<RequisitionLines>(sheet.key, (data) => data && { items: change(data.items) });
}

/**
 * Saves fields of a line (PATCH); the answer replaces the line. A refusal marks the cell it names
 * (else the first field sent) and keeps what was typed, to correct or Escape.
 */
function lineSaver(queryClient: QueryClient, sheet: Sheet, cells: Cells, pending: Set<Promise<unknown>>) {
  return async function save(lineId: string, change: RequisitionLineChange, typed: Readonly<Record<string, string>>) {
    const fields = Object.keys(change);
    const request = api.patch<RequisitionLine>(`${sheet.path}/lines/${encodeKey(lineId)}`, change);
    pending.add(request);
    try {
      const updated = await request;
      updateCachedLines(queryClient, sheet, (items) => items.map((line) => (line.id === lineId ? updated : line)));
      cells.setError(cellKey(lineId, 'row'), undefined);
      for (const field of fields) {
        cells.setError(cellKey(lineId, field), undefined);
        // Typing on in the cell while it saved keeps what was typed since.
        if (cells.draftOf(cellKey(lineId, field)) === typed[field]) cells.setDraft(cellKey(lineId, field), undefined);
      }
    } catch (error) {
      const named = error instanceof ApiError ? fields.find((field) => field in error.fieldErrors) : undefined;
      const field = named ?? fields[0]!;
      cells.setError(cellKey(lineId, field), named && error instanceof ApiError ? error.fieldErrors[named] : messageOf(error));
    } finally {
      pending.delete(request);
    }
  };
}

/**
 * A refusal of a worksheet action, placed where it belongs: a line's cell or row for
 * `lines.<lineNo>.<field>`, the sales order filter for `salesOrderNo`, the rest above the table.
 */
function placeRefusal(error: unknown, title: string, lines: readonly RequisitionLine[], cells: Cells, salesOrderFilterUsed: boolean) {
  const elsewhere: string[] = [];
  const filterErrors: Record<string, string> = {};
  const marked: Record<string, string> = {};
  const fieldErrors = error instanceof ApiError ? error.fieldErrors : {};
  for (const [path, message] of Object.entries(fieldErrors)) {
    const place = placeOfError(path, lines, cellFields);
    if (place && place.field !== null) marked[cellKey(place.lineId, place.field)] = message;
    else if (place) marked[cellKey(place.lineId, 'row')] = place.caption ? `${place.caption}: ${message}` : message;
    else if (path === 'salesOrderNo' && salesOrderFilterUsed) filterErrors[path] = message;
    // The detail says it already when it is the only message.
    else if (message !== messageOf(error)) elsewhere.push(errorInWords(path, message));
  }
  for (const [key, message] of Object.entries(marked)) cells.setError(key, message);
  return { refusal: { title, detail: messageOf(error), elsewhere }, filterErrors };
}

/**
 * The lines of worksheet `name` and what the page does with them: edit cells, Get Sales Orders, delete,
 * Carry Out Action Message. The page mounts it anew for another name, so no draft or refusal carries over.
 */
export function useRequisitionWorksheet(locale: SupportedLocale, name: string) {
  const queryClient = useQueryClient();
  const cells = useCells();
  const pending = useRef(new Set<Promise<unknown>>());
  const sheet = sheetOf(name);
  const linesQuery = useQuery({ queryKey: sheet.key, queryFn: () => api.get<RequisitionLines>(`${sheet.path}/lines`), refetchOnWindowFocus: false });
  const lines = linesQuery.data?.items ?? [];
  const save = lineSaver(queryClient, sheet, cells, pending.current);
  return {
    name, lines, linesQuery,
    ...useWorksheetActions(queryClient, sheet, lines, cells, pending.current),
    draftOf: (lineId: string, field: RequisitionTextField) => cells.draftOf(cellKey(lineId, field)),
    errorOf: (lineId: string, field: string) => cells.errorOf(cellKey(lineId, field)),
    edit: (lineId: string, field: RequisitionTextField, text: string) => cells.setDraft(cellKey(lineId, field), text),
    revert: (lineId: string, field: RequisitionTextField) => {
      cells.setDraft(cellKey(lineId, field), undefined);
      cells.setError(cellKey(lineId, field), undefined);
    },
    /** Saves a cell: `given` is a picked value (the vendor lookup), else the cell's typed text. */
    commitCell(lineId: string, field: RequisitionTextField, given?: string) {
      const key = cellKey(lineId, field);
      const text = given ?? cells.draftOf(key);
      const line = lines.find((candidate) => candidate.id === lineId);
      if (text === undefined || !line) return;
      if (isUnchanged(line, field, text, locale)) {
        cells.setDraft(key, undefined);
        cells.setError(key, undefined);
        return;
      }
      cells.setDraft(key, text);
      const outcome = changeOf(field, text, locale);
      if (outcome.error !== null) return cells.setError(key, outcome.error);
      void save(lineId, outcome.change, { [field]: text });
    },
    setAccept: (lineId: string, accept: boolean) => void save(lineId, { acceptActionMessage: accept }, {}),
    async remove(lineId: string) {
      try {
        await api.delete<void>(`${sheet.path}/lines/${encodeKey(lineId)}`);
        updateCachedLines(queryClient, sheet, (items) => items.filter((line) => line.id !== lineId));
      } catch (error) {
        cells.setError(cellKey(lineId, 'row'), messageOf(error));
      }
    },
  };
}

/** Get Sales Orders and Carry Out Action Message: one at a time; a refusal is placed on the rows and cells it names. */
function useWorksheetActions(queryClient: QueryClient, sheet: Sheet, lines: readonly RequisitionLine[], cells: Cells, pending: Set<Promise<unknown>>) {
  const [busy, setBusy] = useState<'getSalesOrders' | 'carryOut' | null>(null);
  const [refusal, setRefusal] = useState<WorksheetRefusal | null>(null);
  const [filterErrors, setFilterErrors] = useState<Messages>({});
  const [purchaseOrderNos, setPurchaseOrderNos] = useState<string[] | null>(null);

  async function act<T>(name: NonNullable<typeof busy>, title: string, request: () => Promise<T>, salesOrderFilterUsed = false): Promise<T | null> {
    setBusy(name);
    setRefusal(null);
    setFilterErrors({});
    cells.clearRefusalMarks();
    try {
      return await request();
    } catch (error) {
      const placed = placeRefusal(error, title, lines, cells, salesOrderFilterUsed);
      setRefusal(placed.refusal);
      setFilterErrors(placed.filterErrors);
      return null;
    } finally {
      setBusy(null);
    }
  }

  async function getSalesOrders(kind: PurchasingKind, salesOrderNo: string) {
    const filter = salesOrderNo.trim();
    const body = filter === '' ? { kind } : { kind, salesOrderNo: filter };
    const result = await act('getSalesOrders', 'Get Sales Orders', () => api.post<RequisitionLines>(`${sheet.path}/getSalesOrders`, body), filter !== '');
    if (result) queryClient.setQueryData<RequisitionLines>(sheet.key, result);
  }

  /** Carry Out Action Message, once every cell's save has answered; a cell that could not be saved stops it. */
  async function carryOut() {
    await Promise.allSettled([...pending]);
    const unsaved = cells.unsavedCount();
    if (unsaved > 0) {
      setRefusal({ title: 'Not carried out', detail: caption('{{unsaved}} field(s) could not be saved: correct them, or press Escape in them to undo.', { unsaved }), elsewhere: [] });
      return;
    }
    setPurchaseOrderNos(null);
    const result = await act('carryOut', 'The action messages cannot be carried out',
      () => api.post<{ purchaseOrderNos: string[] }>(`${sheet.path}/carryOutActionMessage`));
    if (!result) return;
    setPurchaseOrderNos(result.purchaseOrderNos);
    cells.clearErrors();
    // The lines carried out left the worksheet; the purchase orders and the linked sales orders changed.
    void queryClient.invalidateQueries({ queryKey: sheet.key });
    refreshDocumentLists(queryClient);
    void queryClient.invalidateQueries({ queryKey: ['salesDocument'] });
    void queryClient.invalidateQueries({ queryKey: ['purchaseDocument'] });
  }

  return { busy, refusal, filterErrors, purchaseOrderNos, getSalesOrders, carryOut };
}

export type RequisitionWorksheet = ReturnType<typeof useRequisitionWorksheet>;
