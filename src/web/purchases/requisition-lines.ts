/**
 * The requisition worksheet's lines as the page edits them (server/purchases/requisition-worksheet.routes.ts):
 * the JSON read, the PATCH a cell sends, and where a refusal belongs. Pure, so node tests can load it.
 */
import { z } from 'zod';
import { codeReference, unitAmount } from '../../core/master-data/fields.ts';
import { dec } from '../../core/money/decimal.ts';
import { captionOf } from '../format/captions.ts';
import type { SupportedLocale } from '../format/locales.ts';
import { decimalForInput, parseDecimalInput } from '../format/numbers.ts';
import { cellOfPath } from '../journal/batch-lines.ts';

/** Where the app shows the worksheet (navigation.ts, app.tsx). */
export const requisitionWorksheetRoute = '/purchases/requisition-worksheet';

export { kindOfLine, purchasingKindCaptions, type PurchasingKind } from '../sales/purchasing.ts';

export interface RequisitionLine {
  id: string;
  worksheetName: string;
  lineNo: number;
  type: string;
  no: string;
  description: string;
  quantity: string;
  unitOfMeasureCode: string | null;
  vendorNo: string | null;
  vendorItemNo: string;
  directUnitCost: string;
  dueDate: string | null;
  /**
   * Capable to Promise's replenishment lines (spec §16.5): when the supply must start and end to be
   * received by the due date, and the promising run that proposed it; null on Get Sales Orders lines.
   * Optional: the page only reads them on replenishment lines.
   */
  startingDate?: string | null;
  endingDate?: string | null;
  orderPromisingId?: string | null;
  locationCode: string | null;
  acceptActionMessage: boolean;
  purchasingCode: string | null;
  dropShipment: boolean;
  specialOrder: boolean;
  salesOrderNo: string;
  salesOrderLineNo: number;
  sellToCustomerNo: string | null;
  shipToCode: string | null;
}

export interface RequisitionLines { items: RequisitionLine[] }

/** A line that buys stock for a sales line (Capable to Promise), not the goods of a drop shipment or special order. */
export const isReplenishment = (line: Pick<RequisitionLine, 'dropShipment' | 'specialOrder'>) => !line.dropShipment && !line.specialOrder;

/** The fields a user may change on a line (the PATCH body), checked as the API checks them. */
export const requisitionLineUpdate = z.strictObject({ vendorNo: codeReference().nullable(), directUnitCost: unitAmount(), acceptActionMessage: z.boolean() }).partial();
export type RequisitionLineChange = z.input<typeof requisitionLineUpdate>;

/** The cells typed into: Vendor No. and Direct Unit Cost. */
export type RequisitionTextField = 'vendorNo' | 'directUnitCost';

export function savedText(line: RequisitionLine, field: RequisitionTextField, locale: SupportedLocale): string {
  return field === 'directUnitCost' ? decimalForInput(line.directUnitCost, locale, 2) : line.vendorNo ?? '';
}

export function isUnchanged(line: RequisitionLine, field: RequisitionTextField, text: string, locale: SupportedLocale): boolean {
  if (field === 'vendorNo') return (line.vendorNo ?? '') === text.trim().toUpperCase();
  const typed = parseDecimalInput(text, locale);
  return typed !== null && dec(typed).eq(dec(line.directUnitCost));
}

export type ChangeOutcome = { change: RequisitionLineChange; error: null } | { change: null; error: string };

/** The PATCH body for a cell's text (the cost read in the user's locale, a blank vendor cleared), or why it cannot be sent. */
export function changeOf(field: RequisitionTextField, text: string, locale: SupportedLocale): ChangeOutcome {
  const trimmed = text.trim();
  let change: RequisitionLineChange;
  if (field === 'vendorNo') change = { vendorNo: trimmed === '' ? null : trimmed };
  else {
    const cost = parseDecimalInput(trimmed, locale);
    if (cost === null) return { change: null, error: 'must be a number' };
    change = { directUnitCost: cost };
  }
  const parsed = requisitionLineUpdate.safeParse(change);
  return parsed.success ? { change, error: null } : { change: null, error: parsed.error.issues[0]?.message ?? 'is not valid' };
}

/** Where a message of a refusal goes: a cell of a line, the line as a whole, or above the table. */
export type ErrorPlace = { lineId: string; field: string } | { lineId: string; field: null; caption: string | null } | null;

/**
 * A refusal's field path as the worksheet shows it: `lines.<lineNo>.vendorNo` on that line's cell,
 * `lines.<lineNo>` on its row (a stale line); anything else, or a line no longer shown, above the table.
 */
export function placeOfError(path: string, lines: readonly RequisitionLine[], shownFields: readonly string[]): ErrorPlace {
  const cell = cellOfPath(path);
  const lineNo = cell?.lineNo ?? /^lines\.(\d+)$/.exec(path)?.[1];
  const line = lines.find((candidate) => candidate.lineNo === Number(lineNo));
  if (!line) return null;
  if (cell && shownFields.includes(cell.field)) return { lineId: line.id, field: cell.field };
  return { lineId: line.id, field: null, caption: cell ? captionOf(cell.field) : null };
}

/** A refusal's message that no row shows, in words: "Sales Order No.: …". */
export const errorInWords = (path: string, message: string) => `${captionOf(path)}: ${message}`;
