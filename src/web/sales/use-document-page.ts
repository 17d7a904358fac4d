import { useEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import { ApiError } from '../api/client.ts';
import { fieldErrorsOf, messageOf, type FieldErrors } from '../api/field-errors.ts';
import { useSession } from '../session/session-store.ts';
import { splitDocumentFieldErrors, withoutHeaderErrors, type LineFieldError } from './document-field-errors.ts';
import type { AnyDocumentKind } from './document-kinds.ts';
import type { GridDocument } from './line-fields.ts';
import { useLinesEditor } from './use-lines-editor.ts';
import { useDocumentBusy, useDocumentChange, type DocumentChange } from './use-sales-document.ts';

type EditedDocument = GridDocument & { no: string; version: number };

/** The fields a refusal marked, kept to take them off again when it becomes history. */
interface RefusalFields { header: Record<string, string>; lines: LineFieldError[] }
const noRefusalFields: RefusalFields = { header: {}, lines: [] };

/**
 * The state of a document page of either family: its changes (one after another), the lines
 * editor, the header's field errors and the last refusal. `updateSchema` is what the API takes
 * for a header change (checked here first, so the field shows the same message).
 */
export function useDocumentPage<D extends EditedDocument>(kind: AnyDocumentKind, document: D, updateSchema: z.ZodType) {
  const { locale } = useSession();
  const change = useDocumentChange<D>(kind, document.no);
  const busy = useDocumentBusy(kind, document.no);
  const send = (request: DocumentChange) => change.mutateAsync(request);
  const editor = useLinesEditor(document, kind.family, locale, send);
  const [headerErrors, setHeaderErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const refusalFields = useRef<RefusalFields>(noRefusalFields);

  /** Takes the last refusal's field marks off, so a retry that succeeds leaves none behind. */
  const clearRefusalFields = () => {
    const { header, lines } = refusalFields.current;
    refusalFields.current = noRefusalFields;
    setHeaderErrors((current) => withoutHeaderErrors(current, header));
    editor.hideLineErrors(lines);
  };
  // A change that went through (a posting, too) makes an earlier refusal history.
  useEffect(() => {
    setFailure(null);
    clearRefusalFields();
  }, [document.version]);

  /**
   * The page's banner setter: a refusal's message above the page and the fields it names marked
   * where they are; null (an action starting) clears both, so a new refusal shows only its own.
   */
  const showFailure = (error: unknown) => {
    setFailure(error);
    clearRefusalFields();
    if (!(error instanceof ApiError)) return;
    const split = splitDocumentFieldErrors(error.fieldErrors);
    refusalFields.current = split;
    setHeaderErrors((current) => ({ ...current, ...split.header }));
    editor.showLineErrors(split.lines);
  };
  const run = (request: DocumentChange) => {
    setFailure(null);
    return send(request);
  };
  const commitHeader = async (field: string, value: string | boolean | string[]) => {
    const parsed = updateSchema.safeParse({ [field]: value });
    if (!parsed.success) return setHeaderErrors(fieldErrorsOf(parsed.error));
    try {
      await run({ method: 'PATCH', path: '', body: parsed.data });
      setHeaderErrors({});
    } catch (error) {
      setHeaderErrors(error instanceof ApiError && Object.keys(error.fieldErrors).length > 0 ? error.fieldErrors : { [field]: messageOf(error) });
    }
  };
  return { locale, busy, editor, headerErrors, failure, showFailure, run, commitHeader: (field: string, value: string | boolean | string[]) => void commitHeader(field, value) };
}
