import { NativeSelect, Table } from '@mantine/core';
import { useState } from 'react';
import { salesLineTypes, type SalesLineType } from '../../core/sales/types.ts';
import { lineNoLookups } from '../components/lookup-sources.ts';
import { useCaptions } from '../i18n/captions.ts';
import { RecordLookup } from '../components/record-lookup.tsx';
import { cellAttributes, TextCell } from './line-cells.tsx';
import { lineTypeCaptions, type GridColumn } from './line-fields.ts';
import type { LinesEditor } from './use-lines-editor.ts';

/**
 * The empty line at the bottom of the grid, as in BC: choose the type (Item by default), type or
 * look up the number (or, for a comment, the text) and a line is added.
 */
export function NewLineRow({ columns, editor }: { columns: readonly GridColumn[]; editor: LinesEditor }) {
  const t = useCaptions();
  const [type, setType] = useState<SalesLineType>('item');
  const cell = (column: GridColumn) => {
    const identity = { line: 'new' as const, position: 'new' as const, column };
    switch (column.field) {
      case 'type':
        return (
          <NativeSelect size="xs" aria-label={t('{{column}}, new line', { column: t('Type') })} data-line="new" data-field="type" value={type} onChange={(event) => setType(event.currentTarget.value as SalesLineType)}
            data={salesLineTypes.map((value) => ({ value, label: t(lineTypeCaptions[value]) }))} />
        );
      case 'no':
        return type === 'comment' ? null : (
          <RecordLookup source={lineNoLookups[type]} value={editor.draftOf('new', 'no') ?? ''}
            onChange={(text) => editor.edit('new', 'no', text)} onCommit={(key) => void editor.addLine(type, key)}
            inputProps={{ ...cellAttributes(identity, false), error: editor.errorOf('new', 'no'), placeholder: type === 'item' ? t('Item no. or search') : t('Account no. or search') }} />
        );
      case 'description':
        return type !== 'comment' ? null : (
          <TextCell identity={identity} readOnly={false} value={editor.draftOf('new', 'description') ?? ''} error={editor.errorOf('new', 'description')}
            onChange={(text) => editor.edit('new', 'description', text)} onRevert={() => editor.revert('new', 'description')}
            onCommit={() => void editor.addLine('comment', editor.draftOf('new', 'description') ?? '')}
            onEnter={() => void editor.addLine('comment', editor.draftOf('new', 'description') ?? '')} />
        );
      default:
        return null;
    }
  };
  return (
    <Table.Tr data-line-no="new">
      {columns.map((column) => <Table.Td key={column.field}>{cell(column)}</Table.Td>)}
      <Table.Td />
    </Table.Tr>
  );
}
