/**
 * Captions printed on outgoing documents (spec §21), in the customer's language: Dutch for the
 * language codes NLD/NL (BC's three-letter code or the two-letter one), English otherwise.
 */
export type DocumentLanguage = 'en' | 'nl';

export type PrintableDocumentKind = 'invoice' | 'creditMemo' | 'quote' | 'order';

/** Every caption in each language, side by side. */
const captionTable = {
  invoice: { en: 'Invoice', nl: 'Factuur' },
  creditMemo: { en: 'Credit Memo', nl: 'Creditnota' },
  quote: { en: 'Quote', nl: 'Offerte' },
  order: { en: 'Order Confirmation', nl: 'Orderbevestiging' },
  prepaymentInvoice: { en: 'Prepayment Invoice', nl: 'Vooruitbetalingsfactuur' },
  prepaymentCreditMemo: { en: 'Prepayment Credit Memo', nl: 'Vooruitbetalingscreditnota' },
  billTo: { en: 'Bill-to', nl: 'Factuuradres' },
  shipTo: { en: 'Ship-to', nl: 'Verzendadres' },
  documentNo: { en: 'Document No.', nl: 'Documentnr.' },
  documentDate: { en: 'Document Date', nl: 'Documentdatum' },
  postingDate: { en: 'Posting Date', nl: 'Boekingsdatum' },
  dueDate: { en: 'Due Date', nl: 'Vervaldatum' },
  customerNo: { en: 'Customer No.', nl: 'Klantnr.' },
  yourReference: { en: 'Your Reference', nl: 'Uw referentie' },
  externalDocumentNo: { en: 'External Document No.', nl: 'Extern documentnr.' },
  vatRegistrationNo: { en: 'VAT Registration No.', nl: 'Btw-nummer' },
  paymentTerms: { en: 'Payment Terms', nl: 'Betalingscondities' },
  paymentDiscount: { en: 'Payment Discount', nl: 'Betalingskorting' },
  paymentDiscountText: { en: '{percent}% ({amount}) if paid by {date}', nl: '{percent}% ({amount}) bij betaling vóór {date}' },
  paymentDiscountPercentText: { en: '{percent}% if paid by {date}', nl: '{percent}% bij betaling vóór {date}' },
  no: { en: 'No.', nl: 'Nr.' },
  description: { en: 'Description', nl: 'Omschrijving' },
  quantity: { en: 'Quantity', nl: 'Aantal' },
  unit: { en: 'Unit', nl: 'Eenheid' },
  unitPrice: { en: 'Unit Price', nl: 'Prijs per eenheid' },
  discountPercent: { en: 'Disc. %', nl: 'Korting %' },
  lineAmount: { en: 'Amount', nl: 'Bedrag' },
  subtotal: { en: 'Subtotal', nl: 'Subtotaal' },
  invoiceDiscount: { en: 'Invoice Discount', nl: 'Factuurkorting' },
  totalExclVat: { en: 'Total {currency} Excl. VAT', nl: 'Totaal {currency} excl. btw' },
  vat: { en: 'VAT', nl: 'Btw' },
  totalInclVat: { en: 'Total {currency} Incl. VAT', nl: 'Totaal {currency} incl. btw' },
  vatIdentifier: { en: 'VAT Identifier', nl: 'Btw-id' },
  vatPercent: { en: 'VAT %', nl: 'Btw %' },
  vatBase: { en: 'VAT Base', nl: 'Btw-grondslag' },
  vatAmount: { en: 'VAT Amount', nl: 'Btw-bedrag' },
  vatBreakdown: { en: 'VAT Amount Specification', nl: 'Btw-specificatie' },
  total: { en: 'Total', nl: 'Totaal' },
  page: { en: 'Page {page} of {pages}', nl: 'Pagina {page} van {pages}' },
  bank: { en: 'Bank', nl: 'Bank' },
  iban: { en: 'IBAN', nl: 'IBAN' },
  bic: { en: 'BIC', nl: 'BIC' },
  phone: { en: 'Phone', nl: 'Telefoon' },
  email: { en: 'Email', nl: 'E-mail' },
  pricesIncludingVat: { en: 'Prices including VAT', nl: 'Prijzen inclusief btw' },
  validUntil: { en: 'Valid Until', nl: 'Geldig tot' },
  orderDate: { en: 'Order Date', nl: 'Orderdatum' },
  shipmentDate: { en: 'Shipment Date', nl: 'Verzenddatum' },
} as const satisfies Record<string, Record<DocumentLanguage, string>>;

export type CaptionKey = keyof typeof captionTable;


export type DocumentCaptions = Readonly<Record<CaptionKey, string>>;

/** The language of a customer's language code: 'NLD', 'nl', 'nl-BE' … print in Dutch; anything else in English. */
export function documentLanguageOf(languageCode: string): DocumentLanguage {
  const code = languageCode.trim().toLowerCase();
  return code === 'nld' || code === 'nlb' || code === 'nl' || code.startsWith('nl-') ? 'nl' : 'en';
}

const captionsByLanguage = Object.fromEntries((['en', 'nl'] as const).map((language) => [
  language, Object.fromEntries(Object.entries(captionTable).map(([key, texts]) => [key, texts[language]])) as DocumentCaptions,
])) as Record<DocumentLanguage, DocumentCaptions>;

export function documentCaptions(language: DocumentLanguage): DocumentCaptions {
  return captionsByLanguage[language];
}

/** Fills `{name}` placeholders of a caption. */
export function fillCaption(caption: string, values: Readonly<Record<string, string>>): string {
  return caption.replace(/\{(\w+)\}/g, (match, name: string) => values[name] ?? match);
}
