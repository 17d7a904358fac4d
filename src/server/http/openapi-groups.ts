/**
 * The API docs page in parts (issue 19: it loads in under a second). The whole OpenAPI document is
 * about 1 MB and Swagger UI spends seconds turning it into its state before it shows anything; so
 * the page offers the operations by area, each a document of its own paths and only the components
 * they refer to, with the whole document as the last choice (Swagger UI's "Select a definition").
 */
export interface DocsGroup { key: string; name: string; tags: RegExp }

/** In the order the page offers them; a tag falls into the first group whose pattern it matches. */
export const docsGroups: readonly DocsGroup[] = [
  { key: 'sales', name: 'Sales documents and posting', tags: /^(sales|postedSales|postedReturnReceipts$|combineShipments$|recurringSalesInvoices$|createRecurringSalesInvoices$|standard|salesDocumentArchives$|navigate$)/ },
  { key: 'purchases', name: 'Purchases and requisitions', tags: /^(purchase|postedPurchase|postedReturnShipments$|requisitionWorksheets$|vendors$)/ },
  { key: 'customers', name: 'Customers and receivables', tags: /^(customer|detailedCustomer|receivables$|catalogItems$)/ },
  { key: 'items', name: 'Items, inventory and assembly', tags: /^(items$|item|assembly$|valueEntries$|locations$|unitsOfMeasure$)/ },
  { key: 'finance', name: 'Finance, journals and bank', tags: /^(gl|vat|generalJournal$|journalTemplates$|ledgers$|bank|paymentReconciliations$|textToAccountMappings$|vendorLedgerEntries$|detailedVendor|currencies$)/ },
  { key: 'workflow', name: 'Approvals, email and jobs', tags: /^(approval|workflowUserGroups$|emailOutbox$|smtpSetup$|documentSendingProfiles$|jobs$)/ },
  { key: 'setup', name: 'Setup, users and sign-in', tags: /./ },
];

type Operation = { tags?: string[] };
type OpenApiDocument = { paths: Record<string, Record<string, Operation>>; components?: { schemas?: Record<string, unknown>; [kind: string]: unknown } } & Record<string, unknown>;

/** The group's operations, with the component schemas they reach (through other schemas too); null for an unknown key. */
export function openApiGroup(document: OpenApiDocument, key: string): OpenApiDocument | null {
  const group = docsGroups.find((candidate) => candidate.key === key);
  if (!group) return null;
  const groupOf = (operation: Operation) => docsGroups.find((candidate) => candidate.tags.test(operation.tags?.[0] ?? ''));
  const paths: OpenApiDocument['paths'] = {};
  for (const [path, operations] of Object.entries(document.paths)) {
    const kept = Object.fromEntries(Object.entries(operations).filter(([, operation]) => typeof operation === 'object' && groupOf(operation) === group));
    if (Object.keys(kept).length > 0) paths[path] = kept;
  }
  const schemas = document.components?.schemas ?? {};
  const reached = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) { value.forEach(visit); return; }
    if (value === null || typeof value !== 'object') return;
    for (const [field, inner] of Object.entries(value)) {
      const name = field === '$ref' && typeof inner === 'string' && inner.startsWith('#/components/schemas/') ? inner.slice('#/components/schemas/'.length) : null;
      if (name !== null && !reached.has(name)) {
        reached.add(name);
        visit(schemas[name]);
      } else visit(inner);
    }
  };
  visit(paths);
  visit(document.components?.responses);
  const keptSchemas = Object.fromEntries(Object.entries(schemas).filter(([name]) => reached.has(name)));
  return { ...document, info: { ...(document.info as object), title: `Ledgerline API: ${group.name}` }, paths, components: { ...document.components, schemas: keptSchemas } };
}
