import { Switch } from '@mantine/core';
import { useState } from 'react';
import { encodeKey } from '../api/client.ts';
import { RecordLookup, type LookupSource } from '../components/record-lookup.tsx';
import { useCaptions } from '../i18n/captions.ts';
import type { AnyDocumentKind } from './document-kinds.ts';
import { blanketLinkRequest, blanketLinkText } from './blanket-link.ts';
import { linksToBlanketOrders } from './line-fields.ts';
import { cellAttributes, type CellIdentity } from './line-cells.tsx';
import type { BlanketLinkField, GridLine } from './line-fields.ts';
import type { LinesEditor } from './use-lines-editor.ts';

/** A blanket sales order, found by its number or its customer's name. */
const blanketOrderLookup: LookupSource<{ no: string; sellToName: string }> = {
  path: '/salesBlanketOrders', keyOf: (record) => record.no, describe: (record) => record.sellToName,
};

/** The lines of one blanket order, by Line No. */
function blanketLineLookup(blanketOrderNo: string): LookupSource<{ lineNo: number; no: string; description: string }> {
  return { path: `/salesBlanketOrders/${encodeKey(blanketOrderNo)}/lines`, keyOf: (record) => String(record.lineNo), describe: (record) => `${record.no} ${record.description}`.trim() };
}

interface BlanketLinkCellProps {
  identity: CellIdentity;
  line: GridLine;
  editor: LinesEditor;
  readOnly: boolean;
}

/**
 * Blanket Order No. or Blanket Order Line No. of an order or invoice line. Leaving either cell
 * saves both (blanket-link.ts): a No. entered on an unlinked line waits for its Line No.; an empty
 * No. unlinks. What the API refuses (another customer, item or unit) shows on the cell left.
 */
export function BlanketLinkCell({ identity, line, editor, readOnly }: BlanketLinkCellProps) {
  const t = useCaptions();
  const field = identity.column.field as BlanketLinkField;
  const textOf = (name: BlanketLinkField) => editor.draftOf(line.lineNo, name) ?? blanketLinkText(line, name);
  const blanketOrderNo = textOf('blanketOrderNo').trim();

  const commit = (text: string) => {
    const texts = { blanketOrderNo: textOf('blanketOrderNo'), blanketOrderLineNo: textOf('blanketOrderLineNo'), [field]: text };
    const saved = { blanketOrderNo: line.blanketOrderNo ?? null, blanketOrderLineNo: line.blanketOrderLineNo ?? null };
    const request = blanketLinkRequest(field, texts.blanketOrderNo, texts.blanketOrderLineNo, saved);
    switch (request.action) {
      case 'send': return void editor.commitFields(line.lineNo, field, request.body);
      // Not saved yet: say so where the rest goes, or the typed No. would sit there unsaved without a word.
      case 'wait': return editor.showLineErrors([{ lineNo: line.lineNo, field: 'blanketOrderLineNo', message: t('Enter the Blanket Order Line No. too: the link is saved with it') }]);
      case 'unchanged':
        editor.revert(line.lineNo, 'blanketOrderNo');
        return editor.revert(line.lineNo, 'blanketOrderLineNo');
      case 'invalid': return editor.showLineErrors([{ lineNo: line.lineNo, field: request.field, message: t(request.message) }]);
    }
  };

  const common = {
    value: textOf(field), onChange: (text: string) => editor.edit(line.lineNo, field, text), onCommit: commit,
    inputProps: { ...cellAttributes(identity, readOnly), error: editor.errorOf(line.lineNo, field) },
  };
  return field === 'blanketOrderNo'
    ? <RecordLookup source={blanketOrderLookup} {...common} />
    : <RecordLookup source={blanketLineLookup(blanketOrderNo)} {...common} />;
}

/**
 * Whether order and invoice lines show their blanket order link: at first when a line has one, and
 * as the switch above the grid says after that.
 */
export function useBlanketLinkColumns(kind: AnyDocumentKind, lines: readonly GridLine[]) {
  const t = useCaptions();
  const [shown, setShown] = useState(() => lines.some((line) => line.blanketOrderNo));
  const applies = linksToBlanketOrders(kind);
  return {
    shown: applies && shown,
    toggle: applies
      ? <Switch size="xs" label={t('Show blanket order link')} checked={shown} onChange={(event) => setShown(event.currentTarget.checked)} />
      : null,
  };
}
