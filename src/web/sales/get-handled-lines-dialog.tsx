import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, encodeKey } from '../api/client.ts';
import { SelectionTable, type SelectionColumn } from '../components/selection-table.tsx';
import type { SupportedLocale } from '../format/locales.ts';
import { useCaptions } from '../i18n/captions.ts';
import { PickLinesModal } from './pick-lines-modal.tsx';
import type { DocumentChange } from './use-sales-document.ts';

/** A posted shipment (receipt) line not yet invoiced, as the API offers it. */
interface HandledLine { documentNo: string; lineNo: number }

/** What differs between BC's Get Shipment Lines (sales) and Get Receipt Lines (purchases). */
export interface HandledLinesSpec<Line extends HandledLine> {
  title: string;
  /** The candidates: GET `/{resource}/{no}{candidatesPath}`; taken with POST `{action}`. */
  candidatesPath: string;
  action: string;
  /** "shipment": names the table ("Shipment lines") and each row's checkbox. */
  noun: string;
  emptyText: string;
  columns: (locale: SupportedLocale) => SelectionColumn<Line>[];
  /** A chosen line as the action's body names it. */
  requestLine: (line: Line) => Record<string, unknown>;
}

interface GetHandledLinesDialogProps<Line extends HandledLine> {
  spec: HandledLinesSpec<Line>;
  resource: string;
  document: { no: string; version: number };
  opened: boolean;
  onClose: () => void;
  send: (change: DocumentChange) => Promise<unknown>;
  locale: SupportedLocale;
}

const keyOf = (line: HandledLine) => `${line.documentNo}:${line.lineNo}`;
const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The handled, not yet invoiced lines of the bill-to party, picked to become lines of this invoice. */
export function GetHandledLinesDialog<Line extends HandledLine>({ spec, resource, document, opened, onClose, send, locale }: GetHandledLinesDialogProps<Line>) {
  const t = useCaptions();
  const candidates = useQuery({
    queryKey: [spec.candidatesPath, document.no, document.version],
    queryFn: () => api.get<{ items: Line[] }>(`/${resource}/${encodeKey(document.no)}${spec.candidatesPath}`),
    enabled: opened,
  });
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [failure, setFailure] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);
  const rows = candidates.data?.items ?? [];

  const submit = async () => {
    setSubmitting(true);
    setFailure(null);
    try {
      const lines = rows.filter((line) => selected.has(keyOf(line))).map(spec.requestLine);
      await send({ method: 'POST', path: spec.action, body: { lines } });
      setSelected(new Set());
      onClose();
    } catch (error) {
      setFailure(error);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <PickLinesModal title={t(spec.title)} opened={opened} onClose={onClose} loading={candidates.isPending && opened} loadError={candidates.error}
      count={rows.length} emptyText={t(spec.emptyText)} failure={failure} submitting={submitting}
      canSubmit={selected.size > 0} onSubmit={() => void submit()}>
      <SelectionTable label={t(`${capitalized(spec.noun)} lines`)} rows={rows} rowKey={keyOf}
        rowLabel={(line) => t('Select {{noun}} {{documentNo}} line {{lineNo}}', { noun: t(spec.noun), documentNo: line.documentNo, lineNo: line.lineNo })}
        columns={spec.columns(locale)} selected={selected} onChange={setSelected} />
    </PickLinesModal>
  );
}
