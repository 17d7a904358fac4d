import { Alert, Anchor, Button, Group, Loader, Modal, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { messageOf } from '../api/field-errors.ts';
import type { SalesDocument } from '../api/types.ts';
import type { SupportedLocale } from '../format/locales.ts';
import { formatQuantity, parseDecimalInput } from '../format/numbers.ts';
import { caption, useCaptions } from '../i18n/captions.ts';
import { purchaseKinds } from '../purchases/purchase-kinds.ts';
import { documentPath } from './document-kinds.ts';
import { assemblyOrderPath } from '../assembly/assembly-types.ts';
import { supplyCaptions, useLineReservations, useReservationCommands, type Reservation } from './reservations.ts';

/** A line as GET returns it: its quantity in the base unit, too, which reservations are counted in. */
type Line = SalesDocument['lines'][number] & { quantityBase?: string };

interface ReservationDialogProps {
  document: SalesDocument;
  /** The line the cursor was last in; the dialog opens on it when it is an item line. */
  currentLineNo: number | null;
  opened: boolean;
  onClose: () => void;
  locale: SupportedLocale;
}

/**
 * BC's Reservation page for one sales order line: what is reserved for it and from where, Reserve
 * (all not yet reserved, or the quantity typed; inventory first, then purchase orders due by the
 * shipment date) and Cancel Reservation. A refusal is shown here and changes nothing.
 */
export function ReservationDialog({ document, currentLineNo, opened, onClose, locale }: ReservationDialogProps) {
  const t = useCaptions();
  const itemLines = document.lines.filter((line) => line.type === 'item' && line.no !== '') as Line[];
  const [chosenLineNo, setChosenLineNo] = useState<number | null>(null);
  const line = itemLines.find((candidate) => candidate.lineNo === (chosenLineNo ?? currentLineNo)) ?? itemLines[0];
  const reservations = useLineReservations(document.no, line?.lineNo ?? null, document.version, opened);
  const actions = useReservationActions(document.no, locale);
  const reserved = reservations.data?.reservedQuantity ?? '0';
  // The next opening follows the cursor again rather than the line chosen here.
  const close = () => { actions.reset(); setChosenLineNo(null); onClose(); };

  return (
    <Modal opened={opened} onClose={close} title={t('Reservation')} size="xl" closeButtonProps={{ 'aria-label': t('Close Reservation') }}>
      {!line ? <Text c="dimmed">{t('The order has no item lines to reserve.')}</Text> : (
        <Stack gap="sm">
          <Select label={t('Line')} value={String(line.lineNo)} allowDeselect={false}
            data={itemLines.map((candidate) => ({ value: String(candidate.lineNo), label: `${candidate.lineNo} · ${candidate.no} ${candidate.description}`.trim() }))}
            onChange={(value) => { if (value) setChosenLineNo(Number(value)); actions.reset(); }} />
          <Group gap="xl">
            <Figure label={t('Quantity (Base)')} field="quantityBase">{formatQuantity(line.quantityBase ?? line.quantity, locale)}</Figure>
            <Figure label={t('Reserved Quantity')} field="reservedQuantity">{formatQuantity(reserved, locale)}</Figure>
          </Group>
          {reservations.error && <Alert color="red" role="alert">{messageOf(reservations.error)}</Alert>}
          {reservations.isPending ? <Loader size="sm" /> : <ReservationEntries rows={reservations.data?.items ?? []} locale={locale} />}
          <TextInput label={t('Quantity to Reserve')} placeholder={t('All not yet reserved')} value={actions.quantity} error={actions.quantityError}
            inputMode="decimal" autoComplete="off" styles={{ input: { textAlign: 'right' } }} onChange={(event) => actions.setQuantity(event.currentTarget.value)} />
          {actions.failure && <Alert color="red" role="alert" title={actions.failure.title}>{messageOf(actions.failure.error)}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>{t('Close')}</Button>
            <Button variant="default" color="red" onClick={() => void actions.cancel(line.lineNo)} loading={actions.pending === 'cancel'}
              disabled={actions.pending !== null || (reservations.data?.items.length ?? 0) === 0}>{t('Cancel Reservation')}</Button>
            <Button onClick={() => void actions.reserve(line.lineNo)} loading={actions.pending === 'reserve'} disabled={actions.pending !== null}>{t('Reserve')}</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

function Figure({ label, field, children }: { label: string; field: string; children: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">{label}</Text>
      <Text size="sm" fw={600} data-figure={field}>{children}</Text>
    </Stack>
  );
}

/** Each reservation: its supply (inventory, or a purchase order line with a link to the order), location and quantity. */
function ReservationEntries({ rows, locale }: { rows: readonly Reservation[]; locale: SupportedLocale }) {
  const t = useCaptions();
  if (rows.length === 0) return <Text size="sm" c="dimmed" data-testid="no-reservations">{t('Nothing is reserved for this line.')}</Text>;
  return (
    <Table striped withTableBorder fz="sm" aria-label={t('Reservation entries')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('Supply')}</Table.Th>
          <Table.Th>{t('Location Code')}</Table.Th>
          <Table.Th ta="right">{t('Quantity')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.id} data-supply={row.supplyType}>
            <Table.Td>
              {t(supplyCaptions[row.supplyType])}
              {row.purchaseDocumentNo && (
                <>{' '}<Anchor component={Link} to={documentPath(purchaseKinds.order, row.purchaseDocumentNo)} size="sm">
                  {t('{{no}} line {{lineNo}}', { no: row.purchaseDocumentNo, lineNo: row.purchaseLineNo })}
                </Anchor></>
              )}
              {row.assemblyDocumentNo && (
                <>{' '}<Anchor component={Link} to={assemblyOrderPath(row.assemblyDocumentNo)} size="sm">{row.assemblyDocumentNo}</Anchor></>
              )}
            </Table.Td>
            <Table.Td>{row.locationCode}</Table.Td>
            <Table.Td ta="right" data-field-value="quantityBase">{formatQuantity(row.quantityBase, locale)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

type Pending = 'reserve' | 'cancel' | null;

/** The dialog's commands: the typed quantity checked first, each refusal kept to show under the figures. */
function useReservationActions(orderNo: string, locale: SupportedLocale) {
  const commands = useReservationCommands(orderNo);
  const [quantity, setQuantity] = useState('');
  const [quantityError, setQuantityError] = useState<string | undefined>();
  const [failure, setFailure] = useState<{ title: string; error: unknown } | null>(null);
  const [pending, setPending] = useState<Pending>(null);
  const run = async (which: Exclude<Pending, null>, title: string, work: () => Promise<unknown>) => {
    setPending(which);
    setFailure(null);
    try {
      await work();
      setQuantity('');
    } catch (error) {
      setFailure({ title, error });
    } finally {
      setPending(null);
    }
  };
  return {
    quantity, quantityError, failure, pending,
    setQuantity: (text: string) => { setQuantity(text); setQuantityError(undefined); },
    reset: () => { setFailure(null); setQuantityError(undefined); },
    reserve: async (lineNo: number) => {
      // Empty means BC's Reserve: all that is not reserved yet.
      const typed = quantity.trim() === '' ? undefined : parseDecimalInput(quantity, locale);
      if (typed === null) return setQuantityError(caption('must be a number'));
      await run('reserve', caption('Not reserved'), () => commands.reserve(lineNo, typed === undefined ? {} : { quantity: typed }));
    },
    cancel: (lineNo: number) => run('cancel', caption('Reservation not cancelled'), () => commands.cancel(lineNo)),
  };
}
