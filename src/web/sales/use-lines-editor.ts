import { useRef, useState } from 'react';
import type { DocumentFamily } from '../../core/documents/document-types.ts';
import { purchaseLineCreate, purchaseLineUpdate } from '../../core/purchases/purchase-document.schemas.ts';
import { salesLineCreate, salesLineUpdate } from '../../core/sales/sales-document.schemas.ts';
import { dec } from '../../core/money/decimal.ts';
import { ApiError } from '../api/client.ts';
import { fieldErrorsOf, messageOf, type FieldErrors } from '../api/field-errors.ts';
import { withoutLineErrors, type LineFieldError } from './document-field-errors.ts';
import { useUnsavedGuard } from '../components/unsaved-guard.ts';
import { parseDecimalInput } from '../format/numbers.ts';
import type { SupportedLocale } from '../format/locales.ts';
import { caption } from '../i18n/captions.ts';
import { decimalOf, isDecimalLineField, priceFieldOf, type EditableLineField, type GridDocument, type GridLine, type LineKey, type PriceField } from './line-fields.ts';
import { previewDocument, type LinePricingDraft } from './line-preview.ts';
import type { DocumentChange } from './use-sales-document.ts';

type Drafts = Record<string, Partial<Record<EditableLineField, string>>>;
interface CellAddress { line: LineKey; field: EditableLineField }

/** The errors of a failed change: the API's, when it names a cell changed; else its message on the cell left (`fields[0]`). */
function errorsOf(error: unknown, ...fields: [string, ...string[]]): FieldErrors {
  if (error instanceof ApiError && fields.some((field) => field in error.fieldErrors)) return error.fieldErrors;
  return { [fields[0]]: messageOf(error) };
}

function sameValue(line: GridLine, field: EditableLineField, value: string): boolean {
  return isDecimalLineField(field) ? dec(decimalOf(line, field)).eq(dec(value)) : (line[field] ?? '') === value;
}

/** What the API takes for a new line and a line change, per family: checked here first, so the cell shows the same message. */
const lineSchemas = {
  sales: { create: salesLineCreate, update: salesLineUpdate },
  purchase: { create: purchaseLineCreate, update: purchaseLineUpdate },
} as const;

/**
 * Drafts (what is typed but not yet saved, by line and field) and errors by cell, with the guard
 * that saves a cell's text once.
 */
function useCells() {
  const [drafts, setDraftsState] = useState<Drafts>({});
  // The guard reads drafts as they are now, not as last rendered: a save that just ended must
  // not look unsaved until React renders again, nor a draft just typed look saved.
  const draftsNow = useRef<Drafts>({});
  const setDrafts = (next: Drafts | ((current: Drafts) => Drafts)) => {
    draftsNow.current = typeof next === 'function' ? next(draftsNow.current) : next;
    setDraftsState(draftsNow.current);
  };
  const [errors, setErrors] = useState<Record<string, FieldErrors>>({});
  const inFlight = useRef(new Set<string>());

  const draftOf = (line: LineKey, field: EditableLineField) => drafts[line]?.[field];
  const setDraft = (line: LineKey, field: EditableLineField, text: string | undefined) =>
    setDrafts((current) => ({ ...current, [line]: { ...current[line], [field]: text } }));
  const setCellErrors = (line: LineKey, field: string, cellErrors: FieldErrors | undefined) =>
    setErrors((current) => ({ ...current, [line]: cellErrors ?? Object.fromEntries(Object.entries(current[line] ?? {}).filter(([name]) => name !== field)) }));

  /** Runs a change once per cell and text: leaving a cell while its Enter is still saving does not save twice. */
  async function once(line: LineKey, field: EditableLineField, text: string, run: () => Promise<void>) {
    const key = `${line}:${field}:${text}`;
    if (inFlight.current.has(key)) return;
    inFlight.current.add(key);
    try {
      await run();
    } finally {
      inFlight.current.delete(key);
    }
  }

  /** A draft not on its way to the server: typed and not yet left. */
  const hasUnsaved = () => Object.entries(draftsNow.current).some(([line, fields]) => Object.entries(fields ?? {})
    .some(([field, text]) => text !== undefined && !inFlight.current.has(`${line}:${field}:${text}`)));

  return { drafts, setDrafts, errors, setErrors, draftOf, setDraft, setCellErrors, once, hasUnsaved };
}

type Cells = ReturnType<typeof useCells>;
type Send = (change: DocumentChange) => Promise<GridDocument>;

/** Saves a cell's draft, or `text` when given (a lookup's chosen number, which the draft may not hold yet). */
function cellCommitter(cells: Cells, document: GridDocument, family: DocumentFamily, locale: SupportedLocale, send: Send) {
  const { draftOf, setDraft, setDrafts, setCellErrors, once } = cells;
  return async function commitCell(lineNo: number, field: EditableLineField, text = draftOf(lineNo, field)) {
    const draft = draftOf(lineNo, field);
    const line = document.lines.find((candidate) => candidate.lineNo === lineNo);
    if (text === undefined || !line) return;
    const value = isDecimalLineField(field) ? parseDecimalInput(text, locale) : text.trim();
    // A refused value reverts visibly to what the line has, the refusal naming what was typed (issue 19).
    const refuse = (cellErrors: FieldErrors) => {
      setDrafts((current) => (current[lineNo]?.[field] === draft ? { ...current, [lineNo]: { ...current[lineNo], [field]: undefined } } : current));
      setCellErrors(lineNo, field, Object.fromEntries(Object.entries(cellErrors).map(([name, message]) => [name, name === field ? caption("'{{text}}' was refused: {{message}}", { text: text.trim(), message }) : message])));
    };
    if (value === null) return refuse({ [field]: caption('must be a number') });
    if (sameValue(line, field, value)) {
      setDraft(lineNo, field, undefined);
      return setCellErrors(lineNo, field, undefined);
    }
    const parsed = lineSchemas[family].update.safeParse({ [field]: value });
    if (!parsed.success) return refuse(fieldErrorsOf(parsed.error));
    await once(lineNo, field, text, async () => {
      try {
        await send({ method: 'PATCH', path: `/lines/${lineNo}`, body: parsed.data });
        // Typing on in the cell while it saved keeps what was typed since.
        setDrafts((current) => (current[lineNo]?.[field] === draft ? { ...current, [lineNo]: { ...current[lineNo], [field]: undefined } } : current));
        setCellErrors(lineNo, field, undefined);
      } catch (error) {
        refuse(errorsOf(error, field));
      }
    });
  };
}

/**
 * Saves several fields of a line as one change (a blanket order link is its No. and Line No.
 * together); `cell` is the one left, where a refusal that names neither field is shown.
 */
function fieldsCommitter(cells: Cells, family: DocumentFamily, send: Send) {
  const { draftOf, setDrafts, setErrors, setCellErrors, once } = cells;
  return async function commitFields(lineNo: number, cell: EditableLineField, body: Partial<Record<EditableLineField, unknown>>) {
    const fields = Object.keys(body) as EditableLineField[];
    const parsed = lineSchemas[family].update.safeParse(body);
    if (!parsed.success) return setCellErrors(lineNo, cell, fieldErrorsOf(parsed.error));
    const drafts = new Map(fields.map((field) => [field, draftOf(lineNo, field)]));
    await once(lineNo, cell, JSON.stringify(body), async () => {
      try {
        await send({ method: 'PATCH', path: `/lines/${lineNo}`, body: parsed.data });
        setDrafts((current) => ({
          ...current, [lineNo]: { ...current[lineNo], ...Object.fromEntries(fields.filter((field) => current[lineNo]?.[field] === drafts.get(field)).map((field) => [field, undefined])) },
        }));
        setErrors((current) => ({ ...current, [lineNo]: Object.fromEntries(Object.entries(current[lineNo] ?? {}).filter(([name]) => name !== cell && !(name in body))) }));
      } catch (error) {
        setCellErrors(lineNo, cell, errorsOf(error, cell, ...fields));
      }
    });
  };
}

/** The empty line: a number (item, G/L account) or a text (comment) adds a line; focus goes to its quantity. */
function lineAdder(cells: Cells, document: GridDocument, family: DocumentFamily, send: Send, requestFocus: (cell: CellAddress) => void) {
  const { setDraft, setErrors, setCellErrors, once } = cells;
  return async function addLine(type: GridLine['type'], text: string) {
    const field: EditableLineField = type === 'comment' ? 'description' : 'no';
    if (text.trim() === '') return;
    const parsed = lineSchemas[family].create.safeParse(type === 'comment' ? { type, description: text } : { type, no: text });
    if (!parsed.success) return setCellErrors('new', field, fieldErrorsOf(parsed.error));
    await once('new', field, text, async () => {
      const before = new Set(document.lines.map((line) => line.lineNo));
      try {
        const updated = await send({ method: 'POST', path: '/lines', body: parsed.data });
        setDraft('new', field, undefined);
        setErrors((current) => ({ ...current, new: {} }));
        const added = updated.lines.filter((line) => !before.has(line.lineNo)).at(-1);
        requestFocus(added && type !== 'comment' ? { line: added.lineNo, field: 'quantity' } : { line: 'new', field });
      } catch (error) {
        setCellErrors('new', field, errorsOf(error, field));
      }
    });
  };
}

function lineDeleter(cells: Cells, send: Send) {
  return async function deleteLine(lineNo: number) {
    try {
      await send({ method: 'DELETE', path: `/lines/${lineNo}` });
      cells.setDrafts(({ [lineNo]: _deleted, ...rest }) => rest);
    } catch (error) {
      // Every line type shows its description, so a refusal to delete is shown there.
      cells.setCellErrors(lineNo, 'description', errorsOf(error, 'description'));
    }
  };
}

/** The drafted quantity, price and discount of each saved line, for the live totals. */
function pricingDraftsOf(drafts: Drafts, locale: SupportedLocale, priceField: PriceField): Map<number, LinePricingDraft> {
  const pricingDrafts = new Map<number, LinePricingDraft>();
  for (const [line, fields] of Object.entries(drafts)) {
    if (line === 'new' || !fields) continue;
    const draft: LinePricingDraft = {};
    const typed: Record<keyof LinePricingDraft, string | undefined> = { quantity: fields.quantity, price: fields[priceField], lineDiscountPercent: fields.lineDiscountPercent };
    for (const field of ['quantity', 'price', 'lineDiscountPercent'] as const) {
      const plain = typed[field] === undefined ? null : parseDecimalInput(typed[field], locale);
      if (plain !== null) draft[field] = plain;
    }
    pricingDrafts.set(Number.parseInt(line, 10), draft);
  }
  return pricingDrafts;
}

/**
 * The lines grid's state: what is typed but not yet saved (drafts, by line and field), the errors
 * by cell, and where focus goes after a line is added. Cells commit when left (Enter, Tab, click
 * away); each commit is one PATCH/POST whose answer is the whole document.
 */
export function useLinesEditor(document: GridDocument, family: DocumentFamily, locale: SupportedLocale, send: Send) {
  const priceField = priceFieldOf(family);
  const cells = useCells();
  useUnsavedGuard(cells.hasUnsaved);
  const { draftOf, setDraft, setCellErrors, setErrors, errors } = cells;
  const [focusRequest, setFocusRequest] = useState<CellAddress | null>(document.lines.length === 0 ? { line: 'new', field: 'no' } : null);

  return {
    draftOf,
    errorOf: (line: LineKey, field: string) => errors[line]?.[field],
    edit: (line: LineKey, field: EditableLineField, text: string) => setDraft(line, field, text),
    revert: (line: LineKey, field: EditableLineField) => {
      setDraft(line, field, undefined);
      setCellErrors(line, field, undefined);
    },
    commitCell: cellCommitter(cells, document, family, locale, send),
    commitFields: fieldsCommitter(cells, family, send),
    /** Errors the API gave for lines outside a cell's own save (posting's refusals), shown on their cells. */
    showLineErrors: (lineErrors: readonly LineFieldError[]) => setErrors((current) => {
      const next = { ...current };
      for (const { lineNo, field, message } of lineErrors) next[lineNo] = { ...next[lineNo], [field]: message };
      return next;
    }),
    /** Takes an earlier refusal's line errors off their cells again (the next action started). */
    hideLineErrors: (lineErrors: readonly LineFieldError[]) => setErrors((current) => withoutLineErrors(current, lineErrors)),
    addLine: lineAdder(cells, document, family, send, setFocusRequest),
    deleteLine: lineDeleter(cells, send),
    preview: previewDocument(document, pricingDraftsOf(cells.drafts, locale, priceField), priceField),
    focusRequest,
    focusDone: () => setFocusRequest(null),
  };
}

export type LinesEditor = ReturnType<typeof useLinesEditor>;
