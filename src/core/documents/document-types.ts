/**
 * The vocabulary of documents, per family (sales, purchase): the document types, the posted
 * document types, and the names of the setup and line fields each family uses (BC's names).
 * document-descriptors.ts describes every type in these words; nothing here imports core/sales,
 * so core/sales can build on it.
 */

export const documentFamilies = ['sales', 'purchase'] as const;
export type DocumentFamily = (typeof documentFamilies)[number];

export const salesDocumentTypes = ['quote', 'order', 'invoice', 'creditMemo', 'returnOrder', 'blanketOrder'] as const;
export type SalesDocumentType = (typeof salesDocumentTypes)[number];

/** Purchase blanket orders come with purchasing, if ever. */
export const purchaseDocumentTypes = ['quote', 'order', 'invoice', 'creditMemo', 'returnOrder'] as const;
export type PurchaseDocumentType = (typeof purchaseDocumentTypes)[number];

/** Sales document types the API and the web serve today. */
export const editableSalesDocumentTypes = ['quote', 'order', 'invoice', 'creditMemo', 'returnOrder', 'blanketOrder'] as const satisfies readonly SalesDocumentType[];
export type EditableSalesDocumentType = (typeof editableSalesDocumentTypes)[number];

/** Purchase document types the API and the web serve and post (purchase quotes are not built). */
export const editablePurchaseDocumentTypes = ['order', 'invoice', 'creditMemo', 'returnOrder'] as const satisfies readonly PurchaseDocumentType[];
export type EditablePurchaseDocumentType = (typeof editablePurchaseDocumentTypes)[number];

/** Sales document types that post today. */
export const postableSalesDocumentTypes = ['order', 'invoice', 'creditMemo', 'returnOrder'] as const satisfies readonly EditableSalesDocumentType[];
export type PostableSalesDocumentType = (typeof postableSalesDocumentTypes)[number];

export const postedSalesDocumentTypes = ['shipment', 'invoice', 'creditMemo', 'returnReceipt'] as const;
export type PostedSalesDocumentType = (typeof postedSalesDocumentTypes)[number];

export const postedPurchaseDocumentTypes = ['receipt', 'invoice', 'creditMemo', 'returnShipment'] as const;
export type PostedPurchaseDocumentType = (typeof postedPurchaseDocumentTypes)[number];

/** Which way the goods of a document move, seen from the company's stock. */
export type GoodsDirection = 'outbound' | 'inbound';

/** The customer (sales) or vendor (purchase) ledger entry's Document Type of a posted invoice or credit memo. */
export type PartyLedgerDocumentType = 'invoice' | 'creditMemo';

/** The Document Type of item ledger and value entries written by a posted document. */
export type ItemLedgerDocumentType =
  | 'salesShipment' | 'salesInvoice' | 'salesReturnReceipt' | 'salesCreditMemo'
  | 'purchaseReceipt' | 'purchaseInvoice' | 'purchaseReturnShipment' | 'purchaseCreditMemo';

/** Header dates a document type shows (web) and carries. */
export type DocumentDateField = 'orderDate' | 'postingDate' | 'documentDate' | 'dueDate' | 'shipmentDate' | 'quoteValidUntilDate';

/** The words each family uses: setup fields (Sales & Receivables / Purchases & Payables Setup) and line fields. */
export interface FamilyVocabulary {
  sales: {
    documentType: SalesDocumentType;
    postedType: PostedSalesDocumentType;
    handlingType: 'shipment' | 'returnReceipt';
    invoicingType: 'invoice' | 'creditMemo';
    itemLedgerDocumentType: Extract<ItemLedgerDocumentType, `sales${string}`>;
    seriesField:
      | 'quoteNos' | 'orderNos' | 'invoiceNos' | 'creditMemoNos' | 'returnOrderNos' | 'blanketOrderNos'
      | 'postedShipmentNos' | 'postedInvoiceNos' | 'postedCreditMemoNos' | 'postedReturnReceiptNos';
    /** Whether an invoice (credit memo) that ships (receives) also writes the shipment (return receipt). */
    setupSwitch: 'shipmentOnInvoice' | 'returnReceiptOnCreditMemo';
    quantityToHandleField: 'quantityToShip' | 'returnQuantityToReceive';
    quantityHandledField: 'quantityShipped' | 'returnQuantityReceived';
    quantityHandledNotInvoicedField: 'quantityShippedNotInvoiced' | 'returnQuantityReceivedNotInvoiced';
    completelyHandledField: 'completelyShipped' | 'completelyReceived';
    postedDocumentNoField: 'shipmentNo' | 'returnReceiptNo';
    postedLineNoField: 'shipmentLineNo' | 'returnReceiptLineNo';
  };
  purchase: {
    documentType: PurchaseDocumentType;
    postedType: PostedPurchaseDocumentType;
    handlingType: 'receipt' | 'returnShipment';
    invoicingType: 'invoice' | 'creditMemo';
    itemLedgerDocumentType: Extract<ItemLedgerDocumentType, `purchase${string}`>;
    seriesField:
      | 'quoteNos' | 'orderNos' | 'invoiceNos' | 'creditMemoNos' | 'returnOrderNos'
      | 'postedReceiptNos' | 'postedInvoiceNos' | 'postedCreditMemoNos' | 'postedReturnShipmentNos';
    setupSwitch: 'receiptOnInvoice' | 'returnShipmentOnCreditMemo';
    quantityToHandleField: 'quantityToReceive' | 'returnQuantityToShip';
    quantityHandledField: 'quantityReceived' | 'returnQuantityShipped';
    quantityHandledNotInvoicedField: 'quantityReceivedNotInvoiced' | 'returnQuantityShippedNotInvoiced';
    completelyHandledField: 'completelyReceived' | 'completelyShipped';
    postedDocumentNoField: 'receiptNo' | 'returnShipmentNo';
    postedLineNoField: 'receiptLineNo' | 'returnShipmentLineNo';
  };
}

export type SalesSetupSeriesField = FamilyVocabulary['sales']['seriesField'];
export type PurchaseSetupSeriesField = FamilyVocabulary['purchase']['seriesField'];
