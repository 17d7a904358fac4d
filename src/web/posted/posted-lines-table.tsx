import { Badge, Group, ScrollArea, Table } from '@mantine/core';
import type { ReactNode } from 'react';
import type { DocumentFamily } from '../../core/documents/document-types.ts';
import type { PostedSalesLine } from '../api/posting-types.ts';
import type { SupportedLocale } from '../format/locales.ts';
import { formatAmount, formatQuantity, formatUnitPrice } from '../format/numbers.ts';
import { caption, useCaptions } from '../i18n/captions.ts';
import { lineTypeCaptions, priceColumnOf, type PriceField } from '../sales/line-fields.ts';
import type { PostedDocumentKind } from './posted-document-kinds.ts';

/**
 * A posted line as the table reads it, of either family: a sales line has unitPrice and the
 * shipment (return receipt) it billed, a purchase line directUnitCost and its receipt (return shipment).
 */
export type PostedGridLine = Pick<PostedSalesLine,
  'lineNo' | 'type' | 'no' | 'description' | 'quantity' | 'unitOfMeasureCode' | 'quantityInvoiced' | 'quantityNotInvoiced' | 'lineDiscountPercent' | 'lineAmount'
  | 'amountIncludingVat' | 'correction'> & Partial<Pick<PostedSalesLine, 'prepaymentLine'>>
  & Partial<Record<PriceField, string>> & Partial<Record<'shipmentNo' | 'returnReceiptNo' | 'receiptNo' | 'returnShipmentNo', string | null>>;

interface LineColumn {
  key: string;
  label: string;
  numeric?: boolean;
  render: (line: PostedGridLine, locale: SupportedLocale) => ReactNode;
}

/** The handling document an invoice (credit memo) line billed, per family. */
const handlingNoColumns: Readonly<Record<DocumentFamily, { label: string; of: (line: PostedGridLine) => string }>> = {
  sales: { label: 'Shipment No.', of: (line) => line.shipmentNo ?? line.returnReceiptNo ?? '' },
  purchase: { label: 'Receipt No.', of: (line) => line.receiptNo ?? line.returnShipmentNo ?? '' },
};

const quantityColumn = (key: 'quantity' | 'quantityInvoiced' | 'quantityNotInvoiced', label: string): LineColumn =>
  ({ key, label, numeric: true, render: (line, locale) => (line.type === 'comment' ? '' : formatQuantity(line[key], locale)) });

function columnsFor(kind: PostedDocumentKind<DocumentFamily>): LineColumn[] {
  const common: LineColumn[] = [
    { key: 'type', label: 'Type', render: (line) => caption(lineTypeCaptions[line.type] ?? line.type) },
    { key: 'no', label: 'No.', render: (line) => line.no },
    { key: 'description', label: 'Description', render: (line) => <LineDescription line={line} /> },
    quantityColumn('quantity', 'Quantity'),
    { key: 'unitOfMeasureCode', label: 'Unit of Measure', render: (line) => line.unitOfMeasureCode ?? '' },
  ];
  if (!kind.billed) return [...common, quantityColumn('quantityInvoiced', 'Quantity Invoiced'), { key: 'correction', label: 'Correction', render: (line) => (line.correction ? caption('Yes') : '') }];
  const money = (key: 'lineAmount' | 'amountIncludingVat', label: string): LineColumn =>
    ({ key, label, numeric: true, render: (line, locale) => (line.type === 'comment' ? '' : formatAmount(line[key], locale)) });
  const price = priceColumnOf(kind.family);
  const handlingNo = handlingNoColumns[kind.family];
  return [
    ...common,
    { key: price.field, label: price.label, numeric: true, render: (line, locale) => (line.type === 'comment' ? '' : formatUnitPrice(line[price.field] ?? '0', locale)) },
    { key: 'lineDiscountPercent', label: 'Line Discount %', numeric: true, render: (line, locale) => (line.type === 'comment' ? '' : formatQuantity(line.lineDiscountPercent, locale)) },
    money('lineAmount', 'Line Amount Excl. VAT'),
    money('amountIncludingVat', 'Amount Including VAT'),
    { key: 'handlingNo', label: handlingNo.label, render: handlingNo.of },
  ];
}

/** The description; an invoice's deduction of its order's prepayment (spec §26.7.2) is marked as one. */
function LineDescription({ line }: { line: PostedGridLine }) {
  const t = useCaptions();
  if (!line.prepaymentLine) return line.description;
  return (
    <Group gap={6} wrap="nowrap">
      <span>{line.description}</span>
      <Badge color="grape" variant="light" size="sm" data-testid="prepayment-deduction">{t('Prepayment deduction')}</Badge>
    </Group>
  );
}

interface PostedLinesTableProps<L extends PostedGridLine> {
  kind: PostedDocumentKind<DocumentFamily>;
  lines: readonly L[];
  locale: SupportedLocale;
  /** A last cell per line for a line action (Undo Shipment). */
  lineAction?: (line: L, position: number) => ReactNode;
}

export function PostedLinesTable<L extends PostedGridLine>({ kind, lines, locale, lineAction }: PostedLinesTableProps<L>) {
  const t = useCaptions();
  const columns = columnsFor(kind);
  return (
    <ScrollArea type="auto">
      <Table withTableBorder withColumnBorders striped fz="sm" aria-label={t('Lines')}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => <Table.Th key={column.key} ta={column.numeric ? 'right' : undefined}>{t(column.label)}</Table.Th>)}
            {lineAction && <Table.Th><span hidden>{t('Actions')}</span></Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map((line, index) => (
            <Table.Tr key={line.lineNo} data-line-no={line.lineNo}>
              {columns.map((column) => <Table.Td key={column.key} ta={column.numeric ? 'right' : undefined}>{column.render(line, locale)}</Table.Td>)}
              {lineAction && <Table.Td>{lineAction(line, index + 1)}</Table.Td>}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea>
  );
}
