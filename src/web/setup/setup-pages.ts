/**
 * The setup tables a user maintains from the Setup section (issue 19 point 2): each one a small spec
 * that the one generic page (setup-record-page.tsx) shows as a list with New / Edit / Delete and a
 * dialog of its fields. Input is checked with the API's own schemas before it is sent.
 */
import {
  currencyExchangeRateSchemas, currencySchemas, locationSchemas, paymentMethodSchemas, paymentTermsSchemas, shipmentMethodSchemas,
  shippingAgentSchemas,
} from '../../core/master-data/logistics.schemas.ts';
import {
  generalPostingSetupAccounts, generalPostingSetupSchemas, glAccountSchemas, inventoryPostingSetupAccounts, inventoryPostingSetupSchemas,
  vatPostingSetupAccounts, vatPostingSetupSchemas,
} from '../../core/master-data/posting.schemas.ts';
import { noSeriesLineSchemas, noSeriesSchemas, salesReceivablesSetupUpdate } from '../../core/master-data/setup.schemas.ts';
import { salesLineDiscountSchemas, salesPriceSchemas } from '../../core/master-data/pricing.schemas.ts';
import { customerPriceGroupSchemas } from '../../core/master-data/customer.schemas.ts';
import { userSchemas } from '../../core/master-data/user.schemas.ts';
import type { FieldGroup, FieldSpec } from '../components/record-fields.ts';
import type { SetupListColumn, SetupPageSpec, SetupSingletonSpec, SetupTableSpec } from './setup-page-types.ts';
import { lineNoLookups, postingAccountLookup } from '../components/lookup-sources.ts';
import type { LookupSource } from '../components/lookup-source.ts';
import { captionOf } from '../format/captions.ts';
import { inventorySetup } from '../assembly/inventory-setup.ts';
import { baseCalendarCodeField, baseCalendars, customizedChangesOf, orderPromisingSetup } from './calendar-pages.ts';

export type { SetupListColumn, SetupPageSpec, SetupRecord, SetupRowsSpec, SetupSingletonSpec, SetupTableSpec } from './setup-page-types.ts';

const text = (name: string, label = captionOf(name)): FieldSpec => ({ name, label, kind: 'text' });
const decimal = (name: string, label = captionOf(name)): FieldSpec => ({ name, label, kind: 'decimal' });
const flag = (name: string, label = captionOf(name)): FieldSpec => ({ name, label, kind: 'boolean' });
const codeOf = (name: string, lookup: string, label = captionOf(name)): FieldSpec => ({ name, label, kind: 'code', lookup });
const choice = (name: string, options: Readonly<Record<string, string>>, label = captionOf(name)): FieldSpec => ({ name, label, kind: 'choice', options });
/** A key in an API path (as api/client.ts encodes it; this file stays free of the client, read outside the browser too). */
const encodeKey = (key: string) => encodeURIComponent(key);
const column = (field: string, header = captionOf(field)): SetupListColumn => ({ header, field });

/** A table keyed by a code: Code first among the new record's fields. */
function withKey(groups: readonly FieldGroup[], key: FieldSpec = text('code', 'Code')): FieldGroup[] {
  return groups.map((group, index) => (index === 0 ? { ...group, fields: [key, ...group.fields] } : group));
}

function codeTable(spec: Omit<SetupTableSpec, 'kind' | 'keyOf' | 'describe' | 'newFields'> & { nameField?: string }): SetupTableSpec {
  const nameField = spec.nameField ?? 'description';
  return {
    kind: 'table', keyOf: (record) => String(record.code), describe: (record) => `${String(record.code)} ${String(record[nameField] ?? '')}`.trim(),
    newFields: withKey(spec.fields), ...spec,
  };
}

const paymentTerms = codeTable({
  path: 'payment-terms', title: 'Payment Terms', resource: '/paymentTerms',
  columns: [column('code', 'Code'), column('description'), column('dueDateCalculation'), column('discountDateCalculation'), { ...column('discountPercent', 'Discount %'), align: 'right' }],
  fields: [{
    title: 'General',
    fields: [text('description'), text('dueDateCalculation'), text('discountDateCalculation'), decimal('discountPercent', 'Discount %'),
      flag('calculatePaymentDiscountOnCreditMemos', 'Calc. Pmt. Disc. on Cr. Memos')],
  }],
  schemas: paymentTermsSchemas,
});

const paymentMethods = codeTable({
  path: 'payment-methods', title: 'Payment Methods', resource: '/paymentMethods',
  columns: [column('code', 'Code'), column('description'), column('balancingAccountType', 'Bal. Account Type'), column('balancingAccountNo', 'Bal. Account No.'), column('directDebit')],
  fields: [{
    title: 'General',
    fields: [text('description'), choice('balancingAccountType', { glAccount: 'G/L Account', bankAccount: 'Bank Account' }, 'Bal. Account Type'),
      text('balancingAccountNo', 'Bal. Account No.'), flag('directDebit')],
  }],
  newDefaults: { balancingAccountType: 'glAccount' },
  schemas: paymentMethodSchemas,
});

const shipmentMethods = codeTable({
  path: 'shipment-methods', title: 'Shipment Methods', resource: '/shipmentMethods',
  columns: [column('code', 'Code'), column('description')],
  fields: [{ title: 'General', fields: [text('description')] }],
  schemas: shipmentMethodSchemas,
});

const shippingAgents = codeTable({
  path: 'shipping-agents', title: 'Shipping Agents', resource: '/shippingAgents', nameField: 'name',
  columns: [column('code', 'Code'), column('name'), column('internetAddress')],
  fields: [{ title: 'General', fields: [text('name'), text('internetAddress'), baseCalendarCodeField] }],
  schemas: shippingAgentSchemas,
  rows: customizedChangesOf('shippingAgent'),
});

const locations = codeTable({
  path: 'locations', title: 'Locations', resource: '/locations', nameField: 'name',
  columns: [column('code', 'Code'), column('name'), column('city'), column('countryRegionCode', 'Country/Region')],
  fields: [
    {
      title: 'General',
      fields: [text('name'), text('address'), text('address2', 'Address 2'), text('postCode'), text('city'), text('countryRegionCode', 'Country/Region Code'),
        text('contact'), text('phoneNo', 'Phone No.'), text('email')],
    },
    {
      title: 'Warehouse',
      fields: [text('outboundWarehouseHandlingTime'), text('inboundWarehouseHandlingTime'), flag('requireShipment'), flag('requirePick'),
        flag('requireReceive'), flag('requirePutAway'), flag('binMandatory'), flag('directedPutAwayAndPick', 'Directed Put-away and Pick'),
        baseCalendarCodeField],
    },
  ],
  schemas: locationSchemas,
  rows: customizedChangesOf('location'),
});

const rounding = { nearest: 'Nearest', up: 'Up', down: 'Down' };

const currencies = codeTable({
  path: 'currencies', title: 'Currencies', resource: '/currencies',
  columns: [column('code', 'Code'), column('description'), column('symbol'), { ...column('amountRoundingPrecision'), align: 'right' }],
  fields: [
    {
      title: 'General',
      fields: [text('description'), text('symbol'), decimal('amountRoundingPrecision'), decimal('unitAmountRoundingPrecision'),
        decimal('invoiceRoundingPrecision'), choice('invoiceRoundingType', rounding), flag('emuCurrency', 'EMU Currency')],
    },
    {
      title: 'Posting',
      fields: [text('realizedGainsAccount', 'Realized Gains Acc.'), text('realizedLossesAccount', 'Realized Losses Acc.'),
        text('unrealizedGainsAccount', 'Unrealized Gains Acc.'), text('unrealizedLossesAccount', 'Unrealized Losses Acc.'),
        decimal('paymentTolerancePercent', 'Payment Tolerance %'), decimal('maxPaymentToleranceAmount', 'Max. Payment Tolerance Amount'),
        decimal('applnRoundingPrecision', 'Appln. Rounding Precision')],
    },
  ],
  newDefaults: { invoiceRoundingType: 'nearest' },
  schemas: currencySchemas,
  rows: (currency) => ({
    title: 'Exchange Rates', noun: 'exchange rate', resource: `/currencies/${encodeKey(String(currency.code))}/exchangeRates`,
    keyOf: (row) => String(row.startingDate), describe: (row) => String(row.startingDate),
    columns: [
      { header: 'Starting Date', field: 'startingDate' }, { header: 'Exchange Rate Amount', field: 'exchangeRateAmount', align: 'right' },
      { header: 'Relational Exch. Rate Amount', field: 'relationalExchangeRateAmount', align: 'right' },
    ],
    newFields: [{ title: 'Exchange Rate', fields: [text('startingDate', 'Starting Date (YYYY-MM-DD)'), decimal('exchangeRateAmount'), decimal('relationalExchangeRateAmount', 'Relational Exch. Rate Amount')] }],
    fields: [{ title: 'Exchange Rate', fields: [decimal('exchangeRateAmount'), decimal('relationalExchangeRateAmount', 'Relational Exch. Rate Amount')] }],
    newDefaults: { exchangeRateAmount: '1' },
    schemas: currencyExchangeRateSchemas,
    hint: 'How many units of this currency (Exchange Rate Amount) make the Relational amount in the local currency, from the starting date on.',
  }),
});

const numberSeries = codeTable({
  path: 'number-series', title: 'No. Series', resource: '/noSeries',
  columns: [column('code', 'Code'), column('description'), column('defaultNos', 'Default Nos.'), column('manualNos', 'Manual Nos.')],
  fields: [{ title: 'General', fields: [text('description'), flag('defaultNos', 'Default Nos.'), flag('manualNos', 'Manual Nos.'), flag('dateOrder'), flag('allowGaps')] }],
  newDefaults: { defaultNos: true },
  schemas: noSeriesSchemas,
  rows: (series) => {
    const lineFields = [text('startingDate', 'Starting Date (YYYY-MM-DD)'), text('startingNo', 'Starting No.'), text('endingNo', 'Ending No.'),
      text('warningNo', 'Warning No.'), text('lastNoUsed', 'Last No. Used'), flag('open')];
    return {
      title: 'No. Series Lines', noun: 'line', resource: `/noSeries/${encodeKey(String(series.code))}/lines`,
      keyOf: (row) => String(row.lineNo), describe: (row) => `${String(row.startingNo)}`,
      columns: [
        { header: 'Starting Date', field: 'startingDate' }, { header: 'Starting No.', field: 'startingNo' }, { header: 'Ending No.', field: 'endingNo' },
        { header: 'Last No. Used', field: 'lastNoUsed' }, { header: 'Increment-by No.', field: 'incrementBy', align: 'right' }, { header: 'Open', field: 'open' },
      ],
      newFields: [{ title: 'Line', fields: lineFields }], fields: [{ title: 'Line', fields: lineFields }],
      newDefaults: { open: true },
      schemas: noSeriesLineSchemas,
    };
  },
});

const glAccounts: SetupTableSpec = {
  kind: 'table', path: 'gl-accounts', title: 'Chart of Accounts', resource: '/glAccounts',
  keyOf: (record) => String(record.no), describe: (record) => `${String(record.no)} ${String(record.name)}`,
  columns: [column('no', 'No.'), column('name'), column('accountType'), column('incomeBalance', 'Income/Balance'), column('directPosting'), column('blocked')],
  fields: [
    {
      title: 'General',
      fields: [text('name'),
        choice('accountType', { posting: 'Posting', heading: 'Heading', total: 'Total', beginTotal: 'Begin-Total', endTotal: 'End-Total' }),
        choice('incomeBalance', { incomeStatement: 'Income Statement', balanceSheet: 'Balance Sheet' }, 'Income/Balance'),
        choice('accountCategory', { '': '', assets: 'Assets', liabilities: 'Liabilities', equity: 'Equity', income: 'Income', costOfGoodsSold: 'Cost of Goods Sold', expense: 'Expense' }),
        choice('debitCredit', { both: 'Both', debit: 'Debit', credit: 'Credit' }, 'Debit/Credit'), flag('directPosting'), flag('blocked')],
    },
    {
      title: 'Posting',
      fields: [choice('genPostingType', { '': '', sale: 'Sale', purchase: 'Purchase' }, 'Gen. Posting Type'),
        codeOf('genBusPostingGroup', '/genBusinessPostingGroups', 'Gen. Bus. Posting Group'), codeOf('genProdPostingGroup', '/genProductPostingGroups', 'Gen. Prod. Posting Group'),
        codeOf('vatBusPostingGroup', '/vatBusinessPostingGroups', 'VAT Bus. Posting Group'), codeOf('vatProdPostingGroup', '/vatProductPostingGroups', 'VAT Prod. Posting Group')],
    },
  ],
  newFields: [],
  newDefaults: { accountType: 'posting', incomeBalance: 'incomeStatement', accountCategory: '', debitCredit: 'both', genPostingType: '', directPosting: true },
  schemas: glAccountSchemas,
};
glAccounts.newFields = withKey(glAccounts.fields, text('no', 'No.'));

const accountFields = (names: readonly string[]): FieldSpec[] => names.map((name) => ({ name, label: captionOf(name), kind: 'record', source: postingAccountLookup as LookupSource<never> }));

const generalPostingSetups: SetupTableSpec = {
  kind: 'table', path: 'general-posting-setup', title: 'General Posting Setup', resource: '/generalPostingSetups',
  keyOf: (record) => String(record.id), describe: (record) => `${String(record.genBusPostingGroup ?? '') || '(blank)'} / ${String(record.genProdPostingGroup)}`,
  columns: [column('genBusPostingGroup', 'Gen. Bus. Posting Group'), column('genProdPostingGroup', 'Gen. Prod. Posting Group'), column('salesAccount'), column('cogsAccount', 'COGS Account')],
  fields: [{ title: 'General', fields: [text('description')] }, { title: 'Accounts', fields: accountFields(generalPostingSetupAccounts) }],
  newFields: [
    {
      title: 'General',
      fields: [codeOf('genBusPostingGroup', '/genBusinessPostingGroups', 'Gen. Bus. Posting Group'), codeOf('genProdPostingGroup', '/genProductPostingGroups', 'Gen. Prod. Posting Group'), text('description')],
    },
    { title: 'Accounts', fields: accountFields(generalPostingSetupAccounts) },
  ],
  schemas: generalPostingSetupSchemas,
};

const vatCalculation = { normal: 'Normal VAT', reverseCharge: 'Reverse Charge VAT', fullVat: 'Full VAT', salesTax: 'Sales Tax' };
const vatFields: FieldSpec[] = [
  text('description'), choice('vatCalculationType', vatCalculation, 'VAT Calculation Type'), decimal('vatPercent', 'VAT %'), text('vatIdentifier', 'VAT Identifier'),
  choice('taxCategory', { S: 'S', Z: 'Z', E: 'E', AE: 'AE', K: 'K', G: 'G', O: 'O', L: 'L', M: 'M' }), text('vatExemptionReasonCode', 'VAT Exemption Reason Code'),
  text('vatExemptionReason', 'VAT Exemption Reason'), flag('adjustForPaymentDiscount'), flag('blocked'),
];

const vatPostingSetups: SetupTableSpec = {
  kind: 'table', path: 'vat-posting-setup', title: 'VAT Posting Setup', resource: '/vatPostingSetups',
  keyOf: (record) => String(record.id), describe: (record) => `${String(record.vatBusPostingGroup ?? '') || '(blank)'} / ${String(record.vatProdPostingGroup ?? '') || '(blank)'}`,
  columns: [column('vatBusPostingGroup', 'VAT Bus. Posting Group'), column('vatProdPostingGroup', 'VAT Prod. Posting Group'), column('vatIdentifier', 'VAT Identifier'),
    { ...column('vatPercent', 'VAT %'), align: 'right' }, column('vatCalculationType', 'VAT Calculation Type')],
  fields: [{ title: 'General', fields: vatFields }, { title: 'Accounts', fields: accountFields(vatPostingSetupAccounts) }],
  newFields: [
    {
      title: 'General',
      fields: [codeOf('vatBusPostingGroup', '/vatBusinessPostingGroups', 'VAT Bus. Posting Group'), codeOf('vatProdPostingGroup', '/vatProductPostingGroups', 'VAT Prod. Posting Group'), ...vatFields],
    },
    { title: 'Accounts', fields: accountFields(vatPostingSetupAccounts) },
  ],
  newDefaults: { vatCalculationType: 'normal', taxCategory: 'S' },
  schemas: vatPostingSetupSchemas,
};

const inventoryPostingSetups: SetupTableSpec = {
  kind: 'table', path: 'inventory-posting-setup', title: 'Inventory Posting Setup', resource: '/inventoryPostingSetups',
  keyOf: (record) => String(record.id), describe: (record) => `${String(record.locationCode ?? '') || '(blank)'} / ${String(record.inventoryPostingGroup)}`,
  columns: [column('locationCode', 'Location Code'), column('inventoryPostingGroup', 'Invt. Posting Group Code'), column('inventoryAccount'), column('inventoryAccountInterim', 'Inventory Account (Interim)')],
  fields: [{ title: 'General', fields: [text('description')] }, { title: 'Accounts', fields: accountFields(inventoryPostingSetupAccounts) }],
  newFields: [
    { title: 'General', fields: [codeOf('locationCode', '/locations', 'Location Code'), codeOf('inventoryPostingGroup', '/inventoryPostingGroups', 'Invt. Posting Group Code'), text('description')] },
    { title: 'Accounts', fields: accountFields(inventoryPostingSetupAccounts) },
  ],
  schemas: inventoryPostingSetupSchemas,
};

// Sales prices and line discounts of every item, as BC's Sales Prices and Sales Line Discounts pages (the item card shows one item's).
const agreementWindowFields: FieldSpec[] = [
  text('startingDate'), text('endingDate'), text('currencyCode'), text('unitOfMeasureCode', 'Unit of Measure Code'), decimal('minimumQuantity'),
];
const salesPriceTypes = { customer: 'Customer', customerPriceGroup: 'Customer Price Group', allCustomers: 'All Customers', campaign: 'Campaign' };
const salesPriceFields: FieldSpec[] = [...agreementWindowFields, decimal('unitPrice'), flag('priceIncludesVat', 'Price Includes VAT'), flag('allowInvoiceDiscount'), flag('allowLineDiscount')];

const salesPrices: SetupTableSpec = {
  kind: 'table', path: 'sales-prices', title: 'Sales Prices', resource: '/salesPrices',
  keyOf: (record) => String(record.id), describe: (record) => `${String(record.itemNo)} ${String(record.salesType)} ${String(record.salesCode ?? '')}`.trim(),
  columns: [column('itemNo', 'Item No.'), column('salesType'), column('salesCode'), column('startingDate'), column('minimumQuantity'), { ...column('unitPrice'), align: 'right' }],
  fields: [{ title: 'General', fields: salesPriceFields }],
  newFields: [{ title: 'General', fields: [{ name: 'itemNo', label: 'Item No.', kind: 'record', source: lineNoLookups.item as LookupSource<never> }, choice('salesType', salesPriceTypes), text('salesCode'), ...salesPriceFields] }],
  newDefaults: { salesType: 'allCustomers', allowInvoiceDiscount: true, allowLineDiscount: true },
  schemas: salesPriceSchemas,
};

const lineDiscountTypes = { item: 'Item', itemDiscountGroup: 'Item Discount Group' };
const lineDiscountSalesTypes = { customer: 'Customer', customerDiscountGroup: 'Customer Discount Group', allCustomers: 'All Customers', campaign: 'Campaign' };

const salesLineDiscounts: SetupTableSpec = {
  kind: 'table', path: 'sales-line-discounts', title: 'Sales Line Discounts', resource: '/salesLineDiscounts',
  keyOf: (record) => String(record.id), describe: (record) => `${String(record.code)} ${String(record.salesType)} ${String(record.salesCode ?? '')}`.trim(),
  columns: [column('type'), column('code', 'Code'), column('salesType'), column('salesCode'), column('startingDate'), { ...column('lineDiscountPercent', 'Line Discount %'), align: 'right' }],
  fields: [{ title: 'General', fields: [...agreementWindowFields, decimal('lineDiscountPercent', 'Line Discount %')] }],
  newFields: [{
    title: 'General',
    fields: [choice('type', lineDiscountTypes), text('code', 'Code'), choice('salesType', lineDiscountSalesTypes), text('salesCode'), ...agreementWindowFields, decimal('lineDiscountPercent', 'Line Discount %')],
  }],
  newDefaults: { type: 'item', salesType: 'allCustomers' },
  schemas: salesLineDiscountSchemas,
};

const customerPriceGroups = codeTable({
  path: 'customer-price-groups', title: 'Customer Price Groups', resource: '/customerPriceGroups',
  columns: [column('code', 'Code'), column('description'), column('priceIncludesVat', 'Price Includes VAT'), column('allowInvoiceDiscount'), column('allowLineDiscount')],
  fields: [{ title: 'General', fields: [text('description'), flag('priceIncludesVat', 'Price Includes VAT'), codeOf('vatBusPostingGroup', '/vatBusinessPostingGroups', 'VAT Bus. Posting Gr. (Price)'), flag('allowInvoiceDiscount'), flag('allowLineDiscount')] }],
  schemas: customerPriceGroupSchemas,
});

const roleCaptions = { admin: 'Administrator', salesManager: 'Sales Manager', salesClerk: 'Sales Clerk', accountant: 'Accountant', viewer: 'Viewer' };

const users: SetupTableSpec = {
  kind: 'table', path: 'users', title: 'Users', resource: '/users',
  keyOf: (record) => String(record.username), describe: (record) => String(record.username),
  columns: [column('username', 'User Name'), column('fullName'), column('email'), column('role'), column('blocked')],
  fields: [{ title: 'General', fields: [text('fullName'), text('email'), choice('role', roleCaptions), flag('blocked'), text('password', 'New Password')] }],
  newFields: [{ title: 'General', fields: [text('username', 'User Name'), text('fullName'), text('email'), choice('role', roleCaptions), text('password'), flag('blocked')] }],
  newDefaults: { role: 'salesClerk' },
  schemas: userSchemas,
};

const discountPosting = { noDiscounts: 'No Discounts', invoiceDiscounts: 'Invoice Discounts', lineDiscounts: 'Line Discounts', allDiscounts: 'All Discounts' };
const series = (name: string, label: string) => codeOf(name, '/noSeries', label);

const salesReceivablesSetup: SetupSingletonSpec = {
  kind: 'singleton', path: 'sales-receivables-setup', title: 'Sales & Receivables Setup', resource: '/salesReceivablesSetup',
  schema: salesReceivablesSetupUpdate,
  fields: [
    {
      title: 'General',
      fields: [
        choice('discountPosting', discountPosting),
        choice('creditWarnings', { bothWarnings: 'Both Warnings', creditLimit: 'Credit Limit', overdueBalance: 'Overdue Balance', noWarning: 'No Warning' }),
        flag('stockoutWarning'), flag('shipmentOnInvoice'), flag('returnReceiptOnCreditMemo', 'Return Receipt on Credit Memo'), flag('invoiceRounding'),
        flag('externalDocumentNoMandatory', 'Ext. Doc. No. Mandatory'), choice('defaultPostingDate', { workDate: 'Work Date', noDate: 'No Date' }),
        choice('defaultQuantityToShip', { remainder: 'Remainder', blank: 'Blank' }, 'Default Quantity to Ship'), flag('calculateInvoiceDiscount', 'Calc. Inv. Discount'),
        flag('calculateInvoiceDiscountPerVatId', 'Calc. Inv. Disc. per VAT ID'), flag('exactCostReversingMandatory'), flag('checkPrepaymentWhenPosting'),
        choice('archiveQuotes', { never: 'Never', question: 'Question', always: 'Always' }), flag('archiveOrders'), text('quoteValidityCalculation'),
        flag('linkDocumentDateToPostingDate', 'Link Doc. Date to Posting Date'), flag('allowVatDifference', 'Allow VAT Difference'),
        choice('applicationBetweenCurrencies', { none: 'None', emu: 'EMU', all: 'All' }, 'Appln. between Currencies'),
      ],
    },
    {
      title: 'Comments',
      fields: [flag('copyCommentsBlanketToOrder', 'Copy Comments Blanket to Order'), flag('copyCommentsOrderToInvoice', 'Copy Comments Order to Invoice'),
        flag('copyCommentsOrderToShipment', 'Copy Comments Order to Shipment'), flag('copyCommentsReturnOrderToReturnReceipt', 'Copy Cmts Ret.Ord. to Ret.Rcpt'),
        flag('copyCommentsReturnOrderToCreditMemo', 'Copy Cmts Ret.Ord. to Cr. Memo')],
    },
    {
      title: 'Number Series',
      fields: [series('customerNos', 'Customer Nos.'), series('quoteNos', 'Quote Nos.'), series('blanketOrderNos', 'Blanket Order Nos.'), series('orderNos', 'Order Nos.'),
        series('invoiceNos', 'Invoice Nos.'), series('creditMemoNos', 'Credit Memo Nos.'), series('returnOrderNos', 'Return Order Nos.'),
        series('postedInvoiceNos', 'Posted Invoice Nos.'), series('postedCreditMemoNos', 'Posted Credit Memo Nos.'), series('postedShipmentNos', 'Posted Shipment Nos.'),
        series('postedReturnReceiptNos', 'Posted Return Receipt Nos.'), series('postedPrepaymentInvoiceNos', 'Posted Prepmt. Inv. Nos.'),
        series('postedPrepaymentCreditMemoNos', 'Posted Prepmt. Cr. Memo Nos.'), series('reminderNos', 'Reminder Nos.'), series('financeChargeMemoNos', 'Fin. Chrg. Memo Nos.')],
    },
  ],
};

/** In the order the navigation lists them. */
export const setupPageList: readonly SetupPageSpec[] = [
  salesReceivablesSetup, numberSeries, paymentTerms, paymentMethods, shipmentMethods, shippingAgents, locations, baseCalendars, orderPromisingSetup, currencies,
  glAccounts, generalPostingSetups, vatPostingSetups, inventorySetup, inventoryPostingSetups, salesPrices, salesLineDiscounts, customerPriceGroups, users,
];

export function setupPageOf(path: string | undefined): SetupPageSpec | undefined {
  return setupPageList.find((spec) => spec.path === path);
}

export const setupPagePath = (spec: SetupPageSpec) => `/setup/${spec.path}`;
