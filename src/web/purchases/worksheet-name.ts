/**
 * Which requisition worksheet the page shows: its name travels in the address
 * (`/purchases/requisition-worksheet?name=PROMISING`), so a notice or a bookmark can open any of them.
 * Pure, so node tests can load it.
 */
import { requisitionWorksheetRoute } from './requisition-lines.ts';

/** BC's default requisition worksheet batch: Get Sales Orders fills it. */
export const defaultWorksheetName = 'DEFAULT';

/** The worksheets the app fills itself: DEFAULT (Get Sales Orders) and PROMISING (Capable to Promise's default, Order Promising Setup). */
const knownWorksheetNames = [defaultWorksheetName, 'PROMISING'] as const;

/** A typed or linked name as the server keys it (trimmed, upper case); blank or missing is DEFAULT. */
export function worksheetNameOf(text: string | null | undefined): string {
  const name = (text ?? '').trim().toUpperCase();
  return name === '' ? defaultWorksheetName : name;
}

/** The names offered to switch to: the known ones, and the one shown when it is another. */
export function worksheetNameChoices(current: string): string[] {
  return knownWorksheetNames.includes(current as (typeof knownWorksheetNames)[number]) ? [...knownWorksheetNames] : [...knownWorksheetNames, current];
}

/** The cache key of every worksheet's lines: what changes them elsewhere (Order Promising's Accept) invalidates it. */
export const requisitionWorksheetsQueryKey = ['requisitionWorksheet'] as const;

/** The API path of a worksheet's lines and actions. */
export const requisitionWorksheetApiPath = (name: string) => `/requisitionWorksheets/${encodeURIComponent(worksheetNameOf(name))}`;

/** Where the app shows a worksheet; DEFAULT is the page's plain address. */
export function requisitionWorksheetLink(name: string): string {
  const shown = worksheetNameOf(name);
  return shown === defaultWorksheetName ? requisitionWorksheetRoute : `${requisitionWorksheetRoute}?name=${encodeURIComponent(shown)}`;
}
