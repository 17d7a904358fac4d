import { PartyDocumentsPanel } from '../components/party-documents-panel.tsx';
import { documentKindList } from '../sales/document-kinds.ts';

/** The customer's documents not yet posted: quotes, orders, invoices, credit memos and return orders. */
export function CustomerDocumentsPanel({ customerNo }: { customerNo: string }) {
  return <PartyDocumentsPanel kinds={documentKindList} noun="customer" partyField="sellToCustomerNo" partyNo={customerNo} />;
}
