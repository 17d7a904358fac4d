/**
 * The shapes of posting, posted documents, ledgers and jobs as the web app uses them. Decimals are
 * strings, dates YYYY-MM-DD; fields the app does not show are left out.
 */
import type { SalesDocument } from './types.ts';

/** The ledgers, by their API resource names. */
export type LedgerName =
  | 'glEntries' | 'vatEntries' | 'customerLedgerEntries' | 'detailedCustomerLedgerEntries'
  | 'itemLedgerEntries' | 'valueEntries' | 'itemApplicationEntries';

/** One ledger entry: the app shows its fields by the ledger's column list (see ledgers/ledger-specs.ts). */
export type LedgerEntry = Record<string, unknown> & { entryNo: number };

export interface PostRequest {
  ship?: boolean;
  receive?: boolean;
  invoice?: boolean;
}

/** The numbers a posting drew; null where it did not post that document. */
export interface PostedNumbers {
  shipmentNo: string | null;
  invoiceNo: string | null;
  creditMemoNo: string | null;
  returnReceiptNo: string | null;
}

export interface PostingResult extends PostedNumbers {
  documentType: string;
  no: string;
  transactionNo: number;
  documentDeleted: boolean;
  /** What is left of the document, or null when posting completed (and deleted) it. */
  document: SalesDocument | null;
}

export interface PostedDocumentSummary {
  documentType: string;
  no: string;
  amount?: string;
  amountIncludingVat?: string;
  postingDate?: string;
}

/** Preview Posting: what posting would write, ledger by ledger; nothing is kept. */
export type PostingPreview = Omit<PostingResult, 'document'> & {
  postedDocuments: PostedDocumentSummary[];
} & Partial<Record<LedgerName, LedgerEntry[]>>;

/** Find entries (BC's Navigate) of one document number. */
export type NavigateResult = {
  documentNo: string;
  postingDate?: string | null;
  postedDocuments: PostedDocumentSummary[];
  counts?: Partial<Record<LedgerName, number>>;
  /** The server groups the entries here; the contract had them at the top level, which is read too. */
  entries?: Partial<Record<LedgerName, LedgerEntry[]>>;
} & Partial<Record<LedgerName, LedgerEntry[]>>;

export type PostedDocumentType = 'shipment' | 'invoice' | 'creditMemo' | 'returnReceipt';

export interface PostedSalesLine {
  documentNo: string;
  lineNo: number;
  type: 'comment' | 'item' | 'glAccount';
  no: string;
  description: string;
  unitOfMeasureCode: string | null;
  quantity: string;
  quantityInvoiced: string;
  quantityNotInvoiced: string;
  unitPrice: string;
  lineDiscountPercent: string;
  lineAmount: string;
  amount: string;
  amountIncludingVat: string;
  vatPercent: string;
  sourceDocumentNo: string;
  shipmentNo: string | null;
  returnReceiptNo: string | null;
  correction: boolean;
}

export interface PostedSalesHeader {
  documentType: PostedDocumentType;
  no: string;
  sourceDocumentType: string;
  sourceDocumentNo: string;
  sellToCustomerNo: string;
  sellToName: string;
  billToCustomerNo: string;
  billToName: string;
  orderDate: string | null;
  postingDate: string;
  documentDate: string | null;
  shipmentDate: string | null;
  dueDate: string | null;
  externalDocumentNo: string;
  yourReference: string;
  currencyCode: string | null;
  paymentTermsCode: string | null;
  salespersonCode: string | null;
  locationCode: string | null;
  quoteNo: string | null;
  correctedInvoiceNo: string | null;
  appliesToDocumentNo: string | null;
  amount: string;
  amountIncludingVat: string;
  invoiceDiscountAmount: string;
  transactionNo: number | null;
  userId: string;
  /** Invoices and credit memos only. */
  cancelled?: boolean;
  cancelledBy?: string | null;
  corrective?: boolean;
  correctsInvoiceNo?: string | null;
  remainingAmount?: string | null;
  closed?: boolean;
}

export interface PostedSalesDocument extends PostedSalesHeader {
  lines: PostedSalesLine[];
}

export interface ItemInventory {
  itemNo: string;
  inventory: string;
  /** A list of locations or a record by location code; both are read. */
  byLocation?: Array<{ locationCode: string | null; inventory?: string; quantity?: string }> | Record<string, string>;
  unitCost?: string;
  inventoryValue?: string;
}

/** A candidate line of Get Shipment Lines. */
export interface ShipmentLineCandidate {
  documentNo: string;
  lineNo: number;
  no: string;
  description: string;
  quantity: string;
  quantityNotInvoiced: string;
  sourceDocumentNo?: string;
  postingDate?: string;
}

/** A candidate line of Get Posted Document Lines to Reverse. */
export interface ReversibleLineCandidate {
  documentType: string;
  documentNo: string;
  lineNo: number;
  no: string;
  description: string;
  quantity: string;
  reversibleQuantity: string;
  unitPrice: string;
}

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'incomplete' | 'failed';

export interface Job<Result = unknown> {
  id: string;
  type?: string;
  status: JobStatus;
  progress: number;
  total: number;
  message: string;
  result?: Result | null;
  error?: unknown;
}

export interface CombineShipmentsResult {
  invoicesCreated: number;
  invoicesPosted: number;
  /** The sales invoices made (posting deletes them). */
  invoiceNos: string[];
  postedInvoiceNos?: string[];
  skippedBlocked?: number;
  errors: Array<{ invoiceNo?: string; code?: string; message: string } | string>;
}

/** Cancel, Correct and Create Corrective Credit Memo of a posted invoice; with `{ dryRun: true }`, what it would do. */
export interface CorrectionResult {
  action: 'cancel' | 'correct' | 'createCorrectiveCreditMemo';
  /** True when nothing was done: the answer says what the action would do. */
  dryRun: boolean;
  /** The posted invoice corrected. */
  invoiceNo: string;
  /** Where the invoice's lines came from (spec §18.4): a sales invoice, one order, an order since deleted, several orders. */
  origin: 'invoice' | 'order' | 'deletedOrder' | 'severalOrders';
  /** The orders it billed that still exist: their lines get the quantities back. */
  orderNos: string[];
  nextStep: 'editNewInvoice' | 'correctOrder' | 'correctOrders' | 'copyDocument' | 'editCreditMemo' | 'none';
  /** What the action does (dry run) or did, for the user. */
  message: string;
  /** The (unposted) credit memo made; Cancel and Correct post it at once. */
  creditMemoNo: string | null;
  postedCreditMemoNo: string | null;
  /** Correct of an invoice not from an order: the new sales invoice to fix and post. */
  newInvoiceNo: string | null;
}

export interface UndoShipmentResult {
  shipmentNo: string;
  orderNo: string;
  transactionNo: number;
  undoneLines: number[];
}
