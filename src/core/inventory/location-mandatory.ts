/**
 * Inventory Setup "Location Mandatory" (spec §1.9, §3.1, issue 10): stock of an inventory item
 * moves only at a location. One rule for release, sales posting and the item journal, as BC's
 * Release Sales Document and Item Jnl.-Check Line do it: service and non-inventory items are not
 * checked, and the callers leave out lines that move no quantity (BC: Quantity <> 0).
 */
import { DomainError } from '../errors.ts';

export interface LocatedLine {
  lineNo: number;
  /** The item number, for the message. */
  no: string;
  inventoryItem: boolean;
  locationCode: string | null;
}

/** Refuses a blank Location Code while Location Mandatory is on (BC's TestField "Location Code must have a value"). */
export function assertLocationWhenMandatory(locationMandatory: boolean, line: LocatedLine, field: string): void {
  if (!locationMandatory || !line.inventoryItem || (line.locationCode ?? '').trim() !== '') return;
  throw new DomainError('LOCATION_MISSING', { lineNo: line.lineNo, no: line.no }, field);
}
