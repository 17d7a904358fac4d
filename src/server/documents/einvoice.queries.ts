/**
 * Loads what a Peppol e-invoice of a posted sales invoice or credit memo needs (issue 17) and hands
 * it to the pure builder (core/documents/einvoice): the posted header and lines, the VAT posting
 * setups' tax categories and exemption reasons, the units' Rec. 20 codes, the company information
 * and the bill-to customer's electronic address, the customer ledger entry (what is due, invoice
 * rounding included), the document's VAT entries (its VAT in the local currency), the invoice a
 * credit memo refers to, and the document's PDF, embedded as an attachment.
 */
import { and, eq } from 'drizzle-orm';
import { buildPeppolDocument, eInvoiceFileName, type EInvoiceCompany } from '../../core/documents/einvoice/peppol-document.ts';
import { peppolXml } from '../../core/documents/einvoice/peppol-invoice.ts';
import type { PeppolDocument } from '../../core/documents/einvoice/peppol-model.ts';
import { dec, sum } from '../../core/money/decimal.ts';
import type { Executor } from '../db/connection.ts';
import {
  companyInformation, companyInformationWithoutLogo, customer, customerLedgerEntry, generalLedgerSetup, paymentTerms, postedSalesHeader, unitOfMeasure, vatEntry, vatPostingSetup,
} from '../db/schema/index.ts';
import { loadPostedDocument } from '../sales/posted-sales-document.queries.ts';
import { renderPdf } from './pdf-render.ts';
import { loadPrintablePostedDocument, type PostedPrintableType } from './printable-document.queries.ts';

export type EInvoiceDocumentType = PostedPrintableType;

const emptyCompany: EInvoiceCompany = {
  name: '', address: '', address2: '', postCode: '', city: '', countryRegionCode: '', phoneNo: '', email: '', homePage: '',
  vatRegistrationNo: '', registrationNo: '', bankName: '', iban: '', swiftCode: '', electronicAddress: '', electronicAddressScheme: '',
};

/** The Peppol document model of a posted invoice or credit memo; `withPdf: false` leaves the PDF attachment out. */
export async function loadPeppolDocument(tx: Executor, documentType: EInvoiceDocumentType, no: string, options: { withPdf?: boolean } = {}): Promise<PeppolDocument> {
  const { header, lines } = await loadPostedDocument(tx, documentType, no);
  const [company] = await tx.select(companyInformationWithoutLogo).from(companyInformation);
  const [setup] = await tx.select({ lcyCode: generalLedgerSetup.lcyCode }).from(generalLedgerSetup);
  const [billTo] = await tx.select().from(customer).where(eq(customer.no, header.billToCustomerNo));
  const vatSetups = await tx.select().from(vatPostingSetup);
  const units = await tx.select({ code: unitOfMeasure.code, iso: unitOfMeasure.internationalStandardCode }).from(unitOfMeasure);
  const [terms] = header.paymentTermsCode
    ? await tx.select({ description: paymentTerms.description }).from(paymentTerms).where(eq(paymentTerms.code, header.paymentTermsCode))
    : [];
  const [entry] = header.customerLedgerEntryNo === null ? [] : await tx.select({ amount: customerLedgerEntry.amount })
    .from(customerLedgerEntry).where(eq(customerLedgerEntry.entryNo, header.customerLedgerEntryNo));
  const vatEntries = header.transactionNo === null ? [] : await tx.select({ amount: vatEntry.amount }).from(vatEntry)
    .where(and(eq(vatEntry.transactionNo, header.transactionNo), eq(vatEntry.documentNo, header.no)));
  // VAT entries carry the customer's side negated: an invoice's VAT is a credit (−), a credit memo's a debit (+).
  const vatLcy = sum(vatEntries.map((row) => dec(row.amount)));
  const pdf = options.withPdf === false ? undefined : await loadPdf(tx, documentType, no);
  return buildPeppolDocument({
    kind: documentType,
    header,
    lines,
    vatSetups,
    unitCodes: Object.fromEntries(units.filter((unit) => unit.iso !== '').map((unit) => [unit.code, unit.iso])),
    company: company ?? emptyCompany,
    customer: {
      no: header.billToCustomerNo, electronicAddress: billTo?.electronicAddress ?? '', electronicAddressScheme: billTo?.electronicAddressScheme ?? '',
      gln: billTo?.gln ?? '', email: billTo?.email ?? '', phoneNo: billTo?.phoneNo ?? '',
    },
    lcyCode: setup?.lcyCode ?? 'EUR',
    ...(entry ? { payableAmount: dec(entry.amount).abs().toString() } : {}),
    ...(vatEntries.length > 0 ? { vatAmountLcy: (documentType === 'invoice' ? vatLcy.neg() : vatLcy).toString() } : {}),
    billingReference: documentType === 'creditMemo' ? await billingReference(tx, header) : null,
    ...(terms?.description ? { paymentTermsDescription: terms.description } : {}),
    ...(pdf ? { pdf } : {}),
  });
}

/** The invoice a credit memo corrects or is applied to (BG-3), with its issue date when it is a posted invoice here. */
async function billingReference(tx: Executor, header: { correctedInvoiceNo: string | null; appliesToDocumentType: string | null; appliesToDocumentNo: string | null }) {
  const invoiceNo = header.correctedInvoiceNo ?? (header.appliesToDocumentType === 'invoice' ? header.appliesToDocumentNo : null);
  if (!invoiceNo) return null;
  const [invoice] = await tx.select({ documentDate: postedSalesHeader.documentDate, postingDate: postedSalesHeader.postingDate }).from(postedSalesHeader)
    .where(and(eq(postedSalesHeader.documentType, 'invoice'), eq(postedSalesHeader.no, invoiceNo)));
  return { id: invoiceNo, issueDate: invoice ? invoice.documentDate ?? invoice.postingDate : null };
}

async function loadPdf(tx: Executor, documentType: EInvoiceDocumentType, no: string) {
  const printable = await loadPrintablePostedDocument(tx, documentType, no);
  return { fileName: printable.fileName, content: await renderPdf(printable) };
}

/** The e-invoice of a posted invoice or credit memo as UTF-8 XML and its file name ("Sales Invoice PSI000001.xml"), e.g. for an email attachment. */
export async function renderEInvoice(tx: Executor, documentType: EInvoiceDocumentType, no: string): Promise<{ fileName: string; xml: Buffer }> {
  const document = await loadPeppolDocument(tx, documentType, no);
  return { fileName: eInvoiceFileName(documentType, document.id), xml: Buffer.from(peppolXml(document), 'utf8') };
}
