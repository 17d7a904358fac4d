import { Button, Checkbox, Menu, Stack } from '@mantine/core';
import { useState } from 'react';
import { useCaptions } from '../i18n/captions.ts';
import type { GridColumn } from './line-fields.ts';

/** The columns a line is read by (BC's first columns): always shown, never offered to hide. */
const keyFields: ReadonlySet<GridColumn['field']> = new Set(['type', 'no', 'description', 'quantity', 'unitPrice', 'directUnitCost', 'lineAmount']);

export const isKeyColumn = (column: GridColumn) => keyFields.has(column.field);

const storageKey = (gridName: string) => `ledgerline.hiddenColumns.${gridName}`;

function storedHidden(gridName: string): string[] {
  try {
    const stored = JSON.parse(localStorage.getItem(storageKey(gridName)) ?? '[]') as unknown;
    return Array.isArray(stored) ? stored.filter((field): field is string => typeof field === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * The columns of a grid the user has chosen to see (BC's "Choose columns"), kept in this browser
 * per grid (e.g. per document type): the key columns always, the others unless hidden.
 */
export function useColumnChoice(gridName: string, columns: readonly GridColumn[]) {
  const t = useCaptions();
  const [hidden, setHidden] = useState<string[]>(() => storedHidden(gridName));
  const toggle = (field: string) => {
    const next = hidden.includes(field) ? hidden.filter((candidate) => candidate !== field) : [...hidden, field];
    localStorage.setItem(storageKey(gridName), JSON.stringify(next));
    setHidden(next);
  };
  const shown = columns.filter((column) => isKeyColumn(column) || !hidden.includes(column.field));
  const chooser = (
    <Menu closeOnItemClick={false} position="bottom-end">
      <Menu.Target>
        <Button size="xs" variant="default">{t('Columns…')}</Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Stack gap={6} p="xs" data-testid="column-chooser">
          {columns.filter((column) => !isKeyColumn(column)).map((column) => (
            <Checkbox key={column.field} size="xs" label={t(column.label)} checked={!hidden.includes(column.field)} onChange={() => toggle(column.field)} />
          ))}
        </Stack>
      </Menu.Dropdown>
    </Menu>
  );
  return { shown, chooser };
}
