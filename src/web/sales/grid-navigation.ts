import type { KeyboardEvent } from 'react';

function focusCell(cell: HTMLElement | undefined) {
  if (!cell) return;
  cell.focus();
  if (cell instanceof HTMLInputElement) cell.select();
}

function step(cells: HTMLElement[], from: HTMLElement, direction: 1 | -1) {
  const index = cells.indexOf(from);
  if (index !== -1) focusCell(cells[index + direction]);
}

/**
 * Keyboard movement in the lines grid. Enter (Shift+Enter back) moves to the next quick-entry cell,
 * leaving Type and Description to Tab, as BC's QuickEntry does; the arrow keys move up and down a
 * column in text cells (lookups and selects keep their arrows for their lists). Leaving a cell saves it.
 */
export function handleGridKeyDown(event: KeyboardEvent<HTMLElement>) {
  if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
  const cell = event.target as HTMLElement;
  const field = cell.dataset.field;
  if (!field) return;
  const grid = event.currentTarget;
  const cellsWhere = (selector: string) => [...grid.querySelectorAll<HTMLElement>(`${selector}:not(:disabled):not([readonly])`)];
  if (event.key === 'Enter') {
    event.preventDefault();
    step(cellsWhere('[data-quick-entry]'), cell, event.shiftKey ? -1 : 1);
  } else if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && cell instanceof HTMLInputElement && !cell.hasAttribute('aria-haspopup')) {
    event.preventDefault();
    step(cellsWhere(`[data-field="${field}"]`), cell, event.key === 'ArrowDown' ? 1 : -1);
  }
}
