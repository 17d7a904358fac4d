/**
 * Linking an order or invoice line to a blanket order line by hand (spec §14.1): the API takes
 * Blanket Order No. and Blanket Order Line No. in one change, so the grid's two cells are saved
 * together. Kept free of React and the API client, so node tests can load it.
 */
import type { BlanketLinkField } from './line-fields.ts';

export interface BlanketLink {
  blanketOrderNo: string | null;
  blanketOrderLineNo: number | null;
}

export type BlanketLinkRequest =
  | { action: 'send'; body: { blanketOrderNo: string | null; blanketOrderLineNo?: number | null } }
  /** A Blanket Order No. entered on a line not yet linked: its Line No. comes next. */
  | { action: 'wait' }
  | { action: 'unchanged' }
  | { action: 'invalid'; field: BlanketLinkField; message: string };

/** What leaving `cell` asks of the API, given the two cells' texts and the link the line has. */
export function blanketLinkRequest(cell: BlanketLinkField, noText: string, lineNoText: string, saved: BlanketLink): BlanketLinkRequest {
  const no = noText.trim().toUpperCase();
  const lineText = lineNoText.trim();
  if (no === '') {
    // An empty Blanket Order No. unlinks the line (the API clears the Line No. with it).
    if (saved.blanketOrderNo !== null) return { action: 'send', body: { blanketOrderNo: null } };
    return lineText === '' ? { action: 'unchanged' } : { action: 'invalid', field: 'blanketOrderLineNo', message: 'Enter the Blanket Order No. first' };
  }
  if (lineText === '') {
    if (saved.blanketOrderLineNo === null && cell === 'blanketOrderNo') return { action: 'wait' };
    // Clearing the Line No. of a link, or leaving it empty: the API refuses, in its own words.
    return { action: 'send', body: { blanketOrderNo: no, blanketOrderLineNo: null } };
  }
  if (!/^\d+$/.test(lineText)) return { action: 'invalid', field: 'blanketOrderLineNo', message: 'must be a whole number' };
  const lineNo = Number.parseInt(lineText, 10);
  if (no === saved.blanketOrderNo && lineNo === saved.blanketOrderLineNo) return { action: 'unchanged' };
  return { action: 'send', body: { blanketOrderNo: no, blanketOrderLineNo: lineNo } };
}

/** How a saved link reads in its cell. */
export function blanketLinkText(link: Partial<BlanketLink>, field: BlanketLinkField): string {
  const value = link[field];
  return value === null || value === undefined ? '' : String(value);
}
