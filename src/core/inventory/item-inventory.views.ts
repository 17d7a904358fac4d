import { z } from 'zod';
import { decimalText } from '../api/wire.schemas.ts';

/** An item's stock as GET /api/v1/items/{no}/inventory answers it, derived from the books. */
export const itemInventoryView = z.object({
  itemNo: z.string(),
  /** Σ Quantity of the item's ledger entries, all locations. */
  inventory: decimalText(),
  /** The same per location ('' = no location), locations that ever held the item. */
  byLocation: z.array(z.object({ locationCode: z.string(), quantity: decimalText() })),
  unitCost: decimalText(),
  /** Σ Cost Amount (Actual + Expected) of its value entries. */
  inventoryValue: decimalText(),
});
