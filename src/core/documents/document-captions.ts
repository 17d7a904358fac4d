/**
 * Captions printed on outgoing documents (spec §21), in the customer's language: Dutch for the
 * language codes NLD/NL (BC's three-letter code or the two-letter one), English otherwise.
 */
export type DocumentLanguage = 'en' | 'nl';

export type PrintableDocumentKind = 'invoice' | 'creditMemo' | 'quote' | 'order';

const english = {
  invoice: 'Invoice', creditMemo: 'Credit Memo', quote: 'Quote', order: 'Order Confirmation',
  prepaymentInvoice: 'Prepayment Invoice', prepaymentCreditMemo: 'Prepayment Credit Memo',
  billTo: 'Bill-to', shipTo: 'Ship-to', documentNo: 'Document No.', documentDate: 'Document Date', postingDate: 'Posting Date',
  dueDate: 'Due Date', customerNo: 'Customer No.', yourReference: 'Your Reference', externalDocumentNo: 'External Document No.',
  vatRegistrationNo: 'VAT Registration No.', paymentTerms: 'Payment Terms', paymentDiscount: 'Payment Discount',
  paymentDiscountText: '{percent}% ({amount}) if paid by {date}', paymentDiscountPercentText: '{percent}% if paid by {date}', no: 'No.', description: 'Description', quantity: 'Quantity',
  unit: 'Unit', unitPrice: 'Unit Price', discountPercent: 'Disc. %', lineAmount: 'Amount', subtotal: 'Subtotal',
  invoiceDiscount: 'Invoice Discount', totalExclVat: 'Total {currency} Excl. VAT', vat: 'VAT', totalInclVat: 'Total {currency} Incl. VAT',
  vatIdentifier: 'VAT Identifier', vatPercent: 'VAT %', vatBase: 'VAT Base', vatAmount: 'VAT Amount', vatBreakdown: 'VAT Amount Specification',
  total: 'Total', page: 'Page {page} of {pages}', bank: 'Bank', iban: 'IBAN', bic: 'BIC', phone: 'Phone', email: 'Email',
  pricesIncludingVat: 'Prices including VAT', validUntil: 'Valid Until', orderDate: 'Order Date', shipmentDate: 'Shipment Date',
} as const;

export type CaptionKey = keyof typeof english;

const dutch: Record<CaptionKey, string> = {
  invoice: 'Factuur', creditMemo: 'Creditnota', quote: 'Offerte', order: 'Orderbevestiging',
  prepaymentInvoice: 'Vooruitbetalingsfactuur', prepaymentCreditMemo: 'Vooruitbetalingscreditnota',
  billTo: 'Factuuradres', shipTo: 'Verzendadres', documentNo: 'Documentnr.', documentDate: 'Documentdatum', postingDate: 'Boekingsdatum',
  dueDate: 'Vervaldatum', customerNo: 'Klantnr.', yourReference: 'Uw referentie', externalDocumentNo: 'Extern documentnr.',
  vatRegistrationNo: 'Btw-nummer', paymentTerms: 'Betalingscondities', paymentDiscount: 'Betalingskorting',
  paymentDiscountText: '{percent}% ({amount}) bij betaling vóór {date}', paymentDiscountPercentText: '{percent}% bij betaling vóór {date}', no: 'Nr.', description: 'Omschrijving', quantity: 'Aantal',
  unit: 'Eenheid', unitPrice: 'Prijs per eenheid', discountPercent: 'Korting %', lineAmount: 'Bedrag', subtotal: 'Subtotaal',
  invoiceDiscount: 'Factuurkorting', totalExclVat: 'Totaal {currency} excl. btw', vat: 'Btw', totalInclVat: 'Totaal {currency} incl. btw',
  vatIdentifier: 'Btw-id', vatPercent: 'Btw %', vatBase: 'Btw-grondslag', vatAmount: 'Btw-bedrag', vatBreakdown: 'Btw-specificatie',
  total: 'Totaal', page: 'Pagina {page} van {pages}', bank: 'Bank', iban: 'IBAN', bic: 'BIC', phone: 'Telefoon', email: 'E-mail',
  pricesIncludingVat: 'Prijzen inclusief btw', validUntil: 'Geldig tot', orderDate: 'Orderdatum', shipmentDate: 'Verzenddatum',
};

export type DocumentCaptions = Readonly<Record<CaptionKey, string>>;

/** The language of a customer's language code: 'NLD', 'nl', 'nl-BE' … print in Dutch; anything else in English. */
export function documentLanguageOf(languageCode: string): DocumentLanguage {
  const code = languageCode.trim().toLowerCase();
  return code === 'nld' || code === 'nlb' || code === 'nl' || code.startsWith('nl-') ? 'nl' : 'en';
}

export function documentCaptions(language: DocumentLanguage): DocumentCaptions {
  return language === 'nl' ? dutch : english;
}

/** Fills `{name}` placeholders of a caption. */
export function fillCaption(caption: string, values: Readonly<Record<string, string>>): string {
  return caption.replace(/\{(\w+)\}/g, (match, name: string) => values[name] ?? match);
}
