/**
 * The demo company: a Dutch trader in office furniture and supplies, loaded into an empty database.
 * Plain data, written exactly as a client would send it to the API. demo-company.ts loads the steps
 * in order through the generic master-data commands, so every record is validated as the API does.
 *
 * A step names a resource (or a setup singleton) of server/master-data/registry.ts. A record may hold
 * the records nested under it, in a field named after the nested resource (`lines` under a number
 * series, `exchangeRates` under a currency, `shipToAddresses` under a customer, `unitsOfMeasure`
 * under an item); they are created with the new record as their parent.
 *
 * Customers, vendors and items are numbered by their number series, in the order listed here: the
 * first customer is C00010, the second C00020 and so on; items are 1000, 1010 …; vendors V00010 ….
 */

export type DemoRecord = { readonly [field: string]: unknown };
export type DemoStep = readonly [resource: string, data: DemoRecord | readonly DemoRecord[]];

// ------------------------------------------------------------------------------------ number series

const series = (code: string, description: string, startingNo: string, options: DemoRecord = {}, incrementBy = 1): DemoRecord => ({
  code, description, manualNos: false, ...options, lines: [{ startingDate: null, startingNo, incrementBy }],
});

const numberSeries: DemoRecord[] = [
  series('CUST', 'Customers', 'C00010', { manualNos: true }, 10),
  series('ITEM', 'Items', '1000', { manualNos: true }, 10),
  series('VEND', 'Vendors', 'V00010', { manualNos: true }, 10),
  series('S-QUO', 'Sales quotes', 'SQ000001'),
  series('S-ORD', 'Sales orders', 'SO000001'),
  series('S-INV', 'Sales invoices', 'SI000001'),
  series('S-CR', 'Sales credit memos', 'SCM000001'),
  series('S-RO', 'Sales return orders', 'SRO000001'),
  series('S-BLK', 'Blanket sales orders', 'SBO000001'),
  series('PS-INV', 'Posted sales invoices', 'PSI000001', { dateOrder: true }),
  series('PS-CR', 'Posted sales credit memos', 'PSCM000001', { dateOrder: true }),
  series('PS-SHPT', 'Posted sales shipments', 'PSS000001'),
  series('PS-RCPT', 'Posted return receipts', 'PRR000001'),
  series('PS-PPI', 'Posted prepayment invoices', 'PSP000001', { dateOrder: true }),
  series('PS-PPCM', 'Posted prepayment credit memos', 'PSPC000001', { dateOrder: true }),
  series('P-QUO', 'Purchase quotes', 'PQ000001'),
  series('P-ORD', 'Purchase orders', 'PO000001'),
  series('P-INV', 'Purchase invoices', 'PI000001'),
  series('P-CR', 'Purchase credit memos', 'PCM000001'),
  series('P-RO', 'Purchase return orders', 'PRO000001'),
  series('PP-INV', 'Posted purchase invoices', 'PPI000001', { dateOrder: true }),
  series('PP-CR', 'Posted purchase credit memos', 'PPCM000001', { dateOrder: true }),
  series('PP-RCPT', 'Posted purchase receipts', 'PPR000001'),
  series('PP-RSHPT', 'Posted return shipments', 'PRS000001'),
  series('A-QUO', 'Assembly quotes', 'AQ000001'),
  series('A-ORD', 'Assembly orders', 'AO000001'),
  series('A-BLK', 'Blanket assembly orders', 'ABO000001'),
  series('PA-ORD', 'Posted assembly orders', 'PAO000001'),
  // Journal batches number their documents (BC's GJNL-GEN and GJNL-RCPT); drawn when the batch posts.
  series('GJNL-GEN', 'General journal', 'G00001'),
  series('GJNL-RCPT', 'Cash receipts journal', 'G02001'),
];

// -------------------------------------------------------------------------------------------- setup

const salesReceivablesSetup: DemoRecord = {
  customerNos: 'CUST', quoteNos: 'S-QUO', orderNos: 'S-ORD', invoiceNos: 'S-INV', creditMemoNos: 'S-CR',
  returnOrderNos: 'S-RO', blanketOrderNos: 'S-BLK', postedInvoiceNos: 'PS-INV', postedCreditMemoNos: 'PS-CR',
  postedShipmentNos: 'PS-SHPT', postedReturnReceiptNos: 'PS-RCPT', postedPrepaymentInvoiceNos: 'PS-PPI', postedPrepaymentCreditMemoNos: 'PS-PPCM',
  creditWarnings: 'bothWarnings', stockoutWarning: true, defaultQuantityToShip: 'remainder',
  quoteValidityCalculation: '30D', discountPosting: 'allDiscounts', calculateInvoiceDiscount: true,
};

const companyInformation: DemoRecord = {
  name: 'Ledgerline Demo B.V.',
  address: 'Keizersgracht 482', city: 'Amsterdam', postCode: '1017 EG', countryRegionCode: 'NL',
  phoneNo: '+31 20 624 1800', email: 'info@ledgerline-demo.nl', homePage: 'https://www.ledgerline-demo.nl',
  vatRegistrationNo: 'NL859637426B01', registrationNo: '81234567',
  // Peppol endpoint (issue 17): the KvK number under scheme 0106.
  electronicAddress: '81234567', electronicAddressScheme: '0106',
  bankName: 'ING Bank N.V.', iban: 'NL85INGB0006541237', swiftCode: 'INGBNL2A',
};

const generalLedgerSetup: DemoRecord = {
  lcyCode: 'EUR', amountRoundingPrecision: '0.01', unitAmountRoundingPrecision: '0.00001',
  invoiceRoundingPrecisionLcy: '0.01', invoiceRoundingType: 'nearest',
};

// ---------------------------------------------------------------------------------- posting groups

const vatBusinessPostingGroups: DemoRecord[] = [
  { code: 'DOMESTIC', description: 'Domestic customers and vendors (Binnenland)' },
  { code: 'EU', description: 'Customers and vendors in other EU countries (Intracommunautair)' },
  { code: 'EXPORT', description: 'Customers and vendors outside the EU (Buiten de EU)' },
];

const vatProductPostingGroups: DemoRecord[] = [
  { code: 'HIGH', description: 'Standard VAT rate 21% (Btw hoog)' },
  { code: 'LOW', description: 'Reduced VAT rate 9% (Btw laag)' },
  { code: 'ZERO', description: 'Zero VAT rate 0% (Btw 0%)' },
];

const genBusinessPostingGroups: DemoRecord[] = [
  { code: 'DOMESTIC', description: 'Domestic customers and vendors', defaultVatBusPostingGroup: 'DOMESTIC' },
  { code: 'EU', description: 'Customers and vendors in other EU countries', defaultVatBusPostingGroup: 'EU' },
  { code: 'EXPORT', description: 'Customers and vendors outside the EU', defaultVatBusPostingGroup: 'EXPORT' },
];

const genProductPostingGroups: DemoRecord[] = [
  { code: 'RETAIL', description: 'Trade goods: furniture and office supplies', defaultVatProdPostingGroup: 'HIGH' },
  { code: 'SERVICES', description: 'Services: assembly and installation', defaultVatProdPostingGroup: 'HIGH' },
  { code: 'FREIGHT', description: 'Freight and delivery charges', defaultVatProdPostingGroup: 'HIGH' },
];

const inventoryPostingGroups: DemoRecord[] = [
  { code: 'RESALE', description: 'Trade goods for resale (Handelsgoederen)' },
];

// ------------------------------------------------------------------------------ chart of accounts

/*
 * After the Dutch Referentie Grootboekschema (RGS) and the classic decimal layout:
 * 0 fixed assets, equity and long-term liabilities; 1 liquid assets, receivables, payables and VAT;
 * 3 inventory; 4 operating expenses; 7 cost of sales; 8 revenue; 9 financial and other results.
 */
const heading = (no: string, name: string, incomeBalance: string, accountCategory: string): DemoRecord => ({
  no, name, accountType: 'heading', incomeBalance, accountCategory, directPosting: false,
});
const balance = (no: string, name: string, accountCategory: string, options: DemoRecord = {}): DemoRecord => ({
  no, name, accountType: 'posting', incomeBalance: 'balanceSheet', accountCategory, ...options,
});
const income = (no: string, name: string, accountCategory: string, options: DemoRecord = {}): DemoRecord => ({
  no, name, accountType: 'posting', incomeBalance: 'incomeStatement', accountCategory, ...options,
});
/** Control accounts are posted to only through their subledger. */
const control = { directPosting: false };
const sale = (genProdPostingGroup: string): DemoRecord => ({ genPostingType: 'sale', genProdPostingGroup, vatProdPostingGroup: 'HIGH' });

const glAccounts: DemoRecord[] = [
  heading('0000', 'FIXED ASSETS (Vaste activa)', 'balanceSheet', 'assets'),
  balance('0100', 'Office furniture and equipment (Inventaris)', 'assets'),
  balance('0110', 'Accumulated depreciation equipment (Afschrijving inventaris)', 'assets'),
  heading('0500', 'EQUITY (Eigen vermogen)', 'balanceSheet', 'equity'),
  balance('0510', 'Share capital (Geplaatst aandelenkapitaal)', 'equity'),
  balance('0520', 'Retained earnings (Overige reserves)', 'equity'),

  heading('1000', 'LIQUID ASSETS (Liquide middelen)', 'balanceSheet', 'assets'),
  balance('1010', 'Cash (Kas)', 'assets'),
  balance('1020', 'Bank ING current account (Bank)', 'assets'),
  balance('1030', 'Bank ING US dollar account (Bank USD)', 'assets'),
  balance('1090', 'Cash in transit (Kruisposten)', 'assets'),
  heading('1100', 'RECEIVABLES (Vorderingen)', 'balanceSheet', 'assets'),
  balance('1110', 'Trade receivables domestic (Debiteuren binnenland)', 'assets', control),
  balance('1120', 'Trade receivables EU (Debiteuren EU)', 'assets', control),
  balance('1130', 'Trade receivables non-EU (Debiteuren buiten de EU)', 'assets', control),
  heading('1400', 'CURRENT LIABILITIES (Kortlopende schulden)', 'balanceSheet', 'liabilities'),
  balance('1410', 'Trade payables domestic (Crediteuren binnenland)', 'liabilities', control),
  balance('1420', 'Trade payables EU (Crediteuren EU)', 'liabilities', control),
  balance('1430', 'Trade payables non-EU (Crediteuren buiten de EU)', 'liabilities', control),
  balance('1480', 'Goods received not invoiced (Te ontvangen facturen)', 'liabilities'),
  balance('1490', 'Accrued expenses (Nog te betalen kosten)', 'liabilities'),
  // Spec §26.1: prepayments invoiced and not yet deducted; the account's groups give the prepayment VAT.
  balance('1495', 'Customer prepayments (Vooruitontvangen bedragen)', 'liabilities', { genProdPostingGroup: 'RETAIL', vatProdPostingGroup: 'HIGH' }),
  heading('1500', 'VALUE ADDED TAX (Omzetbelasting)', 'balanceSheet', 'liabilities'),
  balance('1510', 'VAT payable high rate 21% (Af te dragen btw hoog)', 'liabilities'),
  balance('1520', 'VAT payable low rate 9% (Af te dragen btw laag)', 'liabilities'),
  balance('1530', 'VAT payable reverse charge (Af te dragen btw verlegd)', 'liabilities'),
  balance('1540', 'Input VAT (Voorbelasting)', 'liabilities'),
  balance('1560', 'VAT settlement (Btw-afdracht)', 'liabilities'),

  heading('3000', 'INVENTORY (Voorraden)', 'balanceSheet', 'assets'),
  balance('3010', 'Inventory trade goods (Voorraad handelsgoederen)', 'assets', control),
  balance('3020', 'Inventory interim (Voorraad interim)', 'assets', control),

  heading('4000', 'OPERATING EXPENSES (Bedrijfskosten)', 'incomeStatement', 'expense'),
  income('4010', 'Salaries and wages (Lonen en salarissen)', 'expense'),
  income('4100', 'Rent of premises (Huur bedrijfsruimte)', 'expense'),
  income('4200', 'Advertising (Reclamekosten)', 'expense'),
  income('4210', 'Outbound freight (Vrachtkosten verkoop)', 'expense'),
  income('4300', 'Office expenses (Kantoorkosten)', 'expense'),
  income('4500', 'Depreciation (Afschrijvingskosten)', 'expense'),
  income('4600', 'Bank charges (Bankkosten)', 'expense'),
  income('4900', 'Other general expenses (Algemene kosten)', 'expense'),

  heading('7000', 'COST OF SALES (Kostprijs van de omzet)', 'incomeStatement', 'costOfGoodsSold'),
  income('7010', 'Cost of goods sold (Inkoopwaarde van de omzet)', 'costOfGoodsSold'),
  income('7020', 'Cost of services and freight (Kostprijs diensten en vracht)', 'costOfGoodsSold'),
  income('7030', 'Cost of goods sold interim (Kostprijs omzet interim)', 'costOfGoodsSold'),
  income('7040', 'Inventory adjustments (Voorraadverschillen)', 'costOfGoodsSold'),
  income('7050', 'Direct cost applied (Toegerekende inkoopkosten)', 'costOfGoodsSold'),
  income('7060', 'Purchases (Inkopen)', 'costOfGoodsSold'),
  income('7070', 'Purchase variance (Inkoopprijsverschillen)', 'costOfGoodsSold'),
  income('7080', 'Purchase discounts (Inkoopkortingen)', 'costOfGoodsSold'),

  heading('8000', 'REVENUE (Netto-omzet)', 'incomeStatement', 'income'),
  income('8010', 'Revenue goods domestic (Omzet handelsgoederen binnenland)', 'income', sale('RETAIL')),
  income('8020', 'Revenue goods EU (Omzet handelsgoederen EU)', 'income', sale('RETAIL')),
  income('8030', 'Revenue goods export (Omzet handelsgoederen buiten de EU)', 'income', sale('RETAIL')),
  income('8040', 'Revenue services domestic (Omzet diensten binnenland)', 'income', sale('SERVICES')),
  income('8045', 'Revenue services abroad (Omzet diensten buitenland)', 'income', sale('SERVICES')),
  income('8050', 'Freight charged to customers (Doorberekende vrachtkosten)', 'income', sale('FREIGHT')),
  heading('8100', 'SALES DISCOUNTS (Kortingen op de omzet)', 'incomeStatement', 'income'),
  income('8110', 'Line discounts granted (Verleende regelkortingen)', 'income'),
  income('8120', 'Invoice discounts granted (Verleende factuurkortingen)', 'income'),
  income('8130', 'Payment discounts granted (Verleende betalingskortingen)', 'income'),

  heading('9000', 'FINANCIAL AND OTHER RESULTS (Financiële en overige resultaten)', 'incomeStatement', ''),
  income('9020', 'Interest expense (Rentelasten)', 'expense'),
  income('9050', 'Reminder and service charges (Aanmaan- en administratiekosten)', 'income'),
  income('9100', 'Realized exchange gains (Gerealiseerde koerswinsten)', 'income'),
  income('9110', 'Realized exchange losses (Gerealiseerde koersverliezen)', 'expense'),
  income('9120', 'Unrealized exchange gains (Ongerealiseerde koerswinsten)', 'income'),
  income('9130', 'Unrealized exchange losses (Ongerealiseerde koersverliezen)', 'expense'),
  income('9300', 'Payment tolerance (Betalingsverschillen)', 'expense'),
  income('9310', 'Invoice rounding (Afrondingsverschillen)', 'expense'),
  income('9320', 'Currency application rounding (Afrondingsverschillen valuta)', 'expense'),
];

// --------------------------------------------------------------------------------- posting setups

const customerPostingAccounts = {
  serviceChargeAccount: '9050',
  paymentDiscountDebitAccount: '8130', paymentDiscountCreditAccount: '8130',
  invoiceRoundingAccount: '9310',
  paymentToleranceDebitAccount: '9300', paymentToleranceCreditAccount: '9300',
  debitCurrencyApplicationRoundingAccount: '9320', creditCurrencyApplicationRoundingAccount: '9320',
  // Correction of Remaining Amount of entries in a currency (BC's Debit/Credit Rounding Account).
  debitRoundingAccount: '9320', creditRoundingAccount: '9320',
};

const customerPostingGroups: DemoRecord[] = [
  { code: 'DOMESTIC', description: 'Domestic customers', receivablesAccount: '1110', ...customerPostingAccounts },
  { code: 'EU', description: 'Customers in other EU countries', receivablesAccount: '1120', ...customerPostingAccounts },
  { code: 'FOREIGN', description: 'Customers outside the EU', receivablesAccount: '1130', ...customerPostingAccounts },
];

// Payment discount received is a purchase discount (7080); tolerance and rounding as for customers.
const vendorPostingAccounts = {
  ...customerPostingAccounts, serviceChargeAccount: '7060', paymentDiscountDebitAccount: '7080', paymentDiscountCreditAccount: '7080',
};

const vendorPostingGroups: DemoRecord[] = [
  { code: 'DOMESTIC', description: 'Domestic vendors', payablesAccount: '1410', ...vendorPostingAccounts },
  { code: 'EU', description: 'Vendors in other EU countries', payablesAccount: '1420', ...vendorPostingAccounts },
  { code: 'FOREIGN', description: 'Vendors outside the EU', payablesAccount: '1430', ...vendorPostingAccounts },
];

/** Purchases post to 7060, their discounts to 7080, for every business group. */
const purchases = {
  purchaseAccount: '7060', purchaseCreditMemoAccount: '7060', purchaseLineDiscountAccount: '7080', purchaseInvoiceDiscountAccount: '7080',
  purchasePaymentDiscountDebitAccount: '7080', purchasePaymentDiscountCreditAccount: '7080', purchaseVarianceAccount: '7070',
};
/** The inventory side, the same for every business group (and the blank one, for adjustments). */
const received = { directCostAppliedAccount: '7050', inventoryAccrualAccountInterim: '1480' };
const goodsCost = { cogsAccount: '7010', cogsAccountInterim: '7030', inventoryAdjustmentAccount: '7040', ...received, ...purchases };
const serviceCost = { cogsAccount: '7020', cogsAccountInterim: '7030', inventoryAdjustmentAccount: '7040', ...received, ...purchases };
const discounts = {
  salesLineDiscountAccount: '8110', salesInvoiceDiscountAccount: '8120',
  salesPaymentDiscountDebitAccount: '8130', salesPaymentDiscountCreditAccount: '8130',
  salesPaymentToleranceDebitAccount: '9300', salesPaymentToleranceCreditAccount: '9300',
};
const revenue = (account: string) => ({ salesAccount: account, salesCreditMemoAccount: account, ...discounts });

const generalPostingSetups: DemoRecord[] = [
  { genBusPostingGroup: 'DOMESTIC', genProdPostingGroup: 'RETAIL', description: 'Goods, domestic', ...revenue('8010'), ...goodsCost, salesPrepaymentsAccount: '1495' },
  { genBusPostingGroup: 'DOMESTIC', genProdPostingGroup: 'SERVICES', description: 'Services, domestic', ...revenue('8040'), ...serviceCost, salesPrepaymentsAccount: '1495' },
  { genBusPostingGroup: 'DOMESTIC', genProdPostingGroup: 'FREIGHT', description: 'Freight, domestic', ...revenue('8050'), ...serviceCost },
  { genBusPostingGroup: 'EU', genProdPostingGroup: 'RETAIL', description: 'Goods, EU', ...revenue('8020'), ...goodsCost },
  { genBusPostingGroup: 'EU', genProdPostingGroup: 'SERVICES', description: 'Services, EU', ...revenue('8045'), ...serviceCost },
  { genBusPostingGroup: 'EU', genProdPostingGroup: 'FREIGHT', description: 'Freight, EU', ...revenue('8050'), ...serviceCost },
  { genBusPostingGroup: 'EXPORT', genProdPostingGroup: 'RETAIL', description: 'Goods, export', ...revenue('8030'), ...goodsCost },
  { genBusPostingGroup: 'EXPORT', genProdPostingGroup: 'SERVICES', description: 'Services, export', ...revenue('8045'), ...serviceCost },
  { genBusPostingGroup: 'EXPORT', genProdPostingGroup: 'FREIGHT', description: 'Freight, export', ...revenue('8050'), ...serviceCost },
  { genProdPostingGroup: 'RETAIL', description: 'Goods, inventory adjustments', ...goodsCost },
  { genProdPostingGroup: 'SERVICES', description: 'Services, without business group', ...serviceCost },
  { genProdPostingGroup: 'FREIGHT', description: 'Freight, without business group', ...serviceCost },
];

/** Sales VAT by rate; input VAT always on 1540, and self-assessed EU VAT on 1530. */
const vatAccounts = {
  HIGH: { salesVatAccount: '1510', purchaseVatAccount: '1540' },
  LOW: { salesVatAccount: '1520', purchaseVatAccount: '1540' },
  ZERO: { salesVatAccount: '1510', purchaseVatAccount: '1540' },
};
const domesticVat = { vatBusPostingGroup: 'DOMESTIC', vatCalculationType: 'normal' };
/**
 * Intra-community supplies: reverse charge. As in Business Central the row carries the real rate, which
 * purchases self-assess; a sale under reverse charge charges the customer no VAT whatever the rate.
 */
const euVat = {
  vatBusPostingGroup: 'EU', description: 'Intra-community supply, reverse charge', vatCalculationType: 'reverseCharge',
  taxCategory: 'K', reverseChargeVatAccount: '1530',
};
const exportVat = {
  vatBusPostingGroup: 'EXPORT', description: 'Export outside the EU, 0%', vatCalculationType: 'normal',
  vatPercent: '0', vatIdentifier: 'EXP0', taxCategory: 'G',
};

const vatPostingSetups: DemoRecord[] = [
  { ...domesticVat, vatProdPostingGroup: 'HIGH', description: 'Domestic, 21%', vatPercent: '21', vatIdentifier: 'VAT21', taxCategory: 'S', ...vatAccounts.HIGH },
  { ...domesticVat, vatProdPostingGroup: 'LOW', description: 'Domestic, 9%', vatPercent: '9', vatIdentifier: 'VAT9', taxCategory: 'S', ...vatAccounts.LOW },
  { ...domesticVat, vatProdPostingGroup: 'ZERO', description: 'Domestic, 0%', vatPercent: '0', vatIdentifier: 'VAT0', taxCategory: 'Z', ...vatAccounts.ZERO },
  { ...euVat, vatProdPostingGroup: 'HIGH', vatPercent: '21', vatIdentifier: 'EU21', ...vatAccounts.HIGH },
  { ...euVat, vatProdPostingGroup: 'LOW', vatPercent: '9', vatIdentifier: 'EU9', ...vatAccounts.LOW },
  { ...euVat, vatProdPostingGroup: 'ZERO', vatPercent: '0', vatIdentifier: 'EU0', ...vatAccounts.ZERO },
  { ...exportVat, vatProdPostingGroup: 'HIGH', ...vatAccounts.HIGH },
  { ...exportVat, vatProdPostingGroup: 'LOW', ...vatAccounts.LOW },
  { ...exportVat, vatProdPostingGroup: 'ZERO', ...vatAccounts.ZERO },
];

const locations: DemoRecord[] = [
  {
    code: 'MAIN', name: 'Amsterdam warehouse', address: 'Cornelis Douwesweg 20', city: 'Amsterdam', postCode: '1032 EX',
    countryRegionCode: 'NL', phoneNo: '+31 20 624 1850', email: 'magazijn@ledgerline-demo.nl', contact: 'Kees Hoekstra',
    outboundWarehouseHandlingTime: '1D', inboundWarehouseHandlingTime: '1D',
  },
  {
    code: 'ROTTERDAM', name: 'Rotterdam distribution centre', address: 'Waalhaven Zuidzijde 19', city: 'Rotterdam', postCode: '3089 JH',
    countryRegionCode: 'NL', phoneNo: '+31 10 428 7300', email: 'rotterdam@ledgerline-demo.nl', contact: 'Fatima Ouali',
    outboundWarehouseHandlingTime: '1D', inboundWarehouseHandlingTime: '2D',
  },
];

const inventoryAccounts = { inventoryAccount: '3010', inventoryAccountInterim: '3020' };

const inventoryPostingSetups: DemoRecord[] = [
  { inventoryPostingGroup: 'RESALE', description: 'Trade goods, no location', ...inventoryAccounts },
  { locationCode: 'MAIN', inventoryPostingGroup: 'RESALE', description: 'Trade goods, Amsterdam', ...inventoryAccounts },
  { locationCode: 'ROTTERDAM', inventoryPostingGroup: 'RESALE', description: 'Trade goods, Rotterdam', ...inventoryAccounts },
];

// ------------------------------------------------------------------------------- logistics and terms

const unitsOfMeasure: DemoRecord[] = [
  { code: 'PCS', description: 'Piece (Stuk)', internationalStandardCode: 'C62' },
  { code: 'BOX', description: 'Box (Doos)', internationalStandardCode: 'XBX' },
  { code: 'KG', description: 'Kilogram', internationalStandardCode: 'KGM' },
  { code: 'HOUR', description: 'Hour (Uur)', internationalStandardCode: 'HUR' },
  { code: 'PALLET', description: 'Pallet', internationalStandardCode: 'XPX' },
  { code: 'SET', description: 'Set', internationalStandardCode: 'SET' },
];

const paymentTerms: DemoRecord[] = [
  { code: '14D', description: 'Net 14 days (14 dagen netto)', dueDateCalculation: '14D' },
  { code: '30D', description: 'Net 30 days (30 dagen netto)', dueDateCalculation: '30D' },
  { code: '60D', description: 'Net 60 days (60 dagen netto)', dueDateCalculation: '60D' },
  {
    code: '1M(8D)', description: '1 month net, 2% discount within 8 days (2% korting binnen 8 dagen)',
    dueDateCalculation: '1M', discountDateCalculation: '8D', discountPercent: '2',
  },
  { code: 'CM', description: 'End of current month (Einde lopende maand)', dueDateCalculation: 'CM' },
  { code: 'COD', description: 'Cash on delivery (Contant bij levering)', dueDateCalculation: '0D' },
];

const paymentMethods: DemoRecord[] = [
  { code: 'BANK', description: 'Bank transfer (Overboeking)' },
  { code: 'CASH', description: 'Cash payment (Contant)', balancingAccountType: 'glAccount', balancingAccountNo: '1010' },
  { code: 'IDEAL', description: 'iDEAL online payment' },
  { code: 'DIRDEBIT', description: 'SEPA direct debit (Automatische incasso)', directDebit: true },
];

const shipmentMethods: DemoRecord[] = [
  { code: 'EXW', description: 'Ex Works (Incoterms 2020)' },
  { code: 'DAP', description: 'Delivered at Place (Incoterms 2020)' },
  { code: 'DDP', description: 'Delivered Duty Paid (Incoterms 2020)' },
  { code: 'PICKUP', description: 'Collected by the customer at our warehouse (Afhalen)' },
];

const shippingAgents: DemoRecord[] = [
  { code: 'POSTNL', name: 'PostNL', internetAddress: 'https://www.postnl.nl' },
  { code: 'DHL', name: 'DHL Parcel', internetAddress: 'https://www.dhl.com/nl-en' },
  { code: 'DPD', name: 'DPD Nederland', internetAddress: 'https://www.dpd.com/nl' },
];

const exchangeRateAccounts = {
  realizedGainsAccount: '9100', realizedLossesAccount: '9110', unrealizedGainsAccount: '9120', unrealizedLossesAccount: '9130',
};

/** EUR is the local currency (General Ledger Setup), so it has no currency record. */
const currencies: DemoRecord[] = [
  {
    code: 'USD', description: 'US dollar', symbol: '$', amountRoundingPrecision: '0.01', unitAmountRoundingPrecision: '0.00001',
    invoiceRoundingPrecision: '0.01', invoiceRoundingType: 'nearest', ...exchangeRateAccounts,
    exchangeRates: [{ startingDate: '2026-01-01', exchangeRateAmount: '100', relationalExchangeRateAmount: '92.50' }],
  },
  {
    code: 'GBP', description: 'Pound sterling', symbol: '£', amountRoundingPrecision: '0.01', unitAmountRoundingPrecision: '0.00001',
    invoiceRoundingPrecision: '0.01', invoiceRoundingType: 'nearest', ...exchangeRateAccounts,
    exchangeRates: [{ startingDate: '2026-01-01', exchangeRateAmount: '100', relationalExchangeRateAmount: '115.80' }],
  },
  {
    code: 'CHF', description: 'Swiss franc', symbol: 'CHF', amountRoundingPrecision: '0.01', unitAmountRoundingPrecision: '0.00001',
    invoiceRoundingPrecision: '0.05', invoiceRoundingType: 'nearest', ...exchangeRateAccounts,
    exchangeRates: [{ startingDate: '2026-01-01', exchangeRateAmount: '100', relationalExchangeRateAmount: '106.40' }],
  },
];

const salespeople: DemoRecord[] = [
  { code: 'JDV', name: 'Jeroen de Vries', email: 'jeroen.devries@ledgerline-demo.nl', phoneNo: '+31 6 1234 5601', commissionPercent: '2.5' },
  { code: 'SBA', name: 'Sanne Bakker', email: 'sanne.bakker@ledgerline-demo.nl', phoneNo: '+31 6 1234 5602', commissionPercent: '2.5' },
  { code: 'MEL', name: 'Mohamed El Amrani', email: 'mohamed.elamrani@ledgerline-demo.nl', phoneNo: '+31 6 1234 5603', commissionPercent: '3' },
];

// ---------------------------------------------------------------------------------------- customers

const customerPriceGroups: DemoRecord[] = [
  { code: 'RETAIL', description: 'Retail prices (Consumentenprijzen)' },
  { code: 'WHOLESALE', description: 'Wholesale prices for resellers (Groothandelsprijzen)' },
];

const customerDiscountGroups: DemoRecord[] = [
  { code: 'LARGE', description: 'Large accounts (Grootzakelijk)' },
  { code: 'SMALL', description: 'Small businesses (MKB)' },
];

const itemDiscountGroups: DemoRecord[] = [
  { code: 'FURNITURE', description: 'Office furniture (Kantoormeubilair)' },
  { code: 'ACCESSORY', description: 'Ergonomic accessories (Ergonomische accessoires)' },
  { code: 'SUPPLIES', description: 'Office supplies (Kantoorartikelen)' },
];

/** The defaults of a Dutch business customer; each customer below adds or overrides. */
const domestic = {
  countryRegionCode: 'NL', customerPostingGroup: 'DOMESTIC', genBusPostingGroup: 'DOMESTIC', vatBusPostingGroup: 'DOMESTIC',
  paymentMethodCode: 'BANK', languageCode: 'NLD',
};

/** Customer Templates (BC Customer Templ.): a new customer of each kind gets its groups and terms in one click. */
const customerTemplates: DemoRecord[] = [
  {
    code: 'DOMESTIC', description: 'Dutch business customer (Binnenlandse zakelijke klant)', countryRegionCode: 'NL',
    customerPostingGroup: 'DOMESTIC', genBusPostingGroup: 'DOMESTIC', vatBusPostingGroup: 'DOMESTIC',
    paymentTermsCode: '30D', paymentMethodCode: 'BANK', shipmentMethodCode: 'DAP', languageCode: 'NLD', creditLimitLcy: '10000',
  },
  {
    code: 'EU', description: 'Business customer in another EU country (Intracommunautaire klant)',
    customerPostingGroup: 'EU', genBusPostingGroup: 'EU', vatBusPostingGroup: 'EU',
    paymentTermsCode: '30D', paymentMethodCode: 'BANK', shipmentMethodCode: 'DAP', locationCode: 'ROTTERDAM', languageCode: 'ENU',
  },
  {
    code: 'EXPORT', description: 'Customer outside the EU, invoiced in US dollars (Exportklant)',
    customerPostingGroup: 'FOREIGN', genBusPostingGroup: 'EXPORT', vatBusPostingGroup: 'EXPORT', currencyCode: 'USD',
    paymentTermsCode: '30D', paymentMethodCode: 'BANK', shipmentMethodCode: 'EXW', locationCode: 'ROTTERDAM', languageCode: 'ENU',
  },
];

const customers: DemoRecord[] = [
  // C00010: the head office that C00020 is invoiced to.
  {
    ...domestic, name: 'Kantoorpartners Holland B.V.', address: 'Stationsplein 45', city: 'Utrecht', postCode: '3511 ED',
    phoneNo: '+31 30 234 5600', email: 'inkoop@kantoorpartners.nl', contact: 'Marieke Jansen',
    vatRegistrationNo: 'NL812345678B01', electronicAddress: 'NL812345678B01', electronicAddressScheme: '9944', paymentTermsCode: '30D', salespersonCode: 'JDV',
    customerPriceGroup: 'WHOLESALE', customerDiscountGroup: 'LARGE', creditLimitLcy: '50000', combineShipments: true,
    locationCode: 'MAIN', shipmentMethodCode: 'DAP', shippingAgentCode: 'POSTNL', shippingTime: '1D',
  },
  // C00020: a branch; its invoices go to the head office.
  {
    ...domestic, name: 'Kantoorpartners Holland B.V.', name2: 'Vestiging Eindhoven', address: 'Kennedyplein 12',
    city: 'Eindhoven', postCode: '5611 ZS', phoneNo: '+31 40 211 9830', email: 'eindhoven@kantoorpartners.nl',
    contact: 'Ruud Verhoeven', billToCustomerNo: 'C00010', vatRegistrationNo: 'NL812345678B01', electronicAddress: 'NL812345678B01', electronicAddressScheme: '9944', paymentTermsCode: '30D',
    salespersonCode: 'JDV', customerPriceGroup: 'WHOLESALE', customerDiscountGroup: 'LARGE', combineShipments: true,
    locationCode: 'MAIN', shipmentMethodCode: 'DAP', shippingAgentCode: 'POSTNL', shippingTime: '1D',
  },
  // C00030
  {
    ...domestic, name: 'De Werkplek Amsterdam B.V.', address: 'Herengracht 282', city: 'Amsterdam', postCode: '1016 BX',
    phoneNo: '+31 20 520 7744', email: 'facilitair@dewerkplek.nl', contact: 'Sophie van den Berg',
    vatRegistrationNo: 'NL823456717B01', electronicAddress: 'NL823456717B01', electronicAddressScheme: '9944', paymentTermsCode: '1M(8D)', salespersonCode: 'SBA', customerDiscountGroup: 'LARGE',
    creditLimitLcy: '25000', locationCode: 'MAIN', shipmentMethodCode: 'DAP', shippingAgentCode: 'DHL',
    shipToAddresses: [
      {
        code: 'ZUIDAS', name: 'De Werkplek Amsterdam – Zuidas', address: 'Gustav Mahlerlaan 310', city: 'Amsterdam',
        postCode: '1082 ME', countryRegionCode: 'NL', contact: 'Receptie Zuidas', shippingAgentCode: 'DHL',
      },
      {
        code: 'HAARLEM', name: 'De Werkplek Haarlem', address: 'Grote Markt 2', city: 'Haarlem', postCode: '2011 RD',
        countryRegionCode: 'NL', contact: 'Thijs de Graaf', shippingAgentCode: 'POSTNL',
      },
    ],
  },
  // C00040
  {
    ...domestic, name: 'Bureau Van Dijk Architecten', address: 'Witte de Withstraat 70', city: 'Rotterdam', postCode: '3012 BS',
    phoneNo: '+31 10 411 2290', email: 'administratie@vandijkarchitecten.nl', contact: 'Pieter van Dijk',
    vatRegistrationNo: 'NL804567232B01', electronicAddress: 'NL804567232B01', electronicAddressScheme: '9944', paymentTermsCode: '14D', salespersonCode: 'MEL', customerDiscountGroup: 'SMALL',
    locationCode: 'ROTTERDAM', shipmentMethodCode: 'DAP', shippingAgentCode: 'DPD',
  },
  // C00050
  {
    ...domestic, name: 'Zorggroep Groene Hart', address: 'Bleulandweg 10', city: 'Gouda', postCode: '2803 HH',
    phoneNo: '+31 182 505 050', email: 'crediteuren@zorggroepgroenehart.nl', contact: 'Anouk Smit',
    vatRegistrationNo: 'NL867123497B01', electronicAddress: 'NL867123497B01', electronicAddressScheme: '9944', paymentTermsCode: '30D', paymentMethodCode: 'DIRDEBIT', salespersonCode: 'SBA',
    customerDiscountGroup: 'LARGE', creditLimitLcy: '40000', combineShipments: true, locationCode: 'ROTTERDAM',
    shipmentMethodCode: 'DAP', shippingAgentCode: 'POSTNL',
    shipToAddresses: [
      {
        code: 'WOERDEN', name: 'Zorggroep Groene Hart – Locatie Woerden', address: 'Rijnlaan 8', city: 'Woerden',
        postCode: '3441 EM', countryRegionCode: 'NL', contact: 'Facilitaire dienst Woerden', locationCode: 'ROTTERDAM',
      },
      {
        code: 'ALPHEN', name: 'Zorggroep Groene Hart – Locatie Alphen', address: 'Hooftstraat 118', city: 'Alphen aan den Rijn',
        postCode: '2406 GL', countryRegionCode: 'NL', contact: 'Facilitaire dienst Alphen', locationCode: 'ROTTERDAM',
      },
    ],
  },
  // C00060
  {
    ...domestic, name: 'Noordelijk Onderwijscollectief', address: 'Zernikeplein 11', city: 'Groningen', postCode: '9747 AS',
    phoneNo: '+31 50 595 4400', email: 'facturen@noordelijkonderwijs.nl', contact: 'Henk Mulder',
    vatRegistrationNo: 'NL819345623B01', electronicAddress: 'NL819345623B01', electronicAddressScheme: '9944', gln: '8716900991233', paymentTermsCode: '30D', salespersonCode: 'JDV',
    customerDiscountGroup: 'LARGE', creditLimitLcy: '30000', locationCode: 'MAIN', shipmentMethodCode: 'DAP', shippingAgentCode: 'DHL',
    shippingTime: '2D',
  },
  // C00070
  {
    ...domestic, name: 'Advocatenkantoor Brabant & Partners', address: 'Vughterstraat 47', city: "'s-Hertogenbosch",
    postCode: '5211 GB', phoneNo: '+31 73 612 3344', email: 'office@brabantpartners.nl', contact: 'mr. Lotte Hendriks',
    vatRegistrationNo: 'NL853291743B01', electronicAddress: 'NL853291743B01', electronicAddressScheme: '9944', paymentTermsCode: '14D', salespersonCode: 'MEL', customerDiscountGroup: 'SMALL',
    shipmentMethodCode: 'DAP', shippingAgentCode: 'DPD',
  },
  // C00080: a start-up with a low credit limit.
  {
    ...domestic, name: 'Haagse Startup Hub B.V.', address: 'Prinses Beatrixlaan 582', city: 'Den Haag', postCode: '2595 BM',
    phoneNo: '+31 70 345 1200', email: 'hello@haagsestartuphub.nl', contact: 'Yusuf Demir',
    vatRegistrationNo: 'NL806172836B01', electronicAddress: 'NL806172836B01', electronicAddressScheme: '9944', paymentTermsCode: '14D', paymentMethodCode: 'IDEAL', salespersonCode: 'MEL',
    customerPriceGroup: 'RETAIL', customerDiscountGroup: 'SMALL', creditLimitLcy: '5000', shipmentMethodCode: 'DAP', shippingAgentCode: 'POSTNL',
  },
  // C00090: blocked for invoicing (overdue balance under review).
  {
    ...domestic, name: 'Twentse Installatietechniek B.V.', address: 'Hengelosestraat 500', city: 'Enschede', postCode: '7521 AN',
    phoneNo: '+31 53 480 2200', email: 'inkoop@twentse-installatie.nl', contact: 'Gerrit Oosterveld',
    vatRegistrationNo: 'NL829473610B01', electronicAddress: 'NL829473610B01', electronicAddressScheme: '9944', paymentTermsCode: '30D', salespersonCode: 'JDV', customerDiscountGroup: 'SMALL',
    blocked: 'invoice', shipmentMethodCode: 'DAP', shippingAgentCode: 'DHL',
  },
  // C00100
  {
    ...domestic, name: 'Accountantskantoor Zeeland', address: 'Lange Delft 30', city: 'Middelburg', postCode: '4331 AP',
    phoneNo: '+31 118 612 900', email: 'administratie@accountantszeeland.nl', contact: 'Wim de Kok',
    vatRegistrationNo: 'NL837182645B01', electronicAddress: 'NL837182645B01', electronicAddressScheme: '9944', paymentTermsCode: '1M(8D)', salespersonCode: 'SBA', customerDiscountGroup: 'SMALL',
    shipmentMethodCode: 'DAP', shippingAgentCode: 'POSTNL',
  },
  // C00110
  {
    ...domestic, name: 'Logistiek Park Venlo B.V.', address: 'Celsiusweg 22', city: 'Venlo', postCode: '5928 PR',
    phoneNo: '+31 77 320 8800', email: 'purchasing@logistiekparkvenlo.nl', contact: 'Bram Peeters',
    vatRegistrationNo: 'NL815928373B01', electronicAddress: 'NL815928373B01', electronicAddressScheme: '9944', paymentTermsCode: '60D', salespersonCode: 'MEL', customerDiscountGroup: 'LARGE',
    creditLimitLcy: '35000', locationCode: 'ROTTERDAM', shipmentMethodCode: 'EXW',
  },
  // C00120: a reseller buying at wholesale prices.
  {
    ...domestic, name: 'Friese Kantoorinrichting V.O.F.', address: 'Oostergrachtswal 9', city: 'Leeuwarden', postCode: '8921 AA',
    phoneNo: '+31 58 213 4455', email: 'bestellingen@friesekantoorinrichting.nl', contact: 'Sietske Dijkstra',
    vatRegistrationNo: 'NL847362516B01', electronicAddress: 'NL847362516B01', electronicAddressScheme: '9944', paymentTermsCode: '30D', salespersonCode: 'JDV',
    customerPriceGroup: 'WHOLESALE', customerDiscountGroup: 'LARGE', creditLimitLcy: '20000', combineShipments: true,
    locationCode: 'MAIN', shipmentMethodCode: 'DAP', shippingAgentCode: 'DPD',
  },
  // C00130
  {
    ...domestic, name: 'Vertaalbureau Nijmegen', address: 'Van Welderenstraat 88', city: 'Nijmegen', postCode: '6511 MS',
    phoneNo: '+31 24 322 1870', email: 'info@vertaalbureaunijmegen.nl', contact: 'Eva Willems',
    vatRegistrationNo: 'NL802647194B01', electronicAddress: 'NL802647194B01', electronicAddressScheme: '9944', paymentTermsCode: 'CM', salespersonCode: 'SBA', customerPriceGroup: 'RETAIL',
    customerDiscountGroup: 'SMALL', shipmentMethodCode: 'DAP', shippingAgentCode: 'POSTNL',
  },
  // C00140: Belgium, intra-community supply.
  {
    name: 'Bureaumeubelen Vlaanderen BV', address: 'Frankrijklei 101', city: 'Antwerpen', postCode: '2000', countryRegionCode: 'BE',
    phoneNo: '+32 3 226 4410', email: 'aankoop@bureaumeubelen-vlaanderen.be', contact: 'Jan Claes',
    customerPostingGroup: 'EU', genBusPostingGroup: 'EU', vatBusPostingGroup: 'EU', vatRegistrationNo: 'BE0412345614',
    paymentTermsCode: '30D', paymentMethodCode: 'BANK', salespersonCode: 'MEL', customerPriceGroup: 'WHOLESALE',
    customerDiscountGroup: 'LARGE', languageCode: 'NLB', locationCode: 'ROTTERDAM', shipmentMethodCode: 'DAP', shippingAgentCode: 'DPD',
    shippingTime: '2D',
  },
  // C00150: Germany, intra-community supply.
  {
    name: 'Büroausstattung Rheinland GmbH', address: 'Königsallee 92', city: 'Düsseldorf', postCode: '40212', countryRegionCode: 'DE',
    phoneNo: '+49 211 8630 7700', email: 'einkauf@bueroausstattung-rheinland.de', contact: 'Stefan Wagner',
    customerPostingGroup: 'EU', genBusPostingGroup: 'EU', vatBusPostingGroup: 'EU', vatRegistrationNo: 'DE813456729',
    paymentTermsCode: '1M(8D)', paymentMethodCode: 'BANK', salespersonCode: 'MEL', customerDiscountGroup: 'LARGE',
    languageCode: 'DEU', locationCode: 'ROTTERDAM', shipmentMethodCode: 'DAP', shippingAgentCode: 'DHL', shippingTime: '3D',
  },
  // C00160: United States, export in US dollars.
  {
    name: 'Pacific Workspace Solutions Inc.', address: '1420 Fifth Avenue, Suite 2200', city: 'Seattle', postCode: '98101',
    county: 'WA', countryRegionCode: 'US', phoneNo: '+1 206 555 0142', email: 'procurement@pacificworkspace.com',
    contact: 'Emily Carter', customerPostingGroup: 'FOREIGN', genBusPostingGroup: 'EXPORT', vatBusPostingGroup: 'EXPORT',
    currencyCode: 'USD', paymentTermsCode: '30D', paymentMethodCode: 'BANK', salespersonCode: 'JDV', languageCode: 'ENU',
    locationCode: 'ROTTERDAM', shipmentMethodCode: 'EXW', creditLimitLcy: '60000',
  },
  // CASH: counter sales, numbered by hand (the CUST series allows manual numbers).
  {
    ...domestic, no: 'CASH', name: 'Cash sales (Contante verkoop)', address: 'Cornelis Douwesweg 20', city: 'Amsterdam',
    postCode: '1032 EX', paymentTermsCode: 'COD', paymentMethodCode: 'CASH', customerPriceGroup: 'RETAIL',
    locationCode: 'MAIN', shipmentMethodCode: 'PICKUP',
  },
];

// ----------------------------------------------------------------------------------------- vendors

const vendors: DemoRecord[] = [
  // V00010
  {
    name: 'Gelderse Kantoormeubelfabriek B.V.', address: 'Industrieweg 14', city: 'Zevenaar', postCode: '6902 PA',
    countryRegionCode: 'NL', phoneNo: '+31 316 520 400', email: 'orders@gelderse-kantoormeubel.nl', contact: 'Arjen Visser',
    vendorPostingGroup: 'DOMESTIC', genBusPostingGroup: 'DOMESTIC', vatBusPostingGroup: 'DOMESTIC', paymentTermsCode: '30D',
    paymentMethodCode: 'BANK', vatRegistrationNo: 'NL870145368B01',
  },
  // V00020
  {
    name: 'Papier & Bürobedarf Westfalen GmbH', address: 'Herforder Straße 120', city: 'Bielefeld', postCode: '33609',
    countryRegionCode: 'DE', phoneNo: '+49 521 9620 300', email: 'vertrieb@pbw-westfalen.de', contact: 'Claudia Becker',
    vendorPostingGroup: 'EU', genBusPostingGroup: 'EU', vatBusPostingGroup: 'EU', paymentTermsCode: '1M(8D)',
    paymentMethodCode: 'BANK', vatRegistrationNo: 'DE287654318',
  },
  // V00030
  {
    name: 'Shenzhen Brightdesk Ergonomics Co., Ltd.', address: 'No. 88 Keji South Road, Nanshan District', city: 'Shenzhen',
    postCode: '518057', countryRegionCode: 'CN', phoneNo: '+86 755 8610 2288', email: 'export@brightdesk-ergo.cn',
    contact: 'Li Wei', vendorPostingGroup: 'FOREIGN', genBusPostingGroup: 'EXPORT', vatBusPostingGroup: 'EXPORT',
    paymentTermsCode: '60D', paymentMethodCode: 'BANK', currencyCode: 'USD',
  },
];

// ------------------------------------------------------------------------------------------- items

const goods = {
  type: 'inventory', genProdPostingGroup: 'RETAIL', vatProdPostingGroup: 'HIGH', inventoryPostingGroup: 'RESALE',
};
const furniture = { ...goods, baseUnitOfMeasure: 'PCS', itemDiscountGroup: 'FURNITURE', vendorNo: 'V00010', leadTimeCalculation: '2W' };
const accessory = { ...goods, baseUnitOfMeasure: 'PCS', itemDiscountGroup: 'ACCESSORY', vendorNo: 'V00030', leadTimeCalculation: '6W' };
const supplies = { ...goods, itemDiscountGroup: 'SUPPLIES', vendorNo: 'V00020', leadTimeCalculation: '1W' };

const items: DemoRecord[] = [
  // 1000
  {
    ...furniture, description: 'Sit-stand desk 160x80 cm (Zit-sta bureau)', description2: 'Electric, white frame, oak top',
    unitPrice: '649', unitCost: '389.5', lastDirectCost: '389.5', costingMethod: 'fifo', vendorItemNo: 'GK-ZS1608', gtin: '8712345000103',
  },
  // 1010
  {
    ...furniture, description: 'Office desk 140x70 cm (Bureau)', description2: 'White, fixed height',
    unitPrice: '299', unitCost: '172.4', lastDirectCost: '172.4', costingMethod: 'fifo', vendorItemNo: 'GK-BU1407', gtin: '8712345000271',
  },
  // 1020
  {
    ...furniture, description: 'Ergonomic office chair Ergo Plus (Bureaustoel)', description2: 'EN 1335, adjustable lumbar support',
    unitPrice: '429', unitCost: '251', lastDirectCost: '251', costingMethod: 'average', vendorItemNo: 'GK-EP200', gtin: '8712345000349',
  },
  // 1030: meeting chairs are also sold in sets of four.
  {
    ...furniture, description: 'Stackable meeting chair (Vergaderstoel)', description2: 'Anthracite',
    unitPrice: '89', unitCost: '41.25', lastDirectCost: '41.25', costingMethod: 'average', vendorItemNo: 'GK-VS040',
    unitsOfMeasure: [{ code: 'SET', quantityPerUnitOfMeasure: '4' }],
  },
  // 1040
  {
    ...furniture, description: 'Conference table 240x100 cm (Vergadertafel)', unitPrice: '899', unitCost: '540',
    lastDirectCost: '540', costingMethod: 'fifo', vendorItemNo: 'GK-VT2410',
  },
  // 1050
  {
    ...furniture, description: 'Steel filing cabinet, 4 drawers (Archiefkast)', unitPrice: '349', unitCost: '198',
    standardCost: '198', lastDirectCost: '198', costingMethod: 'standard', vendorItemNo: 'GK-AK400', gtin: '8712345000417',
  },
  // 1060
  {
    ...furniture, description: 'Mobile pedestal, 3 drawers (Ladeblok)', unitPrice: '219', unitCost: '121.3',
    standardCost: '121.3', lastDirectCost: '121.3', costingMethod: 'standard', vendorItemNo: 'GK-LB300',
  },
  // 1070
  {
    ...furniture, description: 'Bookcase 80x200 cm (Boekenkast)', unitPrice: '189', unitCost: '95', lastDirectCost: '95',
    costingMethod: 'fifo', vendorItemNo: 'GK-BK820',
  },
  // 1080
  {
    ...furniture, description: 'Whiteboard 120x90 cm, magnetic (Whiteboard)', unitPrice: '149', unitCost: '72',
    lastDirectCost: '72', costingMethod: 'fifo', vendorItemNo: 'GK-WB129',
  },
  // 1090: discontinued.
  {
    ...furniture, description: 'Office chair Classic (Bureaustoel)', description2: 'Discontinued: replaced by Ergo Plus',
    unitPrice: '249', unitCost: '138', lastDirectCost: '138', costingMethod: 'average', vendorItemNo: 'GK-CL100', blocked: true,
  },
  // 1100: not to be sold until the fire-safety certificate is renewed.
  {
    ...furniture, description: 'Acoustic desk screen 160 cm (Akoestische scheidingswand)', unitPrice: '179', unitCost: '88',
    lastDirectCost: '88', costingMethod: 'fifo', vendorItemNo: 'GK-AS160', salesBlocked: true,
  },
  // 1110
  {
    ...accessory, description: 'Dual monitor arm (Monitorarm dubbel)', description2: 'Gas spring, VESA 75/100',
    unitPrice: '129', unitCost: '61.8', lastDirectCost: '61.8', costingMethod: 'average', vendorItemNo: 'BD-MA2', gtin: '8712345000585',
  },
  // 1120
  {
    ...accessory, description: 'Single monitor arm (Monitorarm enkel)', unitPrice: '79', unitCost: '36.5',
    lastDirectCost: '36.5', costingMethod: 'average', vendorItemNo: 'BD-MA1', gtin: '8712345000653',
  },
  // 1130
  {
    ...accessory, description: 'Aluminium laptop stand (Laptopstandaard)', unitPrice: '49.95', unitCost: '19.8',
    lastDirectCost: '19.8', costingMethod: 'fifo', vendorItemNo: 'BD-LS10',
  },
  // 1140
  {
    ...accessory, description: 'Adjustable footrest (Voetensteun)', unitPrice: '39.95', unitCost: '14.2', lastDirectCost: '14.2',
    costingMethod: 'fifo', vendorItemNo: 'BD-FR05',
  },
  // 1150
  {
    ...accessory, description: 'LED desk lamp with dimmer (Bureaulamp)', unitPrice: '59', unitCost: '24.75', standardCost: '24.75',
    lastDirectCost: '24.75', costingMethod: 'standard', vendorItemNo: 'BD-DL22',
  },
  // 1160
  {
    ...accessory, description: 'Under-desk cable tray (Kabelgoot)', unitPrice: '34.95', unitCost: '12.4', lastDirectCost: '12.4',
    costingMethod: 'fifo', vendorItemNo: 'BD-CT80',
  },
  // 1170: paper is stocked in boxes of five reams and delivered by the pallet.
  {
    ...supplies, baseUnitOfMeasure: 'BOX', description: 'Copy paper A4 80 g, box of 5 reams (Kopieerpapier)',
    unitPrice: '27.5', unitCost: '17.9', lastDirectCost: '17.9', costingMethod: 'average', vendorItemNo: 'PBW-A4-80',
    gtin: '8712345000721', unitsOfMeasure: [{ code: 'PALLET', quantityPerUnitOfMeasure: '80' }],
  },
  // 1180
  {
    ...supplies, baseUnitOfMeasure: 'BOX', description: 'Recycled copy paper A4 80 g, box of 5 reams (Gerecycled papier)',
    unitPrice: '29.9', unitCost: '19.4', lastDirectCost: '19.4', costingMethod: 'average', vendorItemNo: 'PBW-A4-R80',
    unitsOfMeasure: [{ code: 'PALLET', quantityPerUnitOfMeasure: '80' }],
  },
  // 1190
  {
    ...supplies, baseUnitOfMeasure: 'PCS', description: 'Toner cartridge black, HP 59A compatible (Toner zwart)',
    unitPrice: '89', unitCost: '52.1', lastDirectCost: '52.1', costingMethod: 'fifo', vendorItemNo: 'PBW-T59A', gtin: '8712345000899',
  },
  // 1200
  {
    ...supplies, baseUnitOfMeasure: 'SET', description: 'Toner set CMYK, HP 207A compatible (Tonerset kleur)',
    unitPrice: '219', unitCost: '131.6', lastDirectCost: '131.6', costingMethod: 'fifo', vendorItemNo: 'PBW-T207S',
  },
  // 1210
  {
    ...supplies, baseUnitOfMeasure: 'BOX', description: 'Ballpoint pens blue, box of 50 (Balpennen)', unitPrice: '12.95',
    unitCost: '4.6', lastDirectCost: '4.6', costingMethod: 'average', vendorItemNo: 'PBW-BP50',
  },
  // 1220: sticky notes are also sold by the box of twelve.
  {
    ...supplies, baseUnitOfMeasure: 'PCS', description: 'Sticky notes 76x76 mm, yellow (Memoblok)', unitPrice: '1.89',
    unitCost: '0.62', lastDirectCost: '0.62', costingMethod: 'average', vendorItemNo: 'PBW-SN76', gtin: '8712345000967',
    unitsOfMeasure: [{ code: 'BOX', quantityPerUnitOfMeasure: '12' }],
  },
  // 1230
  {
    ...supplies, baseUnitOfMeasure: 'PCS', description: 'Lever arch file A4, 80 mm (Ordner)', unitPrice: '3.49',
    unitCost: '1.35', lastDirectCost: '1.35', costingMethod: 'average', vendorItemNo: 'PBW-LA80',
    unitsOfMeasure: [{ code: 'BOX', quantityPerUnitOfMeasure: '10' }],
  },
  // 1240
  {
    ...supplies, baseUnitOfMeasure: 'PCS', description: 'Paper shredder P-4, 20 litres (Papiervernietiger)', unitPrice: '249',
    unitCost: '139', standardCost: '139', lastDirectCost: '139', costingMethod: 'standard', vendorItemNo: 'PBW-PS20',
    gtin: '8712345001025',
  },
  // 1250: coffee beans are food, taxed at the low VAT rate.
  {
    ...supplies, baseUnitOfMeasure: 'KG', vatProdPostingGroup: 'LOW',
    description: 'Coffee beans, organic, 1 kg (Koffiebonen)', unitPrice: '18.95', unitCost: '9.8', lastDirectCost: '9.8',
    costingMethod: 'average', gtin: '8712345001193',
  },
  // 1260
  {
    type: 'service', description: 'Assembly and installation service (Montageservice)', description2: 'Per technician hour',
    baseUnitOfMeasure: 'HOUR', unitPrice: '65', unitCost: '38', costingMethod: 'fifo',
    genProdPostingGroup: 'SERVICES', vatProdPostingGroup: 'HIGH', allowInvoiceDiscount: false,
  },
  // 1270
  {
    type: 'service', description: 'Freight charge, delivery in the Netherlands (Vrachtkosten)', baseUnitOfMeasure: 'PCS',
    unitPrice: '24.95', unitCost: '15', costingMethod: 'fifo', genProdPostingGroup: 'FREIGHT', vatProdPostingGroup: 'HIGH',
    allowInvoiceDiscount: false,
  },
  // 1280: never in stock, the maker delivers it to the customer (drop shipment, spec §15.1).
  {
    ...furniture, description: 'Executive desk 200x100 cm, walnut (Directiebureau)', description2: 'Delivered by the maker',
    unitPrice: '1195', unitCost: '720', lastDirectCost: '720', costingMethod: 'fifo', vendorItemNo: 'GK-DB2010', purchasingCode: 'DROP SHIP',
  },
  // 1290: bought for the customer who orders it, received here first (special order, spec §15.2).
  {
    ...furniture, description: 'Acoustic phone booth, one person (Belcabine)', description2: 'Built to order',
    unitPrice: '4950', unitCost: '3100', lastDirectCost: '3100', costingMethod: 'fifo', vendorItemNo: 'GK-BC100', purchasingCode: 'SPEC ORDER',
  },
  // 1300: assembled to order from a desk, a monitor arm and a lamp (spec §15.3); its BOM is assemblyBoms below.
  {
    ...furniture, description: 'Workstation set: desk, monitor arm, lamp (Werkplekset)', description2: 'Assembled to order',
    unitPrice: '449', unitCost: '326.4', costingMethod: 'fifo', assemblyPolicy: 'assembleToOrder', replenishmentSystem: 'assembly', vendorNo: null, leadTimeCalculation: '1D',
  },
];

/** Assembly BOMs (spec §15.3): per parent item, its components and Quantity per. */
export const assemblyBoms: readonly { parentItemNo: string; components: readonly { no: string; quantityPer: string }[] }[] = [
  { parentItemNo: '1300', components: [{ no: '1010', quantityPer: '1' }, { no: '1110', quantityPer: '1' }, { no: '1150', quantityPer: '1' }] },
];

// -------------------------------------------------------------------------------- opening inventory

const stock = (itemNo: string, quantity: string, locationCode = 'MAIN') => ({ itemNo, locationCode, quantity });

/**
 * Opening stock of every inventory item that may be sold (not the blocked 1090, nor 1280 and 1290, bought per order), posted through the
 * item journal as positive adjustments at the item's own cost (demo-company.ts picks the date).
 * Everything is kept in Amsterdam; the fast movers also in Rotterdam.
 */
export const openingInventory: readonly { itemNo: string; locationCode: string; quantity: string }[] = [
  stock('1000', '60'), stock('1000', '20', 'ROTTERDAM'), stock('1010', '80'), stock('1020', '120'), stock('1020', '40', 'ROTTERDAM'),
  stock('1030', '200'), stock('1040', '50'), stock('1050', '70'), stock('1060', '90'), stock('1070', '80'), stock('1080', '100'),
  stock('1100', '50'), stock('1110', '150'), stock('1120', '180'), stock('1130', '200'), stock('1140', '150'), stock('1150', '120'),
  stock('1160', '200'), stock('1170', '200'), stock('1170', '150', 'ROTTERDAM'), stock('1180', '120'), stock('1190', '150'),
  stock('1200', '60'), stock('1210', '200'), stock('1220', '200'), stock('1230', '200'), stock('1240', '50'), stock('1250', '100'),
];

// ------------------------------------------------------------------------------------ bank accounts

/**
 * The company's current account (the IBAN on its invoices), posting to G/L 1020, and a US dollar
 * account for customers outside the EU who pay in dollars, posting to G/L 1030: its entries are
 * kept in USD, their G/L in EUR. The current account matches a payment up to 1.00 short or over,
 * so a customer's rounding or small bank deduction still finds its invoice (spec §22.3).
 */
const bankAccountPostingGroups: DemoRecord[] = [
  { code: 'CHECKING', description: 'Current accounts (Rekening-courant)', glAccountNo: '1020' },
  { code: 'CHECKING-USD', description: 'Current accounts in US dollars (Rekening-courant USD)', glAccountNo: '1030' },
];

const bankAccounts: DemoRecord[] = [
  {
    no: 'CHECKING', name: 'ING current account', bankAccountNo: '0006541237', iban: companyInformation.iban,
    swiftCode: companyInformation.swiftCode, bankAccPostingGroup: 'CHECKING', matchToleranceType: 'amount', matchToleranceValue: '1',
  },
  {
    no: 'USD', name: 'ING US dollar account', bankAccountNo: '0006541245', iban: 'NL63INGB0006541245',
    swiftCode: companyInformation.swiftCode, currencyCode: 'USD', bankAccPostingGroup: 'CHECKING-USD',
  },
];

/**
 * Statement texts of bank charges (ING writes "Kosten zakelijk betalingsverkeer"), mapped to G/L 4600
 * Bank charges: Apply Automatically posts such lines there without a review. A refund of charges
 * (money in) goes back to the same account.
 */
const textToAccountMappings: DemoRecord[] = ['Kosten zakelijk betalingsverkeer', 'Bankkosten', 'Bank service charges'].map((mappingText) => ({
  mappingText, debitAccNo: '4600', creditAccNo: '4600', balSourceType: 'glAccount',
}));

// ---------------------------------------------------------------------------------- journal batches

/**
 * The standard batches (created by migration 0013) get their number series, and the cash receipts
 * batch the current account as its balancing account: a receipt line then needs only the customer,
 * the amount and what it pays.
 */
export const journalBatches: readonly (DemoRecord & { templateName: string; name: string })[] = [
  { templateName: 'GENERAL', name: 'DEFAULT', noSeriesCode: 'GJNL-GEN' },
  { templateName: 'CASHRCPT', name: 'GENERAL', noSeriesCode: 'GJNL-RCPT', balAccountType: 'bankAccount', balAccountNo: 'CHECKING' },
];

// ------------------------------------------------------------------------------------------ the steps

/** In dependency order: every record's references exist before it is written. */
export const demoCompanySteps: readonly DemoStep[] = [
  ['noSeries', numberSeries],
  ['salesReceivablesSetup', salesReceivablesSetup],
  ['purchasesPayablesSetup', {
    vendorNos: 'VEND', quoteNos: 'P-QUO', orderNos: 'P-ORD', invoiceNos: 'P-INV', creditMemoNos: 'P-CR', returnOrderNos: 'P-RO',
    postedInvoiceNos: 'PP-INV', postedCreditMemoNos: 'PP-CR', postedReceiptNos: 'PP-RCPT', postedReturnShipmentNos: 'PP-RSHPT',
  }],
  ['companyInformation', companyInformation],
  ['generalLedgerSetup', generalLedgerSetup],
  ['vatBusinessPostingGroups', vatBusinessPostingGroups],
  ['vatProductPostingGroups', vatProductPostingGroups],
  ['genBusinessPostingGroups', genBusinessPostingGroups],
  ['genProductPostingGroups', genProductPostingGroups],
  ['inventoryPostingGroups', inventoryPostingGroups],
  ['glAccounts', glAccounts],
  ['customerPostingGroups', customerPostingGroups],
  ['vendorPostingGroups', vendorPostingGroups],
  ['bankAccountPostingGroups', bankAccountPostingGroups],
  ['generalPostingSetups', generalPostingSetups],
  ['vatPostingSetups', vatPostingSetups],
  ['locations', locations],
  // Stock lives at a location: documents of customers without one ship from Amsterdam, and nothing
  // is posted "at no location" while the item card shows the stock in a warehouse (issue 10).
  ['inventorySetup', {
    itemNos: 'ITEM', defaultLocationCode: 'MAIN', locationMandatory: true,
    assemblyQuoteNos: 'A-QUO', assemblyOrderNos: 'A-ORD', blanketAssemblyOrderNos: 'A-BLK', postedAssemblyOrderNos: 'PA-ORD',
  }],
  ['inventoryPostingSetups', inventoryPostingSetups],
  ['unitsOfMeasure', unitsOfMeasure],
  ['paymentTerms', paymentTerms],
  ['paymentMethods', paymentMethods],
  ['shipmentMethods', shipmentMethods],
  ['shippingAgents', shippingAgents],
  // BC's standard purchasing codes: a sales line bought for the customer (spec §15.1–15.2).
  ['purchasingCodes', [
    { code: 'DROP SHIP', description: 'Drop shipment: the vendor delivers to the customer', dropShipment: true },
    { code: 'SPEC ORDER', description: 'Special order: bought for the customer, received here', specialOrder: true },
  ]],
  ['currencies', currencies],
  // After the currencies: the dollar account is kept in USD.
  ['bankAccounts', bankAccounts],
  ['textToAccountMappings', textToAccountMappings],
  ['salespeople', salespeople],
  ['customerPriceGroups', customerPriceGroups],
  ['customerDiscountGroups', customerDiscountGroups],
  ['itemDiscountGroups', itemDiscountGroups],
  ['customerTemplates', customerTemplates],
  ['customers', customers],
  ['vendors', vendors],
  ['items', items],
];

export const demoAdministrator = { fullName: 'Demo Administrator', email: 'admin@ledgerline-demo.nl', role: 'admin' } as const;
