/**
 * Captions printed on outgoing documents (spec §21), in the customer's language: Dutch for the
 * language codes NLD/NL (BC's three-letter code or the two-letter one), English otherwise.
 */
export type DocumentLanguage = 'en' | 'nl';

/** The sales documents that are printed and also sent by email: quote, order confirmation, invoice, credit memo. */
export type PrintableDocumentKind = 'invoice' | 'creditMemo' | 'quote' | 'order';

/**
 * Every document layout: the sent ones, the pro forma invoice of an unposted order or invoice, the
 * packing slips of posted shipments and return receipts (quantities, no prices) and the customer statement.
 */
export type DocumentLayoutKind = PrintableDocumentKind | 'proForma' | 'shipment' | 'returnReceipt' | 'statement';

/** Every caption in each language, side by side. */
const captionTable = {
  invoice: { en: 'Invoice', nl: 'Factuur' },
  creditMemo: { en: 'Credit Memo', nl: 'Creditnota' },
  quote: { en: 'Quote', nl: 'Offerte' },
  order: { en: 'Order Confirmation', nl: 'Orderbevestiging' },
  proForma: { en: 'Pro Forma Invoice', nl: 'Pro-formafactuur' },
  shipment: { en: 'Packing Slip', nl: 'Pakbon' },
  returnReceipt: { en: 'Return Receipt', nl: 'Retourontvangst' },
  statement: { en: 'Statement', nl: 'Rekeningoverzicht' },
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
  receiptDate: { en: 'Receipt Date', nl: 'Ontvangstdatum' },
  orderNo: { en: 'Order No.', nl: 'Ordernr.' },
  returnOrderNo: { en: 'Return Order No.', nl: 'Retourordernr.' },
  quantityShipped: { en: 'Quantity Shipped', nl: 'Geleverd aantal' },
  quantityReceived: { en: 'Quantity Received', nl: 'Ontvangen aantal' },
  proFormaNote: { en: 'This is not an invoice: no amount is due on this document.', nl: 'Dit is geen factuur: op grond van dit document is niets verschuldigd.' },
  startDate: { en: 'Start Date', nl: 'Begindatum' },
  endDate: { en: 'End Date', nl: 'Einddatum' },
  statementCurrency: { en: 'Amounts in {currency}', nl: 'Bedragen in {currency}' },
  documentType: { en: 'Document Type', nl: 'Documentsoort' },
  remainingAmount: { en: 'Remaining Amount', nl: 'Openstaand bedrag' },
  balance: { en: 'Balance', nl: 'Saldo' },
  openingBalance: { en: 'Opening Balance', nl: 'Beginsaldo' },
  closingBalance: { en: 'Closing Balance', nl: 'Eindsaldo' },
  aging: { en: 'Aging of the open entries by due date on {date}', nl: 'Ouderdom van de openstaande posten op vervaldatum per {date}' },
  agingCurrent: { en: 'Not Due', nl: 'Niet vervallen' },
  agingDays: { en: '{from}–{to} Days', nl: '{from}–{to} dagen' },
  agingOver: { en: 'Over {days} Days', nl: 'Meer dan {days} dagen' },
  docTypeInvoice: { en: 'Invoice', nl: 'Factuur' },
  docTypeCreditMemo: { en: 'Credit Memo', nl: 'Creditnota' },
  docTypePayment: { en: 'Payment', nl: 'Betaling' },
  docTypeRefund: { en: 'Refund', nl: 'Terugbetaling' },
  docTypeFinanceChargeMemo: { en: 'Finance Charge Memo', nl: 'Rentefactuur' },
  docTypeReminder: { en: 'Reminder', nl: 'Aanmaning' },
  adjustmentApplication: { en: 'Application', nl: 'Vereffening' },
  adjustmentPaymentDiscount: { en: 'Payment Discount', nl: 'Betalingskorting' },
  adjustmentPaymentTolerance: { en: 'Payment Tolerance', nl: 'Betalingstolerantie' },
  adjustmentRounding: { en: 'Rounding', nl: 'Afronding' },
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
