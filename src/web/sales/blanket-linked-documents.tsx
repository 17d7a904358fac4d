import { Alert, Anchor, Badge, Button, Loader, Modal, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, encodeKey } from '../api/client.ts';
import { messageOf } from '../api/field-errors.ts';
import type { BlanketLineLinks } from '../api/types.ts';
import { formatDate } from '../format/dates.ts';
import type { SupportedLocale } from '../format/locales.ts';
import { useCaptions } from '../i18n/captions.ts';
import { formatQuantity } from '../format/numbers.ts';
import { postedDocumentKindOf, postedDocumentPath } from '../posted/posted-document-kinds.ts';
import { documentKindList, documentPath } from './document-kinds.ts';

type LinkedDocument = BlanketLineLinks['items'][number];

/** Where the web shows a linked document: its document page, or the posted document's. */
export function linkedDocumentPath(item: Pick<LinkedDocument, 'posted' | 'documentType' | 'documentNo'>): string | null {
  if (item.posted) {
    const kind = postedDocumentKindOf(item.documentType);
    return kind ? postedDocumentPath(kind, item.documentNo) : null;
  }
  const kind = documentKindList.find((candidate) => candidate.type === item.documentType);
  return kind ? documentPath(kind, item.documentNo) : null;
}

/** Quantity Invoiced says something of order lines and of posted shipments (return receipts), not of a posted invoice (credit memo). */
function invoicedOf(item: LinkedDocument): boolean {
  return !item.posted || item.documentType === 'shipment' || item.documentType === 'returnReceipt';
}

interface LinkedDocumentsProps {
  blanketOrderNo: string;
  lineNo: number;
  /** 1-based position of the row, for the button's accessible name. */
  position: number;
  locale: SupportedLocale;
}

/** A blanket line's Linked Documents (spec §14.4): a button in its row, and the dialog it opens. */
export function BlanketLinkedDocumentsButton({ blanketOrderNo, lineNo, position, locale }: LinkedDocumentsProps) {
  const t = useCaptions();
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button size="compact-xs" variant="subtle" aria-label={t('{{column}}, line {{position}}', { column: t('Linked Documents'), position })} onClick={() => setOpened(true)}>
        {t('Show…')}
      </Button>
      {opened && <LinkedDocumentsDialog blanketOrderNo={blanketOrderNo} lineNo={lineNo} locale={locale} onClose={() => setOpened(false)} />}
    </>
  );
}

interface LinkedDocumentsDialogProps {
  blanketOrderNo: string;
  lineNo: number;
  locale: SupportedLocale;
  onClose: () => void;
}

function LinkedDocumentsDialog({ blanketOrderNo, lineNo, locale, onClose }: LinkedDocumentsDialogProps) {
  const t = useCaptions();
  // Read each time the dialog opens: postings elsewhere change what is linked.
  const links = useQuery({
    queryKey: ['blanketLineLinks', blanketOrderNo, lineNo],
    queryFn: () => api.get<BlanketLineLinks>(`/salesBlanketOrders/${encodeKey(blanketOrderNo)}/lines/${lineNo}/linkedDocuments`),
  });
  const heading = t('Linked Documents – {{blanketOrderNo}}', { blanketOrderNo });
  const title = links.data ? `${heading} · ${links.data.no} ${links.data.description}` : heading;
  return (
    <Modal opened onClose={onClose} title={title} size="80rem">
      {links.error && <Alert color="red" role="alert">{messageOf(links.error)}</Alert>}
      {links.isPending ? <Loader /> : links.data && <LinkedDocumentsContent links={links.data} locale={locale} />}
    </Modal>
  );
}

function LinkedDocumentsContent({ links, locale }: { links: BlanketLineLinks; locale: SupportedLocale }) {
  const t = useCaptions();
  const quantity = (value: string | null) => (value === null ? '' : formatQuantity(value, locale));
  const figures: ReadonlyArray<[string, string]> = [
    ['Quantity', quantity(links.quantity)],
    ['Quantity Shipped', quantity(links.quantityShipped)],
    ['Quantity Invoiced', quantity(links.quantityInvoiced)],
    ['Outstanding Quantity', quantity(links.outstandingQuantity)],
    ['On unposted orders (base)', quantity(links.quantityOnOrdersBase)],
    ['Possible Qty. to Ship', quantity(links.possibleQuantityToShip)],
  ];
  return (
    <Stack>
      <SimpleGrid cols={{ base: 2, md: 3 }} spacing="xs" verticalSpacing={2} aria-label={t('Blanket order line')}>
        {figures.map(([label, value]) => (
          <Stack key={label} gap={0}>
            <Text size="xs" c="dimmed">{t(label)}</Text>
            <Text size="sm" data-figure={label}>{value}</Text>
          </Stack>
        ))}
      </SimpleGrid>
      {links.items.length === 0
        ? <Text c="dimmed">{t('No order, invoice or posted document is linked to this line yet.')}</Text>
        : <LinkedDocumentsTable items={links.items} quantity={quantity} locale={locale} />}
    </Stack>
  );
}

function LinkedDocumentsTable({ items, quantity, locale }: { items: readonly LinkedDocument[]; quantity: (value: string | null) => string; locale: SupportedLocale }) {
  const t = useCaptions();
  return (
    <Table withTableBorder striped aria-label={t('Linked documents')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('Document')}</Table.Th>
          <Table.Th>{t('No.')}</Table.Th>
          <Table.Th>{t('Posted')}</Table.Th>
          <Table.Th>{t('Posting Date')}</Table.Th>
          <Table.Th ta="right">{t('Line No.')}</Table.Th>
          <Table.Th ta="right">{t('Quantity')}</Table.Th>
          <Table.Th>{t('Unit')}</Table.Th>
          <Table.Th ta="right">{t('Quantity Shipped')}</Table.Th>
          <Table.Th ta="right">{t('Quantity Invoiced')}</Table.Th>
          <Table.Th ta="right">{t('Outstanding Quantity')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((item) => {
          const path = linkedDocumentPath(item);
          return (
            <Table.Tr key={`${item.posted}-${item.documentType}-${item.documentNo}-${item.lineNo}`} data-document={`${item.caption} ${item.documentNo}`}>
              <Table.Td>{t(item.caption)}{item.correction && <Badge ml="xs" size="xs" color="orange" variant="light">{t('Correction')}</Badge>}</Table.Td>
              <Table.Td>{path ? <Anchor component={Link} to={path} size="sm">{item.documentNo}</Anchor> : item.documentNo}</Table.Td>
              <Table.Td>{item.posted ? t('Yes') : t('No')}</Table.Td>
              <Table.Td>{formatDate(item.postingDate, locale)}</Table.Td>
              <Table.Td ta="right">{item.lineNo}</Table.Td>
              <Table.Td ta="right" data-field-value="quantity">{quantity(item.quantity)}</Table.Td>
              <Table.Td>{item.unitOfMeasureCode ?? ''}</Table.Td>
              <Table.Td ta="right">{quantity(item.quantityShipped)}</Table.Td>
              <Table.Td ta="right">{invoicedOf(item) ? quantity(item.quantityInvoiced) : ''}</Table.Td>
              <Table.Td ta="right">{quantity(item.outstandingQuantity)}</Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
