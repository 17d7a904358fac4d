import { assemblyOrdersPath, postedAssemblyOrdersPath } from '../assembly/assembly-types.ts';
import { ledgerListSpecs } from '../ledgers/ledger-specs.ts';
import { postedDocumentKindList, postedDocumentListPath } from '../posted/posted-document-kinds.ts';
import { postedPurchaseKindList, purchaseKindList } from '../purchases/purchase-kinds.ts';
import { requisitionWorksheetRoute } from '../purchases/requisition-lines.ts';
import { documentKindList, documentListPath } from '../sales/document-kinds.ts';
import { setupPageList, setupPagePath } from '../setup/setup-pages.ts';

export interface NavigationEntry { label: string; to: string }
export interface NavigationGroup { title: string | null; entries: readonly NavigationEntry[] }

/** The left navigation, grouped as BC's Sales Order Processor role centre: every page of the app is reachable from here. */
export const navigationGroups: readonly NavigationGroup[] = [
  {
    title: null,
    entries: [{ label: 'Home', to: '/' }, { label: 'Customers', to: '/customers' }, { label: 'Items', to: '/items' },
      { label: 'Assembly Orders', to: assemblyOrdersPath }, { label: 'Posted Assembly Orders', to: postedAssemblyOrdersPath }],
  },
  {
    title: 'Sales',
    entries: [...documentKindList.map((kind) => ({ label: kind.plural, to: `/sales/${kind.path}` })), { label: 'Combine Shipments', to: '/combine-shipments' }, { label: 'Standard Sales Codes', to: '/standard-sales-codes' }, { label: 'Create Recurring Sales Invoices', to: '/create-recurring-sales-invoices' }],
  },
  { title: 'Posted documents', entries: postedDocumentKindList.map((kind) => ({ label: kind.plural, to: `/posted/${kind.path}` })) },
  {
    title: 'Purchases',
    entries: [{ label: 'Vendors', to: '/vendors' }, ...purchaseKindList.map((kind) => ({ label: kind.plural, to: documentListPath(kind) })), ...postedPurchaseKindList.map((kind) => ({ label: kind.plural, to: postedDocumentListPath(kind) })), { label: 'Requisition Worksheet', to: requisitionWorksheetRoute }],
  },
  { title: 'Finance', entries: [{ label: 'General Journal', to: '/general-journal' }, { label: 'Cash Receipt Journal', to: '/cash-receipt-journal' }, { label: 'Register Customer Payments', to: '/register-customer-payments' }, { label: 'Payment Services', to: '/payment-services' }, { label: 'Payment Reconciliation Journals', to: '/payment-reconciliations' }, { label: 'Aged Receivables', to: '/aged-receivables' }] },
  { title: 'Email', entries: [{ label: 'Email Outbox', to: '/email-outbox' }, { label: 'SMTP Setup', to: '/smtp-setup' }, { label: 'Document Sending Profiles', to: '/document-sending-profiles' }] },
  { title: 'Approvals', entries: [{ label: 'Requests to Approve', to: '/requests-to-approve' }, { label: 'Approval User Setup', to: '/approval-user-setup' }, { label: 'Workflow User Groups', to: '/workflow-user-groups' }, { label: 'Workflows', to: '/workflows' }] },
  { title: 'Setup', entries: [{ label: 'Company Information', to: '/company-information' }, { label: 'Customer Templates', to: '/customer-templates' }, ...setupPageList.map((spec) => ({ label: spec.title, to: setupPagePath(spec) })), { label: 'Roles', to: '/roles' }] },
  {
    title: 'Ledgers',
    entries: [...ledgerListSpecs.map((spec) => ({ label: spec.caption, to: `/ledgers/${spec.path}` })), { label: 'Find entries', to: '/navigate' }],
  },
];

export const navigationEntries: readonly NavigationEntry[] = navigationGroups.flatMap((group) => group.entries);
