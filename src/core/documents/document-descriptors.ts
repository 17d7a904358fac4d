/**
 * One descriptor per document type, sales and purchase (DESIGN §3): which way its goods move, the
 * posted documents its posting writes, its number series, its API resource, web path and captions.
 * Server and web read these instead of keeping their own tables or testing `returns ? … : …`.
 *
 * The handling and invoicing documents follow from the family and the direction: an outbound sales
 * document ships and invoices, an inbound one receives back and credits; purchases mirror that.
 */
import {
  type DocumentDateField, type DocumentFamily, type FamilyVocabulary, type GoodsDirection, type PartyLedgerDocumentType, type PurchaseDocumentType,
  type SalesDocumentType, editablePurchaseDocumentTypes, editableSalesDocumentTypes, postableSalesDocumentTypes, purchaseDocumentTypes, salesDocumentTypes,
} from './document-types.ts';
import { type LineHandling, lineHandling } from './line-handling.ts';
import { type PostedDocumentDescriptor, postedDocumentDescriptor } from './posted-document-descriptors.ts';

/** The posted document that moves the goods (shipment, return receipt, receipt, return shipment). */
export interface HandlingDocument<F extends DocumentFamily = DocumentFamily> extends PostedDocumentDescriptor<F> {
  /** The setup switch an invoice (credit memo) needs to write it (Shipment on Invoice …); null: always written. */
  setupSwitch: FamilyVocabulary[F]['setupSwitch'] | null;
}

/** The posted document that bills them (invoice, credit memo); it always writes a customer (vendor) entry. */
export interface InvoicingDocument<F extends DocumentFamily = DocumentFamily> extends PostedDocumentDescriptor<F> {
  partyLedgerDocumentType: PartyLedgerDocumentType;
}

export interface DocumentDescriptor<F extends DocumentFamily = DocumentFamily> {
  family: F;
  type: FamilyVocabulary[F]['documentType'];
  direction: GoodsDirection;
  /** +1 for documents that bill (quote, order, invoice, blanket order), −1 for credits (credit memo, return order). */
  sign: 1 | -1;
  /** The sign of its item ledger quantities: −1 when its goods leave stock (outbound), +1 when they come in. */
  stockSign: 1 | -1;
  /** The order of its direction (order, return order): the source of the shipment (receipt) lines an invoice (credit memo) bills. */
  orderType: Extract<FamilyVocabulary[F]['documentType'], 'order' | 'returnOrder'>;
  /** The line fields, captions and verbs of its goods movement (quotes have them too). */
  lineHandling: LineHandling<F>;
  /** Null for documents that never post (quotes, blanket orders). */
  handling: HandlingDocument<F> | null;
  invoicing: InvoicingDocument<F> | null;
  /** Its own number series: the setup field, its caption, and the setup's name for messages. */
  seriesField: FamilyVocabulary[F]['seriesField'];
  seriesFieldCaption: string;
  setupCaption: string;
  /** API resource (BC API v2 names), web path segment, captions ("Sales Order", "Sales Orders"). */
  resource: string;
  path: string;
  caption: string;
  plural: string;
  /** Posting Description of the entries: `${prefix} ${no}` ("Order 1001"); null for types that never post. */
  postingDescriptionPrefix: string | null;
  /** The header dates the web shows, in order. */
  dateFields: readonly DocumentDateField[];
  /** Invoices and credit memos ship (receive) and invoice every line in full, in one posting. */
  postsInFull: boolean;
  /** Lines may be invoiced in part (Qty. to Invoice): orders and return orders. */
  partialInvoicing: boolean;
  /** The API and web serve the type today. */
  canEdit: boolean;
  /** Posting is built for the type today; canShip/canInvoice: it can write its handling/invoicing document. */
  canPost: boolean;
  canShip: boolean;
  canInvoice: boolean;
}

export type SalesDocumentDescriptor = DocumentDescriptor<'sales'>;
export type PurchaseDocumentDescriptor = DocumentDescriptor<'purchase'>;

/** What differs per type; the rest follows from family and direction. */
interface TypeEntry<F extends DocumentFamily> {
  direction: GoodsDirection;
  seriesField: FamilyVocabulary[F]['seriesField'];
  seriesFieldCaption: string;
  resource: string;
  path: string;
  caption: string;
  plural: string;
  postingDescriptionPrefix: string | null;
  dateFields: readonly DocumentDateField[];
  posting: 'never' | 'inParts' | 'inFull';
  setupSwitch?: FamilyVocabulary[F]['setupSwitch'];
}

/** The direction of the documents that bill: sales bill what goes out, purchases what comes in. */
const billingDirection: Readonly<Record<DocumentFamily, GoodsDirection>> = { sales: 'outbound', purchase: 'inbound' };
const setupCaptions: Readonly<Record<DocumentFamily, string>> = { sales: 'Sales & Receivables Setup', purchase: 'Purchases & Payables Setup' };

function describe<F extends DocumentFamily>(
  family: F, type: FamilyVocabulary[F]['documentType'], entry: TypeEntry<F>, built: { canEdit: boolean; canPost: boolean },
): DocumentDescriptor<F> {
  const { direction, posting, setupSwitch, ...own } = entry;
  const sign = direction === billingDirection[family] ? 1 : -1;
  const stockSign = direction === 'inbound' ? 1 : -1;
  // Both families name their orders alike: the billing direction's is the order, the other the return order.
  const orderType = (sign === 1 ? 'order' : 'returnOrder') as DocumentDescriptor<F>['orderType'];
  const lines = lineHandling(family, direction);
  const posts = posting !== 'never';
  const handling = posts ? { ...postedDocumentDescriptor(family, lines.handlingType), setupSwitch: setupSwitch ?? null } : null;
  const invoicingType: PartyLedgerDocumentType & FamilyVocabulary[F]['invoicingType'] = sign === 1 ? 'invoice' : 'creditMemo';
  const invoicing = posts ? { ...postedDocumentDescriptor(family, invoicingType), partyLedgerDocumentType: invoicingType } : null;
  return {
    family, type, direction, sign, stockSign, orderType, lineHandling: lines, handling, invoicing, ...own, setupCaption: setupCaptions[family],
    postsInFull: posting === 'inFull', partialInvoicing: posting === 'inParts',
    canEdit: built.canEdit, canPost: built.canPost, canShip: built.canPost && handling !== null, canInvoice: built.canPost && invoicing !== null,
  };
}

const orderDates = ['orderDate', 'postingDate', 'documentDate', 'shipmentDate', 'dueDate'] as const;
const billDates = ['postingDate', 'documentDate', 'dueDate'] as const;
const returnDates = ['postingDate', 'documentDate'] as const;

const salesEntries: Readonly<Record<SalesDocumentType, TypeEntry<'sales'>>> = {
  quote: {
    direction: 'outbound', seriesField: 'quoteNos', seriesFieldCaption: 'Quote Nos.', resource: 'salesQuotes', path: 'quotes',
    caption: 'Sales Quote', plural: 'Sales Quotes', postingDescriptionPrefix: null, dateFields: ['documentDate', 'orderDate', 'quoteValidUntilDate'], posting: 'never',
  },
  order: {
    direction: 'outbound', seriesField: 'orderNos', seriesFieldCaption: 'Order Nos.', resource: 'salesOrders', path: 'orders',
    caption: 'Sales Order', plural: 'Sales Orders', postingDescriptionPrefix: 'Order', dateFields: orderDates, posting: 'inParts',
  },
  invoice: {
    direction: 'outbound', seriesField: 'invoiceNos', seriesFieldCaption: 'Invoice Nos.', resource: 'salesInvoices', path: 'invoices',
    caption: 'Sales Invoice', plural: 'Sales Invoices', postingDescriptionPrefix: 'Invoice', dateFields: billDates, posting: 'inFull', setupSwitch: 'shipmentOnInvoice',
  },
  creditMemo: {
    direction: 'inbound', seriesField: 'creditMemoNos', seriesFieldCaption: 'Credit Memo Nos.', resource: 'salesCreditMemos', path: 'credit-memos',
    caption: 'Sales Credit Memo', plural: 'Sales Credit Memos', postingDescriptionPrefix: 'Credit Memo', dateFields: billDates, posting: 'inFull',
    setupSwitch: 'returnReceiptOnCreditMemo',
  },
  returnOrder: {
    direction: 'inbound', seriesField: 'returnOrderNos', seriesFieldCaption: 'Return Order Nos.', resource: 'salesReturnOrders', path: 'return-orders',
    caption: 'Sales Return Order', plural: 'Sales Return Orders', postingDescriptionPrefix: 'Return Order', dateFields: returnDates, posting: 'inParts',
  },
  blanketOrder: {
    direction: 'outbound', seriesField: 'blanketOrderNos', seriesFieldCaption: 'Blanket Order Nos.', resource: 'salesBlanketOrders', path: 'blanket-orders',
    caption: 'Blanket Sales Order', plural: 'Blanket Sales Orders', postingDescriptionPrefix: null, dateFields: ['documentDate', 'orderDate'], posting: 'never',
  },
};

const purchaseEntries: Readonly<Record<PurchaseDocumentType, TypeEntry<'purchase'>>> = {
  quote: {
    direction: 'inbound', seriesField: 'quoteNos', seriesFieldCaption: 'Quote Nos.', resource: 'purchaseQuotes', path: 'quotes',
    caption: 'Purchase Quote', plural: 'Purchase Quotes', postingDescriptionPrefix: null, dateFields: ['documentDate', 'orderDate'], posting: 'never',
  },
  order: {
    direction: 'inbound', seriesField: 'orderNos', seriesFieldCaption: 'Order Nos.', resource: 'purchaseOrders', path: 'orders',
    caption: 'Purchase Order', plural: 'Purchase Orders', postingDescriptionPrefix: 'Order', dateFields: ['orderDate', 'postingDate', 'documentDate', 'dueDate'], posting: 'inParts',
  },
  invoice: {
    direction: 'inbound', seriesField: 'invoiceNos', seriesFieldCaption: 'Invoice Nos.', resource: 'purchaseInvoices', path: 'invoices',
    caption: 'Purchase Invoice', plural: 'Purchase Invoices', postingDescriptionPrefix: 'Invoice', dateFields: billDates, posting: 'inFull', setupSwitch: 'receiptOnInvoice',
  },
  creditMemo: {
    direction: 'outbound', seriesField: 'creditMemoNos', seriesFieldCaption: 'Credit Memo Nos.', resource: 'purchaseCreditMemos', path: 'credit-memos',
    caption: 'Purchase Credit Memo', plural: 'Purchase Credit Memos', postingDescriptionPrefix: 'Credit Memo', dateFields: billDates, posting: 'inFull',
    setupSwitch: 'returnShipmentOnCreditMemo',
  },
  returnOrder: {
    direction: 'outbound', seriesField: 'returnOrderNos', seriesFieldCaption: 'Return Order Nos.', resource: 'purchaseReturnOrders', path: 'return-orders',
    caption: 'Purchase Return Order', plural: 'Purchase Return Orders', postingDescriptionPrefix: 'Return Order', dateFields: returnDates, posting: 'inParts',
  },
};

const isIn = <T extends string>(list: readonly T[], value: string): boolean => (list as readonly string[]).includes(value);

export const salesDescriptors: Readonly<Record<SalesDocumentType, SalesDocumentDescriptor>> = Object.fromEntries(salesDocumentTypes.map((type) => [
  type, describe('sales', type, salesEntries[type], { canEdit: isIn(editableSalesDocumentTypes, type), canPost: isIn(postableSalesDocumentTypes, type) }),
])) as Record<SalesDocumentType, SalesDocumentDescriptor>;

/** Purchase documents: every type but the quote is edited and posted. */
export const purchaseDescriptors: Readonly<Record<PurchaseDocumentType, PurchaseDocumentDescriptor>> = Object.fromEntries(purchaseDocumentTypes.map((type) => [
  type, describe('purchase', type, purchaseEntries[type], { canEdit: isIn(editablePurchaseDocumentTypes, type), canPost: isIn(editablePurchaseDocumentTypes, type) }),
])) as Record<PurchaseDocumentType, PurchaseDocumentDescriptor>;

const descriptorTables = { sales: salesDescriptors, purchase: purchaseDescriptors } as const;

export function salesDescriptor(type: SalesDocumentType): SalesDocumentDescriptor {
  return salesDescriptors[type];
}

export function purchaseDescriptor(type: PurchaseDocumentType): PurchaseDocumentDescriptor {
  return purchaseDescriptors[type];
}

export function documentDescriptor<F extends DocumentFamily>(family: F, type: FamilyVocabulary[F]['documentType']): DocumentDescriptor<F> {
  return (descriptorTables[family] as Readonly<Record<string, DocumentDescriptor>>)[type] as DocumentDescriptor<F>;
}

/** Every descriptor of a family, in the order of its type list. */
export function descriptorsOf<F extends DocumentFamily>(family: F): ReadonlyArray<DocumentDescriptor<F>> {
  return Object.values(descriptorTables[family]) as ReadonlyArray<DocumentDescriptor<F>>;
}
