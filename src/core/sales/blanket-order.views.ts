import { z } from 'zod';
import { dateText, decimalText } from '../api/wire.schemas.ts';

/**
 * What GET /salesBlanketOrders/{no}/lines/{lineNo}/linkedDocuments answers (spec §14.4;
 * server/sales/blanket-order.queries.ts builds it): the blanket line's quantities and every line
 * linked to it, unposted (orders, invoices …) and posted (shipments, invoices …).
 */
export const blanketLinkedDocumentView = z.object({
  posted: z.boolean().describe('false: an unposted order, invoice … line; true: a posted shipment, invoice … line'),
  documentType: z.string().describe('order, invoice … (unposted) or shipment, invoice, creditMemo, returnReceipt (posted)'),
  resource: z.string().describe('The API resource of the document, e.g. salesOrders or postedSalesShipments'),
  caption: z.string(),
  documentNo: z.string(),
  lineNo: z.number().int(),
  postingDate: dateText().nullable(),
  type: z.string(),
  no: z.string(),
  description: z.string(),
  unitOfMeasureCode: z.string().nullable(),
  quantity: decimalText(),
  quantityBase: decimalText(),
  quantityShipped: decimalText().nullable().describe('Unposted lines: Quantity Shipped (Return Qty. Received)'),
  quantityInvoiced: decimalText().describe('Unposted lines and posted shipments (return receipts): the quantity invoiced of them'),
  outstandingQuantity: decimalText().nullable().describe('Unposted lines: what they still have to ship'),
  correction: z.boolean().describe('Posted shipment lines undone by Undo Shipment, and the lines that undid them'),
});

export const blanketLineLinksView = z.object({
  blanketOrderNo: z.string(), lineNo: z.number().int(), type: z.string(), no: z.string(), description: z.string(), unitOfMeasureCode: z.string().nullable(),
  quantity: decimalText(), quantityShipped: decimalText(), quantityInvoiced: decimalText(), quantityToShip: decimalText(), outstandingQuantity: decimalText(),
  quantityOnOrdersBase: decimalText().describe('Outstanding base quantity of the unposted linked orders and invoices (less returns)'),
  possibleQuantityToShip: decimalText().describe('What Make Order may still take from the line: Outstanding Quantity less what the linked orders hold'),
  items: z.array(blanketLinkedDocumentView),
});
