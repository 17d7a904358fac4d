import { Checkbox, ScrollArea, Table } from '@mantine/core';
import type { ReactNode } from 'react';
import { useCaptions } from '../i18n/captions.ts';

export interface SelectionColumn<T> {
  key: string;
  label: string;
  numeric?: boolean;
  render: (row: T) => ReactNode;
}

interface SelectionTableProps<T> {
  label: string;
  rows: readonly T[];
  rowKey: (row: T) => string;
  /** Names a row for assistive technology: "Select shipment PSS000001 line 10000". */
  rowLabel: (row: T) => string;
  columns: ReadonlyArray<SelectionColumn<T>>;
  selected: ReadonlySet<string>;
  onChange: (selected: Set<string>) => void;
}

/** Rows to choose from with a checkbox each, and one in the header for all (BC's multi-select lists). */
export function SelectionTable<T>({ label, rows, rowKey, rowLabel, columns, selected, onChange }: SelectionTableProps<T>) {
  const t = useCaptions();
  const allSelected = rows.length > 0 && rows.every((row) => selected.has(rowKey(row)));
  const toggle = (key: string, checked: boolean) => {
    const next = new Set(selected);
    if (checked) next.add(key);
    else next.delete(key);
    onChange(next);
  };
  return (
    <ScrollArea type="auto" mah={420}>
      <Table striped withTableBorder fz="sm" aria-label={t(label)}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={36}>
              <Checkbox aria-label={t('Select all')} checked={allSelected} indeterminate={!allSelected && selected.size > 0}
                onChange={(event) => onChange(new Set(event.currentTarget.checked ? rows.map(rowKey) : []))} />
            </Table.Th>
            {columns.map((column) => <Table.Th key={column.key} ta={column.numeric ? 'right' : undefined}>{t(column.label)}</Table.Th>)}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={rowKey(row)}>
              <Table.Td>
                <Checkbox aria-label={rowLabel(row)} checked={selected.has(rowKey(row))} onChange={(event) => toggle(rowKey(row), event.currentTarget.checked)} />
              </Table.Td>
              {columns.map((column) => <Table.Td key={column.key} ta={column.numeric ? 'right' : undefined}>{column.render(row)}</Table.Td>)}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea>
  );
}
