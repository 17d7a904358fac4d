/**
 * One descriptor per posted document type: shipments and return receipts (sales), receipts and
 * return shipments (purchase) handle goods; invoices and credit memos bill them.
 */
import type {
  DocumentFamily, FamilyVocabulary, GoodsDirection, PartyLedgerDocumentType, PostedPurchaseDocumentType,
  PostedSalesDocumentType,
} from './document-types.ts';

export interface PostedDocumentDescriptor<F extends DocumentFamily = DocumentFamily> {
  family: F;
  postedType: FamilyVocabulary[F]['postedType'];
  /** `handling` moves the goods (shipment, receipt …); `invoicing` bills them (invoice, credit memo). */
  role: 'handling' | 'invoicing';
  direction: GoodsDirection;
  /** +1 for the documents that bill (shipment, invoice, receipt), −1 for the ones that credit. */
  sign: 1 | -1;
  /** The setup field holding its number series, and that field's caption for messages. */
  seriesField: FamilyVocabulary[F]['seriesField'];
  seriesFieldCaption: string;
  itemLedgerDocumentType: FamilyVocabulary[F]['itemLedgerDocumentType'];
  /** The customer (vendor) ledger entry's Document Type; null for documents that write none. */
  partyLedgerDocumentType: PartyLedgerDocumentType | null;
  /** API resource, web path segment, captions. */
  resource: string;
  path: string;
  caption: string;
  plural: string;
  /** BC's short caption of its number, e.g. on the text line Get Posted Document Lines writes ("Shpt. No."). */
  noCaption: string;
  /** The Copy Document option naming it as a source (BC "Posted Shipment" …). */
  copySourceType: `posted${Capitalize<FamilyVocabulary[F]['postedType']>}`;
}

export const postedSalesDescriptors: Readonly<Record<PostedSalesDocumentType, PostedDocumentDescriptor<'sales'>>> = {
  shipment: {
    family: 'sales', postedType: 'shipment', role: 'handling', direction: 'outbound', sign: 1,
    seriesField: 'postedShipmentNos', seriesFieldCaption: 'Posted Shipment Nos.', itemLedgerDocumentType: 'salesShipment', partyLedgerDocumentType: null,
    resource: 'postedSalesShipments', path: 'shipments', caption: 'Posted Sales Shipment', plural: 'Posted Sales Shipments',
    noCaption: 'Shpt. No.', copySourceType: 'postedShipment',
  },
  invoice: {
    family: 'sales', postedType: 'invoice', role: 'invoicing', direction: 'outbound', sign: 1,
    seriesField: 'postedInvoiceNos', seriesFieldCaption: 'Posted Invoice Nos.', itemLedgerDocumentType: 'salesInvoice', partyLedgerDocumentType: 'invoice',
    resource: 'postedSalesInvoices', path: 'invoices', caption: 'Posted Sales Invoice', plural: 'Posted Sales Invoices',
    noCaption: 'Inv. No.', copySourceType: 'postedInvoice',
  },
  creditMemo: {
    family: 'sales', postedType: 'creditMemo', role: 'invoicing', direction: 'inbound', sign: -1,
    seriesField: 'postedCreditMemoNos', seriesFieldCaption: 'Posted Credit Memo Nos.', itemLedgerDocumentType: 'salesCreditMemo', partyLedgerDocumentType: 'creditMemo',
    resource: 'postedSalesCreditMemos', path: 'credit-memos', caption: 'Posted Sales Credit Memo', plural: 'Posted Sales Credit Memos',
    noCaption: 'Cr. Memo No.', copySourceType: 'postedCreditMemo',
  },
  returnReceipt: {
    family: 'sales', postedType: 'returnReceipt', role: 'handling', direction: 'inbound', sign: -1,
    seriesField: 'postedReturnReceiptNos', seriesFieldCaption: 'Posted Return Receipt Nos.', itemLedgerDocumentType: 'salesReturnReceipt', partyLedgerDocumentType: null,
    resource: 'postedReturnReceipts', path: 'return-receipts', caption: 'Posted Return Receipt', plural: 'Posted Return Receipts',
    noCaption: 'Rtrn. Rcpt. No.', copySourceType: 'postedReturnReceipt',
  },
};

export const postedPurchaseDescriptors: Readonly<Record<PostedPurchaseDocumentType, PostedDocumentDescriptor<'purchase'>>> = {
  receipt: {
    family: 'purchase', postedType: 'receipt', role: 'handling', direction: 'inbound', sign: 1,
    seriesField: 'postedReceiptNos', seriesFieldCaption: 'Posted Receipt Nos.', itemLedgerDocumentType: 'purchaseReceipt', partyLedgerDocumentType: null,
    resource: 'postedPurchaseReceipts', path: 'receipts', caption: 'Posted Purchase Receipt', plural: 'Posted Purchase Receipts',
    noCaption: 'Rcpt. No.', copySourceType: 'postedReceipt',
  },
  invoice: {
    family: 'purchase', postedType: 'invoice', role: 'invoicing', direction: 'inbound', sign: 1,
    seriesField: 'postedInvoiceNos', seriesFieldCaption: 'Posted Invoice Nos.', itemLedgerDocumentType: 'purchaseInvoice', partyLedgerDocumentType: 'invoice',
    resource: 'postedPurchaseInvoices', path: 'invoices', caption: 'Posted Purchase Invoice', plural: 'Posted Purchase Invoices',
    noCaption: 'Inv. No.', copySourceType: 'postedInvoice',
  },
  creditMemo: {
    family: 'purchase', postedType: 'creditMemo', role: 'invoicing', direction: 'outbound', sign: -1,
    seriesField: 'postedCreditMemoNos', seriesFieldCaption: 'Posted Credit Memo Nos.', itemLedgerDocumentType: 'purchaseCreditMemo', partyLedgerDocumentType: 'creditMemo',
    resource: 'postedPurchaseCreditMemos', path: 'credit-memos', caption: 'Posted Purchase Credit Memo', plural: 'Posted Purchase Credit Memos',
    noCaption: 'Cr. Memo No.', copySourceType: 'postedCreditMemo',
  },
  returnShipment: {
    family: 'purchase', postedType: 'returnShipment', role: 'handling', direction: 'outbound', sign: -1,
    seriesField: 'postedReturnShipmentNos', seriesFieldCaption: 'Posted Return Shipment Nos.', itemLedgerDocumentType: 'purchaseReturnShipment', partyLedgerDocumentType: null,
    resource: 'postedReturnShipments', path: 'return-shipments', caption: 'Posted Return Shipment', plural: 'Posted Return Shipments',
    noCaption: 'Return Shpt. No.', copySourceType: 'postedReturnShipment',
  },
};

const postedTables = { sales: postedSalesDescriptors, purchase: postedPurchaseDescriptors } as const;

export function postedSalesDescriptor(postedType: PostedSalesDocumentType): PostedDocumentDescriptor<'sales'> {
  return postedSalesDescriptors[postedType];
}

export function postedDocumentDescriptor<F extends DocumentFamily>(family: F, postedType: FamilyVocabulary[F]['postedType']): PostedDocumentDescriptor<F> {
  return (postedTables[family] as Readonly<Record<string, PostedDocumentDescriptor>>)[postedType] as PostedDocumentDescriptor<F>;
}

/** The posted sales document type an API or ledger name stands for ('invoice', or 'salesInvoice' in an item ledger), if any. */
export function postedSalesDescriptorOf(name: string): PostedDocumentDescriptor<'sales'> | undefined {
  return Object.values(postedSalesDescriptors).find((descriptor) => descriptor.postedType === name || descriptor.itemLedgerDocumentType === name);
}
