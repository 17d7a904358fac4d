/**
 * How the lines of a document hold their goods movement: a sales order's line ships (Qty. to Ship,
 * Quantity Shipped), a return order's line receives (Return Qty. to Receive, Return Qty. Received).
 * It depends only on the family and the direction, so quotes have it too, without a handling document.
 */
import type { DomainErrorCode } from '../errors.ts';
import type { DocumentFamily, FamilyVocabulary, GoodsDirection } from './document-types.ts';

export interface LineHandling<F extends DocumentFamily = DocumentFamily> {
  /** The posted document that handles the goods. */
  handlingType: FamilyVocabulary[F]['handlingType'];
  /** Line columns (and API names): Qty. to Ship, Quantity Shipped, Qty. Shipped Not Invoiced, Completely Shipped. */
  quantityToHandleField: FamilyVocabulary[F]['quantityToHandleField'];
  quantityHandledField: FamilyVocabulary[F]['quantityHandledField'];
  quantityHandledNotInvoicedField: FamilyVocabulary[F]['quantityHandledNotInvoicedField'];
  completelyHandledField: FamilyVocabulary[F]['completelyHandledField'];
  /** On an invoice (credit memo) line: the posted handling line it bills (Get Shipment Lines). */
  postedDocumentNoField: FamilyVocabulary[F]['postedDocumentNoField'];
  postedLineNoField: FamilyVocabulary[F]['postedLineNoField'];
  quantityToHandleCaption: string;
  quantityHandledCaption: string;
  /** "ship" / "shipped", or "receive" / "received", for messages. */
  verb: 'ship' | 'receive';
  pastVerb: 'shipped' | 'received';
  /** The error for handling more than is outstanding. */
  overHandlingErrorCode: Extract<DomainErrorCode, 'SHIP_MORE_THAN_OUTSTANDING' | 'RECEIVE_MORE_THAN_OUTSTANDING'>;
}

const shipping = { verb: 'ship', pastVerb: 'shipped', overHandlingErrorCode: 'SHIP_MORE_THAN_OUTSTANDING' } as const;
const receiving = { verb: 'receive', pastVerb: 'received', overHandlingErrorCode: 'RECEIVE_MORE_THAN_OUTSTANDING' } as const;

const salesLineHandling: Readonly<Record<GoodsDirection, LineHandling<'sales'>>> = {
  outbound: {
    handlingType: 'shipment', ...shipping,
    quantityToHandleField: 'quantityToShip', quantityHandledField: 'quantityShipped',
    quantityHandledNotInvoicedField: 'quantityShippedNotInvoiced', completelyHandledField: 'completelyShipped',
    postedDocumentNoField: 'shipmentNo', postedLineNoField: 'shipmentLineNo',
    quantityToHandleCaption: 'Qty. to Ship', quantityHandledCaption: 'Quantity Shipped',
  },
  inbound: {
    handlingType: 'returnReceipt', ...receiving,
    quantityToHandleField: 'returnQuantityToReceive', quantityHandledField: 'returnQuantityReceived',
    quantityHandledNotInvoicedField: 'returnQuantityReceivedNotInvoiced', completelyHandledField: 'completelyReceived',
    postedDocumentNoField: 'returnReceiptNo', postedLineNoField: 'returnReceiptLineNo',
    quantityToHandleCaption: 'Return Qty. to Receive', quantityHandledCaption: 'Return Qty. Received',
  },
};

const purchaseLineHandling: Readonly<Record<GoodsDirection, LineHandling<'purchase'>>> = {
  inbound: {
    handlingType: 'receipt', ...receiving,
    quantityToHandleField: 'quantityToReceive', quantityHandledField: 'quantityReceived',
    quantityHandledNotInvoicedField: 'quantityReceivedNotInvoiced', completelyHandledField: 'completelyReceived',
    postedDocumentNoField: 'receiptNo', postedLineNoField: 'receiptLineNo',
    quantityToHandleCaption: 'Qty. to Receive', quantityHandledCaption: 'Quantity Received',
  },
  outbound: {
    handlingType: 'returnShipment', ...shipping,
    quantityToHandleField: 'returnQuantityToShip', quantityHandledField: 'returnQuantityShipped',
    quantityHandledNotInvoicedField: 'returnQuantityShippedNotInvoiced', completelyHandledField: 'completelyShipped',
    postedDocumentNoField: 'returnShipmentNo', postedLineNoField: 'returnShipmentLineNo',
    quantityToHandleCaption: 'Return Qty. to Ship', quantityHandledCaption: 'Return Qty. Shipped',
  },
};

const tables = { sales: salesLineHandling, purchase: purchaseLineHandling } as const;

export function lineHandling<F extends DocumentFamily>(family: F, direction: GoodsDirection): LineHandling<F> {
  return tables[family][direction] as LineHandling<F>;
}
