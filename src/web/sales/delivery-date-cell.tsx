import { Text, TextInput } from '@mantine/core';
import type { KeyboardEvent } from 'react';
import { formatDate } from '../format/dates.ts';
import { parseDateInput } from '../format/date-input.ts';
import { useCaptions } from '../i18n/captions.ts';
import { useSession } from '../session/session-store.ts';
import { cellAttributes, type CellIdentity } from './line-cells.tsx';
import type { DeliveryDateField, GridLine } from './line-fields.ts';
import type { LinesEditor } from './use-lines-editor.ts';

interface DeliveryDateCellProps {
  identity: CellIdentity & { line: number };
  field: DeliveryDateField;
  line: GridLine;
  editor: LinesEditor;
  readOnly: boolean;
}

/**
 * A line's date in the locale's format, typed as the header's dates are ("2001", "t", "w"); leaving
 * saves it as YYYY-MM-DD. What is not a date goes to the server as typed, so the refusal names it.
 */
export function DeliveryDateCell({ identity, field, line, editor, readOnly }: DeliveryDateCellProps) {
  const { locale, workDate } = useSession();
  const lineNo = identity.line;
  const draft = editor.draftOf(lineNo, field);
  const commit = () => {
    if (draft === undefined) return;
    const parsed = parseDateInput(draft, locale, workDate);
    void editor.commitCell(lineNo, field, parsed === undefined ? draft : (parsed ?? ''));
  };
  const handleKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Escape') editor.revert(lineNo, field);
    if (event.key === 'Enter') commit();
  };
  return (
    <TextInput {...cellAttributes(identity, readOnly)} value={draft ?? formatDate(line[field] ?? null, locale)} error={editor.errorOf(lineNo, field)} autoComplete="off"
      onFocus={(event) => event.currentTarget.select()} onChange={(event) => editor.edit(lineNo, field, event.currentTarget.value)} onBlur={commit} onKeyDown={handleKeyDown} />
  );
}

/** Planned Shipment Date: follows from the other dates, so it is read, not typed. */
export function PlannedShipmentDateCell({ line, position }: { line: GridLine; position: number }) {
  const t = useCaptions();
  const { locale } = useSession();
  return (
    <Text size="sm" aria-label={t('{{column}}, line {{position}}', { column: t('Planned Shipment Date'), position })} data-field-value="plannedShipmentDate">
      {formatDate(line.plannedShipmentDate ?? null, locale)}
    </Text>
  );
}
