import { Route, Routes } from 'react-router';
import { CustomerCardPage } from './customers/customer-card-page.tsx';
import { CustomerListPage } from './customers/customer-list-page.tsx';
import { CustomerTemplatesPage } from './customers/customer-templates-page.tsx';
import { HomePage } from './home/home-page.tsx';
import { AssemblyOrderListPage } from './assembly/assembly-order-list-page.tsx';
import { AssemblyOrderPage } from './assembly/assembly-order-page.tsx';
import { PostedAssemblyOrderListPage } from './assembly/posted-assembly-order-list-page.tsx';
import { PostedAssemblyOrderPage } from './assembly/posted-assembly-order-page.tsx';
import { ItemCardPage } from './items/item-card-page.tsx';
import { ItemListPage } from './items/item-list-page.tsx';
import { CombineShipmentsPage } from './batch/combine-shipments-page.tsx';
import { RecurringInvoicesPage } from './batch/recurring-invoices-page.tsx';
import { AppLayout } from './layout/app-layout.tsx';
import { CashReceiptJournalPage } from './journal/cash-receipt-journal-page.tsx';
import { GeneralJournalPage } from './journal/general-journal-page.tsx';
import { FindEntriesPage } from './ledgers/find-entries-page.tsx';
import { LedgerListPage } from './ledgers/ledger-list-page.tsx';
import { PostedDocumentListPage } from './posted/posted-document-list-page.tsx';
import { PostedDocumentPage } from './posted/posted-document-page.tsx';
import { NewPurchaseDocumentPage } from './purchases/new-purchase-document-page.tsx';
import { PostedPurchaseDocumentPage } from './purchases/posted-purchase-document-page.tsx';
import { PostedPurchaseListPage } from './purchases/posted-purchase-list-page.tsx';
import { PurchaseDocumentListPage } from './purchases/purchase-document-list-page.tsx';
import { PurchaseDocumentPage } from './purchases/purchase-document-page.tsx';
import { RequisitionWorksheetPage } from './purchases/requisition-worksheet-page.tsx';
import { NotFoundPage } from './layout/not-found-page.tsx';
import { NewSalesDocumentPage } from './sales/new-sales-document-page.tsx';
import { AgedReceivablesPage } from './receivables/aged-receivables-page.tsx';
import { ReconciliationJournalPage } from './bank/reconciliation-journal-page.tsx';
import { ReconciliationListPage } from './bank/reconciliation-list-page.tsx';
import { CustomerStatementPage } from './receivables/customer-statement-page.tsx';
import { RegisterPaymentsPage } from './receivables/register-payments-page.tsx';
import { SalesDocumentListPage } from './sales/sales-document-list-page.tsx';
import { SalesDocumentPage } from './sales/sales-document-page.tsx';
import { SignInPage } from './session/sign-in-page.tsx';
import { StandardSalesCodeCardPage } from './standard-sales/standard-sales-code-card-page.tsx';
import { StandardSalesCodeListPage } from './standard-sales/standard-sales-code-list-page.tsx';
import { VendorCardPage } from './vendors/vendor-card-page.tsx';
import { VendorListPage } from './vendors/vendor-list-page.tsx';
import { useSession } from './session/session-store.ts';
import { EmailOutboxPage } from './email/email-outbox-page.tsx';
import { SendingProfilesPage } from './email/sending-profiles-page.tsx';
import { SmtpSetupPage } from './email/smtp-setup-page.tsx';
import { PaymentServicesPage } from './payment-services/payment-services-page.tsx';
import { CompanyInformationPage } from './setup/company-information-page.tsx';
import { RolesPage } from './setup/roles-page.tsx';
import { SetupRecordPage } from './setup/setup-record-page.tsx';
import { ApprovalUserSetupPage } from './approvals/approval-user-setup-page.tsx';
import { RequestsToApprovePage } from './approvals/requests-to-approve-page.tsx';
import { WorkflowUserGroupsPage } from './approvals/workflow-user-groups-page.tsx';
import { WorkflowsPage } from './approvals/workflows-page.tsx';

/** Without a token every address shows the sign-in page; after signing in, the address asked for. */
export function App() {
  const session = useSession();
  if (!session.token) return <SignInPage />;
  return (
    <AppLayout>
      <Routes>
        <Route path="/" element={<HomePage />} />
        <Route path="/customers" element={<CustomerListPage />} />
        <Route path="/customers/new" caseSensitive element={<CustomerCardPage />} />
        <Route path="/customers/:no" element={<CustomerCardPage />} />
        <Route path="/customers/:no/statement" element={<CustomerStatementPage />} />
        <Route path="/customer-templates" element={<CustomerTemplatesPage />} />
        <Route path="/aged-receivables" element={<AgedReceivablesPage />} />
        <Route path="/items" element={<ItemListPage />} />
        <Route path="/items/new" caseSensitive element={<ItemCardPage />} />
        <Route path="/items/:no" element={<ItemCardPage />} />
        <Route path="/assembly-orders" element={<AssemblyOrderListPage />} />
        <Route path="/assembly-orders/:no" element={<AssemblyOrderPage />} />
        <Route path="/posted-assembly-orders" element={<PostedAssemblyOrderListPage />} />
        <Route path="/posted-assembly-orders/:no" element={<PostedAssemblyOrderPage />} />
        <Route path="/sales/:kind" element={<SalesDocumentListPage />} />
        <Route path="/sales/:kind/new" caseSensitive element={<NewSalesDocumentPage />} />
        <Route path="/sales/:kind/:no" element={<SalesDocumentPage />} />
        <Route path="/combine-shipments" element={<CombineShipmentsPage />} />
        <Route path="/email-outbox" element={<EmailOutboxPage />} />
        <Route path="/smtp-setup" element={<SmtpSetupPage />} />
        <Route path="/company-information" element={<CompanyInformationPage />} />
        <Route path="/roles" element={<RolesPage />} />
        <Route path="/setup/:page" element={<SetupRecordPage />} />
        <Route path="/payment-services" element={<PaymentServicesPage />} />
        <Route path="/document-sending-profiles" element={<SendingProfilesPage />} />
        <Route path="/standard-sales-codes" element={<StandardSalesCodeListPage />} />
        <Route path="/standard-sales-codes/new" caseSensitive element={<StandardSalesCodeCardPage />} />
        <Route path="/standard-sales-codes/:code" element={<StandardSalesCodeCardPage />} />
        <Route path="/create-recurring-sales-invoices" element={<RecurringInvoicesPage />} />
        <Route path="/posted/:kind" element={<PostedDocumentListPage />} />
        <Route path="/posted/:kind/:no" element={<PostedDocumentPage />} />
        <Route path="/vendors" element={<VendorListPage />} />
        <Route path="/vendors/new" caseSensitive element={<VendorCardPage />} />
        <Route path="/vendors/:no" element={<VendorCardPage />} />
        <Route path="/purchases/requisition-worksheet" element={<RequisitionWorksheetPage />} />
        <Route path="/purchases/:kind" element={<PurchaseDocumentListPage />} />
        <Route path="/purchases/:kind/new" caseSensitive element={<NewPurchaseDocumentPage />} />
        <Route path="/purchases/:kind/:no" element={<PurchaseDocumentPage />} />
        <Route path="/posted-purchases/:kind" element={<PostedPurchaseListPage />} />
        <Route path="/posted-purchases/:kind/:no" element={<PostedPurchaseDocumentPage />} />
        <Route path="/general-journal" element={<GeneralJournalPage />} />
        <Route path="/cash-receipt-journal" element={<CashReceiptJournalPage />} />
        <Route path="/register-customer-payments" element={<RegisterPaymentsPage />} />
        <Route path="/payment-reconciliations" element={<ReconciliationListPage />} />
        <Route path="/payment-reconciliations/:bankAccountNo/:statementNo" element={<ReconciliationJournalPage />} />
        <Route path="/ledgers/:ledger" element={<LedgerListPage />} />
        <Route path="/navigate" element={<FindEntriesPage />} />
        <Route path="/requests-to-approve" element={<RequestsToApprovePage />} />
        <Route path="/approval-user-setup" element={<ApprovalUserSetupPage />} />
        <Route path="/workflow-user-groups" element={<WorkflowUserGroupsPage />} />
        <Route path="/workflows" element={<WorkflowsPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </AppLayout>
  );
}
