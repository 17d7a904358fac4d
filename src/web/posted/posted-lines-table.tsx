import { ScrollArea, Table } from '@mantine/core';
import type { ReactNode } from 'react';
import type { PostedSalesLine } from '../api/posting-types.ts';
import type { SupportedLocale } from '../format/locales.ts';
import { formatAmount, formatQuantity, formatUnitPrice } from '../format/numbers.ts';
import { lineTypeCaptions } from '../sales/line-fields.ts';
import type { PostedDocumentKind } from './posted-document-kinds.ts';

interface LineColumn {
  key: string;
  label: string;
  numeric?: boolean;
  render: (line: PostedSalesLine, locale: SupportedLocale) => ReactNode;
}

const quantityColumn = (key: 'quantity' | 'quantityInvoiced' | 'quantityNotInvoiced', label: string): LineColumn =>
  ({ key, label, numeric: true, render: (line, locale) => (line.type === 'comment' ? '' : formatQuantity(line[key], locale)) });

function columnsFor(kind: PostedDocumentKind): LineColumn[] {
  const common: LineColumn[] = [
    { key: 'type', label: 'Type', render: (line) => lineTypeCaptions[line.type] ?? line.type },
    { key: 'no', label: 'No.', render: (line) => line.no },
    { key: 'description', label: 'Description', render: (line) => line.description },
    quantityColumn('quantity', 'Quantity'),
    { key: 'unitOfMeasureCode', label: 'Unit of Measure', render: (line) => line.unitOfMeasureCode ?? '' },
  ];
  if (!kind.billed) return [...common, quantityColumn('quantityInvoiced', 'Quantity Invoiced'), { key: 'correction', label: 'Correction', render: (line) => (line.correction ? 'Yes' : '') }];
  const money = (key: 'lineAmount' | 'amountIncludingVat', label: string): LineColumn =>
    ({ key, label, numeric: true, render: (line, locale) => (line.type === 'comment' ? '' : formatAmount(line[key], locale)) });
  return [
    ...common,
    { key: 'unitPrice', label: 'Unit Price Excl. VAT', numeric: true, render: (line, locale) => (line.type === 'comment' ? '' : formatUnitPrice(line.unitPrice, locale)) },
    { key: 'lineDiscountPercent', label: 'Line Discount %', numeric: true, render: (line, locale) => (line.type === 'comment' ? '' : formatQuantity(line.lineDiscountPercent, locale)) },
    money('lineAmount', 'Line Amount Excl. VAT'),
    money('amountIncludingVat', 'Amount Including VAT'),
    { key: 'shipmentNo', label: 'Shipment No.', render: (line) => line.shipmentNo ?? line.returnReceiptNo ?? '' },
  ];
}

interface PostedLinesTableProps {
  kind: PostedDocumentKind;
  lines: readonly PostedSalesLine[];
  locale: SupportedLocale;
  /** A last cell per line for a line action (Undo Shipment). */
  lineAction?: (line: PostedSalesLine, position: number) => ReactNode;
}

export function PostedLinesTable({ kind, lines, locale, lineAction }: PostedLinesTableProps) {
  const columns = columnsFor(kind);
  return (
    <ScrollArea type="auto">
      <Table withTableBorder withColumnBorders striped fz="sm" aria-label="Lines">
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => <Table.Th key={column.key} ta={column.numeric ? 'right' : undefined}>{column.label}</Table.Th>)}
            {lineAction && <Table.Th><span hidden>Actions</span></Table.Th>}
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
