import { describe, expect, it } from 'vitest';
import { ZERO, dec } from '../../../src/core/money/decimal.ts';
import { assertBalanced } from '../../../src/core/posting/assert-balanced.ts';
import { buildPurchaseInvoicePosting, type PurchaseInvoicePostingInput } from '../../../src/core/posting/purchase-invoice-posting.ts';
import { domainErrorOf } from '../domain-error-helper.ts';
import { glLines, itemLine, money, vatSetup } from './posting-fixture.ts';

/**
 * Issue 14, purchase posting on the shared invoice builder: the mirror of a sales invoice (BC's
 * Purch.-Post), with BC's accounts (Cronus-like numbers): purchases 7110, Purch. Credit Memo 7190,
 * Purch. Line Disc. 7140, Purch. Inv. Disc. 7150, Purchase VAT 5630, Reverse Chrg. VAT 5640, Payables 5410.
 */
const accounts: PurchaseInvoicePostingInput['accounts'] = {
  vendorPostingGroup: { code: 'DOMESTIC', payablesAccount: '5410' },
  generalPostingSetups: [{
    genBusPostingGroup: 'DOMESTIC', genProdPostingGroup: 'RETAIL', purchaseAccount: '7110', purchaseCreditMemoAccount: '7190',
    purchaseLineDiscountAccount: '7140', purchaseInvoiceDiscountAccount: '7150',
  }],
  vatPostingSetups: [
    vatSetup({ vatProdPostingGroup: 'VAT25', purchaseVatAccount: '5630' }),
    vatSetup({ vatBusPostingGroup: 'EU', vatProdPostingGroup: 'VAT25', vatCalculationType: 'reverseCharge', vatIdentifier: 'VAT25RC', purchaseVatAccount: '5630', reverseChargeVatAccount: '5640' }),
  ],
};

function purchaseInput(lines: PurchaseInvoicePostingInput['lines'], overrides: Partial<Omit<PurchaseInvoicePostingInput, 'header'>> & { header?: Partial<PurchaseInvoicePostingInput['header']> } = {}): PurchaseInvoicePostingInput {
  return {
    documentType: 'invoice',
    lines,
    setup: { discountPosting: 'noDiscounts', paymentDiscountExcludingVat: false, paymentDiscountGracePeriod: '', amountRoundingPrecision: '0.01', lcyAmountRoundingPrecision: '0.01' },
    accounts,
    ...overrides,
    header: {
      payToVendorNo: 'V10000', buyFromVendorNo: 'V10000', genBusPostingGroup: 'DOMESTIC', vatBusPostingGroup: 'DOMESTIC', postingDescription: 'Invoice PI-1',
      postingDate: '2026-01-15', dueDate: '2026-02-15', paymentDiscountPercent: ZERO, paymentDiscountDate: null, currencyCode: '', currencyFactor: dec('1'),
      pricesIncludingVat: false, documentNo: 'PPI-1', vendorDocumentNo: 'VEND-77', documentDate: '2026-01-14', purchaserCode: 'PP', paymentMethodCode: '',
      ...overrides.header,
    },
  };
}

describe('buildPurchaseInvoicePosting', () => {
  it('a purchase invoice of 10 × 60.00, VAT 25 %: Dr Purchases 600.00, Dr Purchase VAT 150.00, Cr Payables 750.00; the vendor is owed 750.00', () => {
    const batch = buildPurchaseInvoicePosting(purchaseInput([itemLine(10000, { amount: '600', amountIncludingVat: '750' })]));
    expect(glLines(batch)).toEqual(['7110 600.00', '5630 150.00', '5410 -750.00']);
    expect(batch.glEntries[0]).toMatchObject({ genPostingType: 'purchase', sourceType: 'vendor', sourceNo: 'V10000', description: 'Invoice PI-1' });
    expect(batch.glEntries[2]).toMatchObject({ genPostingType: '', sourceType: 'vendor' });
    expect(batch.vatEntries.map((entry) => [entry.type, money(entry.base), money(entry.amount), entry.billToCustomerNo])).toEqual([['purchase', '600.00', '150.00', 'V10000']]);
    expect(batch.customerLedgerEntries).toEqual([]);
    const [vendorEntry] = batch.vendorLedgerEntries!;
    expect(vendorEntry).toMatchObject({ vendorNo: 'V10000', buyFromVendorNo: 'V10000', documentType: 'invoice', dueDate: '2026-02-15', purchaserCode: 'PP', vendorPostingGroup: 'DOMESTIC' });
    expect([vendorEntry!.amount, vendorEntry!.amountLcy, vendorEntry!.purchaseLcy].map(money)).toEqual(['-750.00', '-750.00', '-600.00']);
    assertBalanced(batch);
  });

  it('a credit memo posts the other way, on the Purch. Credit Memo Account', () => {
    const batch = buildPurchaseInvoicePosting(purchaseInput([itemLine(10000, { amount: '120', amountIncludingVat: '150' })], { documentType: 'creditMemo' }));
    expect(glLines(batch)).toEqual(['7190 -120.00', '5630 -30.00', '5410 150.00']);
    expect(batch.vendorLedgerEntries![0]).toMatchObject({ documentType: 'creditMemo' });
    expect(money(batch.vendorLedgerEntries![0]!.purchaseLcy)).toBe('120.00');
    assertBalanced(batch);
  });

  it('reverse charge: the vendor is owed the net 1000.00; VAT 250.00 is debited to Purchase VAT and credited to Reverse Chrg. VAT', () => {
    const batch = buildPurchaseInvoicePosting(purchaseInput([itemLine(10000, { amount: '1000', amountIncludingVat: '1000' })], { header: { vatBusPostingGroup: 'EU' } }));
    expect(glLines(batch)).toEqual(['7110 1000.00', '5630 250.00', '5640 -250.00', '5410 -1000.00']);
    expect(batch.vatEntries.map((entry) => [entry.vatCalculationType, money(entry.base), money(entry.amount)])).toEqual([['reverseCharge', '1000.00', '250.00']]);
    assertBalanced(batch);
  });

  it('All Discounts: the purchase account takes the gross amount, the discounts are credited to their own accounts', () => {
    const line = itemLine(10000, { amount: '810', amountIncludingVat: '1012.50', lineDiscountAmount: '100', invoiceDiscountAmount: '90' });
    const batch = buildPurchaseInvoicePosting(purchaseInput([line], { setup: { ...purchaseInput([]).setup, discountPosting: 'allDiscounts' } }));
    expect(glLines(batch)).toEqual(['7150 -90.00', '7140 -100.00', '7110 1000.00', '5630 202.50', '5410 -1012.50']);
    assertBalanced(batch);
  });

  it('refuses a blank Payables Account or Purch. Account, naming the vendor posting group or the general posting setup', () => {
    const noPayables = { ...accounts, vendorPostingGroup: { code: 'DOMESTIC', payablesAccount: '' } };
    const payables = domainErrorOf(() => buildPurchaseInvoicePosting(purchaseInput([itemLine(10000, { amount: '1', amountIncludingVat: '1.25' })], { accounts: noPayables })));
    expect(payables.message).toContain('Payables Account');
    expect(payables.message).toContain("vendor posting group 'DOMESTIC'");
    const noPurchases = { ...accounts, generalPostingSetups: [{ genBusPostingGroup: 'DOMESTIC', genProdPostingGroup: 'RETAIL' }] };
    const purchases = domainErrorOf(() => buildPurchaseInvoicePosting(purchaseInput([itemLine(10000, { amount: '1', amountIncludingVat: '1.25' })], { accounts: noPurchases })));
    expect(purchases.message).toContain('Purch. Account');
  });
});
