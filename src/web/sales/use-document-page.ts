import { useEffect, useState } from 'react';
import type { z } from 'zod';
import { ApiError } from '../api/client.ts';
import { fieldErrorsOf, messageOf, type FieldErrors } from '../api/field-errors.ts';
import { useSession } from '../session/session-store.ts';
import { splitDocumentFieldErrors } from './document-field-errors.ts';
import type { AnyDocumentKind } from './document-kinds.ts';
import type { GridDocument } from './line-fields.ts';
import { useLinesEditor } from './use-lines-editor.ts';
import { useDocumentBusy, useDocumentChange, type DocumentChange } from './use-sales-document.ts';

type EditedDocument = GridDocument & { no: string; version: number };

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
  // A change that went through (a posting, too) makes an earlier refusal history.
  useEffect(() => setFailure(null), [document.version]);

  /** A refused action: its message above the page, and the fields it names marked where they are. */
  const showFailure = (error: unknown) => {
    setFailure(error);
    if (!(error instanceof ApiError)) return;
    const { header, lines } = splitDocumentFieldErrors(error.fieldErrors);
    if (Object.keys(header).length > 0) setHeaderErrors(header);
    editor.showLineErrors(lines);
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
