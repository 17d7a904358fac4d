import { Alert, Anchor, Button, Group, Loader, Modal, Radio, Stack, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, encodeKey } from '../api/client.ts';
import { messageOf } from '../api/field-errors.ts';
import { SelectionTable, type SelectionColumn } from '../components/selection-table.tsx';
import { formatDate } from '../format/dates.ts';
import type { SupportedLocale } from '../format/locales.ts';
import { formatQuantity } from '../format/numbers.ts';
import { caption, useCaptions } from '../i18n/captions.ts';
import { showNotice } from '../layout/notices.ts';
import { requisitionWorksheetLink, requisitionWorksheetsQueryKey } from '../purchases/worksheet-name.ts';
import type { DocumentKind } from './document-kinds.ts';
import { explanationText, promisingMethods, type AcceptResult, type PromisingLine, type PromisingMethod, type PromisingResult } from './order-promising.ts';
import { documentQueryKey } from './use-sales-document.ts';

interface OrderPromisingDialogProps {
  kind: DocumentKind;
  document: { no: string; version: number };
  opened: boolean;
  onClose: () => void;
  /** A change of the document is on its way: Accept waits for it. */
  busy: boolean;
  locale: SupportedLocale;
}

const keyOf = (line: PromisingLine) => String(line.lineNo);

/** "4 due 14-01-2026, starting 06-01-2026": the replenishment Capable to Promise would order. */
function supplyText(line: PromisingLine, locale: SupportedLocale): string {
  if (!line.supply) return '';
  const { quantity, dueDate, startingDate } = line.supply;
  return caption('{{quantity}} due {{date}}, starting {{start}}', { quantity: formatQuantity(quantity, locale), date: formatDate(dueDate, locale), start: formatDate(startingDate, locale) });
}

function promisingColumns(locale: SupportedLocale): SelectionColumn<PromisingLine>[] {
  const date = (value: string | null) => formatDate(value, locale);
  return [
    { key: 'itemNo', label: 'Item No.', render: (line) => line.itemNo },
    { key: 'description', label: 'Description', render: (line) => line.description },
    { key: 'quantity', label: 'Quantity', numeric: true, render: (line) => formatQuantity(line.quantity, locale) },
    { key: 'requestedDeliveryDate', label: 'Requested Delivery Date', render: (line) => date(line.requestedDeliveryDate) },
    { key: 'originalShipmentDate', label: 'Original Shipment Date', render: (line) => date(line.originalShipmentDate) },
    { key: 'earliestShipmentDate', label: 'Earliest Shipment Date', render: (line) => <Text span inherit fw={600} data-field-value="earliestShipmentDate">{date(line.earliestShipmentDate) || caption('none')}</Text> },
    { key: 'plannedDeliveryDate', label: 'Planned Delivery Date', render: (line) => date(line.plannedDeliveryDate) },
    { key: 'unavailableQuantity', label: 'Unavailable Quantity', numeric: true, render: (line) => formatQuantity(line.unavailableQuantity, locale) },
    { key: 'supply', label: 'Capable to Promise Supply', render: (line) => supplyText(line, locale) },
    { key: 'explanation', label: 'Why', render: (line) => <Text span inherit size="xs" data-field-value="explanation">{explanationText(line.explanation, locale, caption)}</Text> },
  ];
}

/** The link in the notice: the worksheet the replenishment went onto, to carry it out there. */
function ReplenishmentNotice({ worksheetName }: { worksheetName: string }) {
  const t = useCaptions();
  return (
    <Text size="sm">
      {t('The replenishment went onto requisition worksheet {{name}}.', { name: worksheetName })}{' '}
      <Anchor component={Link} to={requisitionWorksheetLink(worksheetName)} size="sm">{t('Open requisition worksheet {{name}}', { name: worksheetName })}</Anchor>
    </Text>
  );
}

/**
 * Capable to Promise's Accept made supply: say where it went (the worksheet of Order Promising Setup,
 * not the one the worksheet page opens on), as posting announces its posted documents.
 */
function announceReplenishment(result: AcceptResult, method: PromisingMethod) {
  if (method !== 'capableToPromise' || !result.worksheetName || !result.lines.some((line) => line.supply !== null)) return;
  showNotice({
    title: caption('Replenishment proposed'), color: 'teal', action: 'Order Promising',
    body: <ReplenishmentNotice worksheetName={result.worksheetName} />,
  });
}

/**
 * BC's Order Promising Lines: the earliest date each line of the order can ship by the chosen method,
 * why, and Accept, which writes those dates on the lines (all, or the ones chosen). Calculating
 * changes nothing; a refused Accept changes nothing either and says why here.
 */
export function OrderPromisingDialog({ kind, document, opened, onClose, busy, locale }: OrderPromisingDialogProps) {
  const t = useCaptions();
  const queryClient = useQueryClient();
  const [method, setMethod] = useState<PromisingMethod>('availableToPromise');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [failure, setFailure] = useState<unknown>(null);
  const [accepting, setAccepting] = useState(false);
  const path = `/${kind.resource}/${encodeKey(document.no)}/orderPromising`;
  const promising = useQuery({
    queryKey: ['orderPromising', document.no, document.version, method],
    queryFn: () => api.post<PromisingResult>(path, { method }),
    enabled: opened,
    gcTime: 0,
  });
  const lines = promising.data?.lines ?? [];

  const accept = async (lineNos: number[] | undefined) => {
    setAccepting(true);
    setFailure(null);
    try {
      const result = await api.post<AcceptResult>(`${path}/accept`, lineNos ? { method, lineNos } : { method });
      announceReplenishment(result, method);
      void queryClient.invalidateQueries({ queryKey: requisitionWorksheetsQueryKey });
      await queryClient.invalidateQueries({ queryKey: documentQueryKey(kind, document.no) });
      setSelected(new Set());
      onClose();
    } catch (error) {
      setFailure(error);
    } finally {
      setAccepting(false);
    }
  };
  const chosen = lines.filter((line) => selected.has(keyOf(line))).map((line) => line.lineNo);

  return (
    <Modal opened={opened} onClose={onClose} title={t('Order Promising')} size="95%" closeButtonProps={{ 'aria-label': t('Close Order Promising') }}>
      <Stack gap="sm">
        <Radio.Group label={t('Method')} value={method} onChange={(value) => { setMethod(value as PromisingMethod); setFailure(null); }}>
          <Group gap="lg" mt={4}>
            {promisingMethods.map((choice) => <Radio key={choice.value} value={choice.value} label={t(choice.label)} />)}
          </Group>
        </Radio.Group>
        {promising.error && <Alert color="red" role="alert">{messageOf(promising.error)}</Alert>}
        {failure !== null && <Alert color="red" role="alert" title={t('Not accepted')}>{messageOf(failure)}</Alert>}
        {promising.isFetching && !promising.data ? <Loader /> : lines.length === 0 && !promising.error ? <Text c="dimmed">{t('The order has no item lines to promise.')}</Text> : (
          <SelectionTable label={t('Order promising lines')} rows={lines} rowKey={keyOf} columns={promisingColumns(locale)} selected={selected} onChange={setSelected}
            rowLabel={(line) => t('Select line {{lineNo}} ({{itemNo}})', { lineNo: line.lineNo, itemNo: line.itemNo })} />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t('Cancel')}</Button>
          <Button variant="default" onClick={() => void accept(chosen)} loading={accepting} disabled={busy || chosen.length === 0}>{t('Accept Selected Lines')}</Button>
          <Button onClick={() => void accept(undefined)} loading={accepting} disabled={busy || lines.length === 0}>{t('Accept')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
