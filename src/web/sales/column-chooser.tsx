import { Button, Checkbox, Menu, Stack } from '@mantine/core';
import { useState } from 'react';
import { useCaptions } from '../i18n/captions.ts';
import type { GridColumn } from './line-fields.ts';

/** The columns a line is read by (BC's first columns): always shown, never offered to hide. */
const keyFields: ReadonlySet<GridColumn['field']> = new Set(['type', 'no', 'description', 'quantity', 'unitPrice', 'directUnitCost', 'lineAmount']);

export const isKeyColumn = (column: GridColumn) => keyFields.has(column.field);

const storageKeys = (gridName: string) => ({ hidden: `ledgerline.hiddenColumns.${gridName}`, shown: `ledgerline.shownColumns.${gridName}` });

function storedFields(key: string): string[] {
  try {
    const stored = JSON.parse(localStorage.getItem(key) ?? '[]') as unknown;
    return Array.isArray(stored) ? stored.filter((field): field is string => typeof field === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * The columns of a grid the user has chosen to see (BC's "Choose columns"), kept in this browser
 * per grid (e.g. per document type): the key columns always; the others unless hidden, and those
 * hidden by default (the less used ones) once chosen. Both choices are kept, so a column that
 * becomes hidden by default later does not undo what a user chose.
 */
export function useColumnChoice(gridName: string, columns: readonly GridColumn[]) {
  const t = useCaptions();
  const keys = storageKeys(gridName);
  const [hidden, setHidden] = useState<string[]>(() => storedFields(keys.hidden));
  const [chosen, setChosen] = useState<string[]>(() => storedFields(keys.shown));
  const isShown = (column: GridColumn) => isKeyColumn(column) || (column.hiddenByDefault ? chosen.includes(column.field) : !hidden.includes(column.field));
  const toggle = (column: GridColumn) => {
    const [list, setList, key] = column.hiddenByDefault ? [chosen, setChosen, keys.shown] as const : [hidden, setHidden, keys.hidden] as const;
    const next = list.includes(column.field) ? list.filter((candidate) => candidate !== column.field) : [...list, column.field];
    localStorage.setItem(key, JSON.stringify(next));
    setList(next);
  };
  const shown = columns.filter(isShown);
  const chooser = (
    <Menu closeOnItemClick={false} position="bottom-end">
      <Menu.Target>
        <Button size="xs" variant="default">{t('Columns…')}</Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Stack gap={6} p="xs" data-testid="column-chooser">
          {columns.filter((column) => !isKeyColumn(column)).map((column) => (
            <Checkbox key={column.field} size="xs" label={t(column.label)} checked={isShown(column)} onChange={() => toggle(column)} />
          ))}
        </Stack>
      </Menu.Dropdown>
    </Menu>
  );
  return { shown, chooser };
}
