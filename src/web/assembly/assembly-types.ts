import { documentKinds, documentPath } from '../sales/document-kinds.ts';

/** The three kinds of assembly document (spec §15.3); quotes and blanket orders exist only assembled to order. */
export type AssemblyDocumentType = 'order' | 'quote' | 'blanketOrder';

/** The sales documents whose lines can be assembled to order (spec §15.3): each has its kind of assembly document. */
export function assemblesToOrder(documentType: string): documentType is AssemblyDocumentType {
  return documentType === 'order' || documentType === 'quote' || documentType === 'blanketOrder';
}

/** The API collection of each kind; they share the line routes. */
export const assemblyCollections: Readonly<Record<AssemblyDocumentType, string>> = {
  order: '/assemblyOrders', quote: '/assemblyQuotes', blanketOrder: '/blanketAssemblyOrders',
};

export interface AssemblyHeader {
  documentType: AssemblyDocumentType;
  no: string;
  description: string;
  itemNo: string;
  locationCode: string | null;
  unitOfMeasureCode: string | null;
  quantity: string;
  quantityToAssemble: string;
  assembledQuantity: string;
  remainingQuantity: string;
  dueDate: string | null;
  startingDate: string | null;
  endingDate: string | null;
  postingDate: string | null;
  status: 'open' | 'released';
  assembleToOrder: boolean;
  salesDocumentType: 'order' | 'quote' | 'blanketOrder' | null;
  salesDocumentNo: string | null;
  salesLineNo: number | null;
  version: number;
}

export interface AssemblyLine {
  lineNo: number;
  type: string;
  no: string;
  description: string;
  locationCode: string | null;
  unitOfMeasureCode: string | null;
  quantityPer: string;
  quantity: string;
  quantityToConsume: string;
  consumedQuantity: string;
  remainingQuantity: string;
  dueDate: string | null;
}

export interface AssemblyDocument extends AssemblyHeader { lines: AssemblyLine[] }

export interface PostedAssemblyOrder {
  no: string;
  orderNo: string;
  description: string;
  itemNo: string;
  locationCode: string | null;
  quantity: string;
  costAmount: string;
  postingDate: string;
  assembleToOrder: boolean;
  salesDocumentNo: string | null;
  salesLineNo: number | null;
  salesShipmentNo: string | null;
  salesShipmentLineNo: number | null;
  reversed: boolean;
  userId: string | null;
}

export interface PostedAssemblyLine { lineNo: number; no: string; description: string; quantityPer: string; quantity: string; costAmount: string }

export interface PostedAssemblyDocument extends PostedAssemblyOrder { lines: PostedAssemblyLine[] }

export interface AssemblyPostResult { no: string; postedAssemblyNo: string; transactionNo: number; quantity: string; costAmount: string; documentDeleted: boolean }

export const assemblyOrdersPath = '/assembly-orders';
export const postedAssemblyOrdersPath = '/posted-assembly-orders';
export const assemblyOrderPath = (no: string) => `${assemblyOrdersPath}/${encodeURIComponent(no)}`;
export const postedAssemblyOrderPath = (no: string) => `${postedAssemblyOrdersPath}/${encodeURIComponent(no)}`;

/** The sales document a linked assembly document is made for, in the app. */
export function salesDocumentPathOf(header: Pick<AssemblyHeader, 'salesDocumentType' | 'salesDocumentNo'>): string | null {
  if (!header.salesDocumentType || !header.salesDocumentNo) return null;
  return documentPath(documentKinds[header.salesDocumentType], header.salesDocumentNo);
}

export const assemblyStatusCaptions: Readonly<Record<AssemblyHeader['status'], string>> = { open: 'Open', released: 'Released' };
