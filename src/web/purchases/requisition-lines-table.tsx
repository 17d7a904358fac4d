import { ActionIcon, Anchor, Badge, Checkbox, ScrollArea, Table, Text, TextInput } from '@mantine/core';
import type { KeyboardEvent } from 'react';
import { Link } from 'react-router';
import { RecordLookup } from '../components/record-lookup.tsx';
import { formatDate } from '../format/dates.ts';
import type { SupportedLocale } from '../format/locales.ts';
import { formatQuantity } from '../format/numbers.ts';
import { handleGridKeyDown } from '../sales/grid-navigation.ts';
import { documentKinds, documentPath } from '../sales/document-kinds.ts';
import { PurchasingBadge } from '../sales/purchasing-note.tsx';
import { isReplenishment, kindOfLine, savedText, type RequisitionLine, type RequisitionTextField } from './requisition-lines.ts';
import { vendorLookup } from './purchase-lookups.ts';
import type { RequisitionWorksheet } from './use-requisition-worksheet.ts';
import { useCaptions } from '../i18n/captions.ts';

const headings = [
  'Type', 'Sales Order No.', 'Sales Line No.', 'Sell-to Customer No.', 'No.', 'Description', 'Quantity', 'Unit of Measure', 'Due Date',
  'Starting Date', 'Ending Date', 'Vendor No.', 'Direct Unit Cost', 'Accept Action Message',
] as const;
const numeric = new Set<string>(['Sales Line No.', 'Quantity', 'Direct Unit Cost']);

interface RequisitionLinesTableProps {
  worksheet: RequisitionWorksheet;
  locale: SupportedLocale;
}

/** The worksheet's lines: what each sales line needs bought; Vendor No., Direct Unit Cost and Accept Action Message are saved when changed. */
export function RequisitionLinesTable({ worksheet, locale }: RequisitionLinesTableProps) {
  const t = useCaptions();
  return (
    <ScrollArea type="auto">
      <Table withTableBorder withColumnBorders verticalSpacing={4} horizontalSpacing={6} fz="sm" aria-label={t('Requisition lines')} onKeyDown={handleGridKeyDown} miw={1200}>
        <Table.Thead>
          <Table.Tr>
            {headings.map((heading) => (
              <Table.Th key={heading} fz="xs" ta={numeric.has(heading) ? 'right' : undefined} miw={heading === 'Type' ? 120 : undefined}>{t(heading)}</Table.Th>
            ))}
            <Table.Th w={40}><span hidden>{t('Delete')}</span></Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {worksheet.lines.map((line, index) => (
            <RequisitionLineRow key={line.id} line={line} position={index + 1} worksheet={worksheet} locale={locale} />
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea>
  );
}

interface RowProps { line: RequisitionLine; position: number; worksheet: RequisitionWorksheet; locale: SupportedLocale }

/** What a line buys for: a drop shipment, a special order, or stock to replenish (Capable to Promise). */
function LineTypeBadge({ line }: { line: RequisitionLine }) {
  const t = useCaptions();
  if (isReplenishment(line)) return <Badge size="sm" variant="light" color="orange">{t('Replenishment')}</Badge>;
  return <PurchasingBadge kind={kindOfLine(line)} />;
}

function RequisitionLineRow({ line, position, worksheet, locale }: RowProps) {
  const rowError = worksheet.errorOf(line.id, 'row');
  const acceptError = worksheet.errorOf(line.id, 'acceptActionMessage');
  const busy = worksheet.busy !== null;
  return (
    <Table.Tr data-line-no={line.lineNo} data-sales-order-no={line.salesOrderNo}>
      <Table.Td><LineTypeBadge line={line} /></Table.Td>
      <Table.Td><Anchor component={Link} to={documentPath(documentKinds.order, line.salesOrderNo)} size="sm">{line.salesOrderNo}</Anchor></Table.Td>
      <Table.Td ta="right">{line.salesOrderLineNo}</Table.Td>
      <Table.Td>{line.sellToCustomerNo && <Anchor component={Link} to={`/customers/${encodeURIComponent(line.sellToCustomerNo)}`} size="sm">{line.sellToCustomerNo}</Anchor>}</Table.Td>
      <Table.Td>{line.no}</Table.Td>
      <Table.Td>
        {line.description}
        {rowError && <Text size="xs" c="red" aria-label={`Error, line ${position}`}>{rowError}</Text>}
      </Table.Td>
      <Table.Td ta="right">{formatQuantity(line.quantity, locale)}</Table.Td>
      <Table.Td>{line.unitOfMeasureCode}</Table.Td>
      <Table.Td aria-label={`Due Date, line ${position}`}>{formatDate(line.dueDate, locale)}</Table.Td>
      {/* When a replenishment must start and end to arrive by its due date; goods bought for a customer have none. */}
      <Table.Td aria-label={`Starting Date, line ${position}`}>{formatDate(line.startingDate ?? null, locale)}</Table.Td>
      <Table.Td aria-label={`Ending Date, line ${position}`}>{formatDate(line.endingDate ?? null, locale)}</Table.Td>
      <Table.Td miw={130}>
        <RecordLookup source={vendorLookup} value={worksheet.draftOf(line.id, 'vendorNo') ?? savedText(line, 'vendorNo', locale)}
          onChange={(text) => worksheet.edit(line.id, 'vendorNo', text)} onCommit={(key) => worksheet.commitCell(line.id, 'vendorNo', key)}
          inputProps={{ ...cellAttributes(line, position, 'vendorNo', 'Vendor No.'), error: worksheet.errorOf(line.id, 'vendorNo') }} />
      </Table.Td>
      <Table.Td miw={110}><CostCell line={line} position={position} worksheet={worksheet} locale={locale} /></Table.Td>
      <Table.Td>
        <Checkbox aria-label={`Accept Action Message, line ${position}`} checked={line.acceptActionMessage} error={acceptError}
          onChange={(event) => worksheet.setAccept(line.id, event.currentTarget.checked)} />
      </Table.Td>
      <Table.Td>
        <ActionIcon variant="subtle" color="red" aria-label={`Delete line ${position}`} disabled={busy} onClick={() => void worksheet.remove(line.id)}>✕</ActionIcon>
      </Table.Td>
    </Table.Tr>
  );
}

/** Named "<Column>, line <n>" for people and tests; data-field and data-line for the grid's keys. */
function cellAttributes(line: RequisitionLine, position: number, field: RequisitionTextField, label: string) {
  return { 'aria-label': `${label}, line ${position}`, 'data-line': line.id, 'data-field': field, 'data-quick-entry': true, size: 'xs' as const };
}

/** Direct Unit Cost: typing edits a draft, leaving saves it, Escape puts the saved value back. */
function CostCell({ line, position, worksheet, locale }: RowProps) {
  const handleKeyDown = (event: KeyboardEvent<HTMLInputElement>) => event.key === 'Escape' && worksheet.revert(line.id, 'directUnitCost');
  return (
    <TextInput {...cellAttributes(line, position, 'directUnitCost', 'Direct Unit Cost')} autoComplete="off" inputMode="decimal"
      value={worksheet.draftOf(line.id, 'directUnitCost') ?? savedText(line, 'directUnitCost', locale)} error={worksheet.errorOf(line.id, 'directUnitCost')}
      styles={{ input: { textAlign: 'right' } }} onFocus={(event) => event.currentTarget.select()}
      onChange={(event) => worksheet.edit(line.id, 'directUnitCost', event.currentTarget.value)}
      onBlur={() => worksheet.commitCell(line.id, 'directUnitCost')} onKeyDown={handleKeyDown} />
  );
}
