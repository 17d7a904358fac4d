import { TextInput } from '@mantine/core';
import type { KeyboardEvent } from 'react';
import { caption } from '../i18n/captions.ts';
import type { GridColumn, LineKey } from './line-fields.ts';

export interface CellIdentity {
  line: LineKey;
  /** 1-based position of the row, for the accessible name ("Quantity, line 2"). */
  position: number | 'new';
  column: GridColumn;
}

/** The attributes every editable cell carries: the grid finds cells by them, people by the label. */
export function cellAttributes({ line, position, column }: CellIdentity, readOnly: boolean) {
  return {
    'aria-label': position === 'new'
      ? caption('{{column}}, new line', { column: caption(column.label) })
      : caption('{{column}}, line {{position}}', { column: caption(column.label), position }),
    'data-line': String(line),
    'data-field': column.field,
    'data-quick-entry': column.quickEntry && !readOnly ? true : undefined,
    readOnly,
    // Greyed as BC shows a field that cannot be changed.
    variant: readOnly ? 'filled' : 'default',
    size: 'xs' as const,
  };
}

interface TextCellProps {
  identity: CellIdentity;
  value: string;
  readOnly: boolean;
  error: string | undefined;
  onChange: (text: string) => void;
  onCommit: () => void;
  onRevert: () => void;
  onEnter?: () => void;
}

/** A text or number cell: typing edits a draft, leaving saves it, Escape puts the saved value back. */
export function TextCell({ identity, value, readOnly, error, onChange, onCommit, onRevert, onEnter }: TextCellProps) {
  const handleKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Escape') onRevert();
    if (event.key === 'Enter' && onEnter) {
      event.preventDefault();
      onEnter();
    }
  };
  return (
    <TextInput {...cellAttributes(identity, readOnly)} value={value} error={error} inputMode={identity.column.numeric ? 'decimal' : undefined}
      styles={identity.column.numeric ? { input: { textAlign: 'right' } } : undefined} autoComplete="off"
      onFocus={(event) => event.currentTarget.select()} onChange={(event) => onChange(event.currentTarget.value)} onBlur={onCommit} onKeyDown={handleKeyDown} />
  );
}
