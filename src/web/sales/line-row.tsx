import { ActionIcon, Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { DocumentFamily } from '../../core/documents/document-types.ts';
import { AssembleToOrderLinesCell } from '../assembly/assemble-to-order-lines.tsx';
import { lineNoLookups, locationLookup, purchasingLookup } from '../components/lookup-sources.ts';
import { RecordLookup } from '../components/record-lookup.tsx';
import type { SupportedLocale } from '../format/locales.ts';
import { decimalForInput, formatAmount, formatQuantity } from '../format/numbers.ts';
import { useCaptions } from '../i18n/captions.ts';
import { BlanketLinkCell } from './blanket-link-cells.tsx';
import { BlanketLinkedDocumentsButton } from './blanket-linked-documents.tsx';
import { DeliveryDateCell, PlannedShipmentDateCell } from './delivery-date-cell.tsx';
import { cellAttributes, TextCell, type CellIdentity } from './line-cells.tsx';
import { decimalOf, isDecimalLineField, isDeliveryDateField, isPostedQuantityField, isPrepaymentAmountField, lineTypeCaptions, type BlanketLinkField, type EditableLineField, type GridColumn, type GridLine } from './line-fields.ts';
import { PurchasingNote } from './purchasing-note.tsx';
import type { LinesEditor } from './use-lines-editor.ts';

interface LineRowProps {
  line: GridLine;
  /** Sales order lines show their drop shipment under the Purchasing Code, purchase lines under the description. */
  family: DocumentFamily;
  position: number;
  columns: readonly GridColumn[];
  editor: LinesEditor;
  /** Open documents change freely; released ones only in their shipping quantities. */
  open: boolean;
  busy: boolean;
  /** A stockout warning for this line's item, shown under its description. */
  warning: string | undefined;
  locale: SupportedLocale;
}

export function LineRow({ line, family, position, columns, editor, open, busy, warning, locale }: LineRowProps) {
  const t = useCaptions();
  const cellLabel = (column: GridColumn) => t('{{column}}, line {{position}}', { column: t(column.label), position });
  const cell = (column: GridColumn) => {
    const identity: CellIdentity = { line: line.lineNo, position, column };
    const readOnly = !open && !column.editableWhenReleased;
    if (isPostedQuantityField(column.field)) {
      return line.type === 'comment' ? null : <Text size="sm" aria-label={cellLabel(column)} data-field-value={column.field}>{formatQuantity(decimalOf(line, column.field), locale)}</Text>;
    }
    if (isDeliveryDateField(column.field)) {
      return line.type === 'comment' ? null : <DeliveryDateCell identity={{ ...identity, line: line.lineNo }} field={column.field} line={line} editor={editor} readOnly={readOnly} />;
    }
    if (column.field === 'plannedShipmentDate') return line.type === 'comment' ? null : <PlannedShipmentDateCell line={line} position={position} />;
    if (isPrepaymentAmountField(column.field)) {
      return line.type === 'comment' ? null : <Text size="sm" aria-label={cellLabel(column)} data-field-value={column.field}>{formatAmount(line[column.field] ?? '0', locale)}</Text>;
    }
    switch (column.field) {
      case 'type': return <Text size="xs">{t(lineTypeCaptions[line.type])}</Text>;
      case 'unitOfMeasureCode': return <Text size="xs">{line.unitOfMeasureCode}</Text>;
      case 'lineAmount': return <LineAmount line={line} preview={editor.preview?.lineAmounts.get(line.lineNo)} locale={locale} />;
      case 'blanketOrderNo':
      case 'blanketOrderLineNo': return line.type === 'comment' ? null : <BlanketLinkCell identity={identity} line={line} editor={editor} readOnly={readOnly} />;
      case 'assembleToOrderLines': return <AssembleToOrderLinesCell line={line} column={column} position={position} />;
      case 'linkedDocuments': return line.type === 'comment' || !line.documentNo ? null : (
        <BlanketLinkedDocumentsButton blanketOrderNo={line.documentNo} lineNo={line.lineNo} position={position} locale={locale} />
      );
      case 'no': return line.type === 'comment' ? null : (
        <RecordLookup source={lineNoLookups[line.type]} value={editor.draftOf(line.lineNo, 'no') ?? line.no}
          onChange={(text) => editor.edit(line.lineNo, 'no', text)} onCommit={(key) => void editor.commitCell(line.lineNo, 'no', key)}
          inputProps={{ ...cellAttributes(identity, readOnly), error: editor.errorOf(line.lineNo, 'no') }} />
      );
      // Where the line ships from: the header's when entered, editable while the document is open.
      case 'locationCode': return line.type === 'comment' ? null : (
        <RecordLookup source={locationLookup} value={editor.draftOf(line.lineNo, 'locationCode') ?? line.locationCode ?? ''}
          onChange={(text) => editor.edit(line.lineNo, 'locationCode', text)} onCommit={(key) => void editor.commitCell(line.lineNo, 'locationCode', key)}
          inputProps={{ ...cellAttributes(identity, readOnly), error: editor.errorOf(line.lineNo, 'locationCode') }} />
      );
      case 'purchasingCode': return line.type !== 'item' ? null : (
        <>
          <RecordLookup source={purchasingLookup} value={editor.draftOf(line.lineNo, 'purchasingCode') ?? line.purchasingCode ?? ''}
            onChange={(text) => editor.edit(line.lineNo, 'purchasingCode', text)} onCommit={(key) => void editor.commitCell(line.lineNo, 'purchasingCode', key)}
            inputProps={{ ...cellAttributes(identity, readOnly), error: editor.errorOf(line.lineNo, 'purchasingCode') }} />
          <PurchasingNote line={line} family={family} position={position} />
        </>
      );
      default: {
        const field = column.field;
        if (line.type === 'comment' && field !== 'description') return null;
        return (
          <>
            <TextCell identity={identity} readOnly={readOnly} value={editor.draftOf(line.lineNo, field) ?? savedText(line, field, column.minimumScale, locale)}
              error={editor.errorOf(line.lineNo, field)} onChange={(text) => editor.edit(line.lineNo, field, text)}
              onCommit={() => void editor.commitCell(line.lineNo, field)} onRevert={() => editor.revert(line.lineNo, field)} />
            {field === 'description' && warning && <Text size="xs" c="orange.8" role="note">{warning}</Text>}
            {field === 'description' && family === 'purchase' && <PurchasingNote line={line} family={family} position={position} />}
          </>
        );
      }
    }
  };
  return (
    <Table.Tr data-line-no={line.lineNo}>
      {columns.map((column) => <Table.Td key={column.field} ta={column.numeric ? 'right' : undefined}>{cell(column)}</Table.Td>)}
      <Table.Td>
        {open && <DeleteLineButton line={line} position={position} busy={busy} onDelete={() => void editor.deleteLine(line.lineNo)} />}
      </Table.Td>
    </Table.Tr>
  );
}

/** ✕ deletes the line after asking, as BC's "Delete line?" does. */
function DeleteLineButton({ line, position, busy, onDelete }: { line: GridLine; position: number; busy: boolean; onDelete: () => void }) {
  const t = useCaptions();
  const [asking, setAsking] = useState(false);
  const what = [line.no, line.description].filter((part) => part).join(' ');
  const title = t('Delete line {{position}}', { position });
  return (
    <>
      <ActionIcon variant="subtle" color="red" aria-label={title} disabled={busy} onClick={() => setAsking(true)}>✕</ActionIcon>
      <Modal opened={asking} onClose={() => setAsking(false)} title={title}>
        <Stack gap="sm">
          <Text size="sm">
            {what ? t('Do you want to delete line {{position}} ({{line}})?', { position, line: what }) : t('Do you want to delete line {{position}}?', { position })}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAsking(false)}>{t('No')}</Button>
            <Button color="red" onClick={() => { setAsking(false); onDelete(); }} data-autofocus>{t('Yes')}</Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

function savedText(line: GridLine, field: Exclude<EditableLineField, BlanketLinkField>, minimumScale: number | undefined, locale: SupportedLocale): string {
  return isDecimalLineField(field) ? decimalForInput(decimalOf(line, field), locale, minimumScale) : line[field] ?? '';
}

function LineAmount({ line, preview, locale }: { line: GridLine; preview: string | undefined; locale: SupportedLocale }) {
  const t = useCaptions();
  if (line.type === 'comment') return null;
  return preview === undefined
    ? <Text size="sm" data-field-value="lineAmount">{formatAmount(line.lineAmount, locale)}</Text>
    : <Text size="sm" fs="italic" c="dimmed" title={t('Preview: saved when you leave the field')}>{formatAmount(preview, locale)}</Text>;
}
