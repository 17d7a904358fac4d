/**
 * Sending a sales document by email (spec §21.2–21.3): builds the email the document's customer
 * gets — To from the customer's E-Mail, the subject, the PDF (and, when asked, the e-invoice), the
 * HTML body with lines, totals and the payment link — and puts it in the outbox in the caller's
 * transaction. The PDF is generated now, so No. Printed goes up now, even if the message is later
 * cancelled. Sending itself happens after commit (email-sender.ts).
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { PrintableDocumentKind } from '../../core/documents/document-captions.ts';
import type { PrintableDocument } from '../../core/documents/printable-document.ts';
import type { PaymentLink } from '../../core/documents/payment-link.ts';
import { checkAddressList, invalidAddressIn, splitAddressList } from '../../core/email/email-address.ts';
import { attachmentFileName, documentEmailHtml, emailSubject } from '../../core/email/document-email.ts';
import type { EmailDocumentType, EmailDraftView, SendEmailRequest } from '../../core/email/email.schemas.ts';
import { resolveSendingProfile, type EmailAttachmentChoice, type ResolvedSendingProfile, type SendingProfile } from '../../core/email/sending-profile.ts';
import { DomainError } from '../../core/errors.ts';
import type { Executor } from '../db/connection.ts';
import { customer, documentSendingProfile } from '../db/schema/index.ts';
import { renderEInvoice } from '../documents/einvoice.queries.ts';
import { renderPdf } from '../documents/pdf-render.ts';
import { loadPrintablePostedDocument, loadPrintableSalesDocument } from '../documents/printable-document.queries.ts';
import { paymentLinksForPostedInvoice, paymentLinksForSalesDocument } from '../payment-services/payment-links.ts';
import { loadPostedDocument } from '../sales/posted-sales-document.queries.ts';
import { loadDocument } from '../sales/sales-document.queries.ts';
import { findMessageByKey, noPrinted, queueEmailMessage, recordPrint, type EmailMessageRow, type NewEmailMessage, type OutboxAttachment } from './email-outbox.ts';

const kinds: Record<EmailDocumentType, PrintableDocumentKind> = {
  quote: 'quote', order: 'order', invoice: 'invoice', postedInvoice: 'invoice', postedCreditMemo: 'creditMemo',
};

const entities: Record<EmailDocumentType, string> = {
  quote: 'Sales quote', order: 'Sales order', invoice: 'Sales invoice', postedInvoice: 'Posted sales invoice', postedCreditMemo: 'Posted sales credit memo',
};

interface LoadedDocument {
  printable: PrintableDocument;
  sellToCustomerNo: string;
  billToCustomerNo: string;
  customerName: string;
  paymentLinks: PaymentLink[];
}

async function loadForEmail(tx: Executor, documentType: EmailDocumentType, no: string): Promise<LoadedDocument> {
  if (documentType === 'postedInvoice' || documentType === 'postedCreditMemo') {
    const postedType = documentType === 'postedInvoice' ? 'invoice' : 'creditMemo';
    const { header } = await loadPostedDocument(tx, postedType, no);
    return {
      printable: await loadPrintablePostedDocument(tx, postedType, no),
      sellToCustomerNo: header.sellToCustomerNo, billToCustomerNo: header.billToCustomerNo, customerName: header.billToName,
      paymentLinks: documentType === 'postedInvoice' ? await paymentLinksForPostedInvoice(tx, no) : [],
    };
  }
  const { header } = await loadDocument(tx, documentType, no);
  return {
    printable: await loadPrintableSalesDocument(tx, documentType, no),
    sellToCustomerNo: header.sellToCustomerNo, billToCustomerNo: header.billToCustomerNo, customerName: header.billToName,
    paymentLinks: await paymentLinksForSalesDocument(tx, documentType, no),
  };
}

async function customerFacts(tx: Executor, billToCustomerNo: string, sellToCustomerNo: string) {
  const rows = await tx.select({ no: customer.no, email: customer.email, profile: customer.documentSendingProfile }).from(customer)
    .where(eq(customer.no, billToCustomerNo));
  const sellTo = sellToCustomerNo === billToCustomerNo ? rows : await tx.select({ no: customer.no, email: customer.email, profile: customer.documentSendingProfile })
    .from(customer).where(eq(customer.no, sellToCustomerNo));
  const billTo = rows[0];
  return {
    // The bill-to customer gets invoices; without an address of its own, the sell-to customer's.
    email: billTo?.email.trim() || sellTo[0]?.email.trim() || '',
    profileCode: billTo?.profile || sellTo[0]?.profile || '',
  };
}

export async function resolveProfileFor(tx: Executor, profileCode: string): Promise<ResolvedSendingProfile> {
  const rows = await tx.select().from(documentSendingProfile);
  const profiles: SendingProfile[] = rows.map((row) => ({
    code: row.code, description: row.description, default: row.default,
    email: row.email as SendingProfile['email'], emailAttachment: row.emailAttachment as EmailAttachmentChoice,
  }));
  return resolveSendingProfile(profileCode, profiles);
}

/** The message as the outbox takes it (NewEmailMessage), before the attachments are rendered. */
interface PreparedEmail extends Pick<NewEmailMessage, 'documentNo' | 'customerNo' | 'to' | 'cc' | 'subject' | 'htmlBody'> {
  documentType: EmailDocumentType;
  emailAttachment: EmailAttachmentChoice;
  attachmentNames: string[];
  profile: ResolvedSendingProfile;
  printable: PrintableDocument;
}

async function prepareEmail(tx: Executor, documentType: EmailDocumentType, no: string, request: SendEmailRequest): Promise<PreparedEmail> {
  const document = await loadForEmail(tx, documentType, no);
  const facts = await customerFacts(tx, document.billToCustomerNo, document.sellToCustomerNo);
  const profile = await resolveProfileFor(tx, facts.profileCode);
  const kind = kinds[documentType];
  const companyName = document.printable.company.name;
  const emailAttachment = request.emailAttachment ?? profile.emailAttachment;
  return {
    documentType, documentNo: no, customerNo: document.billToCustomerNo,
    // Typed addresses are refused at once when invalid; the customer's own is checked by the sender (§21.3).
    to: request.to !== undefined && request.to.trim() !== '' ? checkAddressList(request.to, 'to') : facts.email,
    cc: request.cc !== undefined ? checkAddressList(request.cc, 'cc') : '',
    subject: request.subject?.trim() || emailSubject(companyName, kind, no),
    htmlBody: documentEmailHtml({
      kind, documentNo: no, document: document.printable, companyName, customerName: document.customerName,
      paymentLinks: document.paymentLinks, ...(request.body !== undefined ? { ownText: request.body } : {}),
    }),
    emailAttachment,
    attachmentNames: attachmentNames(documentType, no, emailAttachment),
    profile,
    printable: document.printable,
  };
}

const isPosted = (documentType: EmailDocumentType) => documentType === 'postedInvoice' || documentType === 'postedCreditMemo';

/**
 * What goes with the email: the PDF, the Peppol e-invoice (UBL XML) or both, as the profile or the
 * user chose. Only posted invoices and credit memos have an e-invoice; other documents take the PDF.
 */
function attachmentPlan(documentType: EmailDocumentType, choice: EmailAttachmentChoice) {
  const electronic = isPosted(documentType) && choice !== 'pdf';
  return { pdf: !electronic || choice === 'pdfAndElectronicDocument', electronic };
}

function attachmentNames(documentType: EmailDocumentType, no: string, choice: EmailAttachmentChoice): string[] {
  const plan = attachmentPlan(documentType, choice);
  const pdfName = attachmentFileName(kinds[documentType], no);
  return [...(plan.pdf ? [pdfName] : []), ...(plan.electronic ? [pdfName.replace(/\.pdf$/, '.xml')] : [])];
}

/** The email a send would produce, for the dialog; generates no PDF and counts no print. */
export async function emailDraft(tx: Executor, documentType: EmailDocumentType, no: string): Promise<EmailDraftView> {
  const prepared = await prepareEmail(tx, documentType, no, {});
  return {
    documentType, documentNo: no, to: prepared.to, cc: prepared.cc, subject: prepared.subject, htmlBody: prepared.htmlBody,
    attachmentNames: prepared.attachmentNames, emailAttachment: prepared.emailAttachment,
    profile: { code: prepared.profile.profile?.code ?? null, source: prepared.profile.source, email: prepared.profile.email },
    noPrinted: await noPrinted(tx, documentType, no),
  };
}

function refusalOf(to: string): string | undefined {
  if (splitAddressList(to).length === 0) return 'There is no email address to send to: fill in the customer\'s E-Mail, then Retry with the address.';
  const invalid = invalidAddressIn(to);
  return invalid === undefined ? undefined : `'${invalid}' is not a valid email address; correct it and Retry.`;
}

export interface QueuedDocumentEmail { message: EmailMessageRow; created: boolean; noPrinted: number }

/**
 * Queues the document's email. `mode: 'profile'` (Send, Post and Send) follows the sending profile
 * and refuses when it says E-Mail: No; `mode: 'email'` (Send by Email) always sends.
 */
export async function queueDocumentEmail(
  tx: Executor, documentType: EmailDocumentType, no: string, request: SendEmailRequest,
  options: { actor: string; mode: 'profile' | 'email'; idempotencyKey?: string | undefined },
): Promise<QueuedDocumentEmail> {
  const idempotencyKey = request.idempotencyKey ?? options.idempotencyKey ?? randomUUID();
  const replayed = await findMessageByKey(tx, idempotencyKey);
  if (replayed) return { message: replayed, created: false, noPrinted: await noPrinted(tx, replayed.documentType, replayed.documentNo) };
  const prepared = await prepareEmail(tx, documentType, no, request);
  if (options.mode === 'profile' && prepared.profile.email === 'no') {
    throw new DomainError('EMAIL_NOT_ALLOWED_BY_PROFILE', { profile: prepared.profile.profile?.code ?? '' });
  }
  const { row, created } = await queueNew(tx, idempotencyKey, prepared, options.actor);
  return { message: row, created, noPrinted: await noPrinted(tx, documentType, no) };
}

async function queueNew(tx: Executor, idempotencyKey: string, prepared: PreparedEmail, actor: string) {
  const plan = attachmentPlan(prepared.documentType, prepared.emailAttachment);
  const attachments: OutboxAttachment[] = [];
  if (plan.pdf) attachments.push({ fileName: attachmentFileName(kinds[prepared.documentType], prepared.documentNo), contentType: 'application/pdf', content: await renderPdf(prepared.printable) });
  if (plan.electronic) {
    const eInvoice = await renderEInvoice(tx, prepared.documentType === 'postedInvoice' ? 'invoice' : 'creditMemo', prepared.documentNo);
    attachments.push({ fileName: eInvoice.fileName, contentType: 'application/xml', content: eInvoice.xml });
  }
  const refusal = refusalOf(prepared.to);
  const queued = await queueEmailMessage(tx, {
    idempotencyKey, documentType: prepared.documentType, documentNo: prepared.documentNo, customerNo: prepared.customerNo,
    to: prepared.to, cc: prepared.cc, subject: prepared.subject, htmlBody: prepared.htmlBody,
    attachmentChoice: prepared.emailAttachment, attachments, createdBy: actor, ...(refusal ? { refusal } : {}),
  });
  // No. Printed counts the PDFs generated (§21.3): an e-invoice alone prints nothing.
  if (queued.created && plan.pdf) await recordPrint(tx, prepared.documentType, prepared.documentNo, actor, 'email');
  return queued;
}

export function emailEntity(documentType: EmailDocumentType): string {
  return entities[documentType];
}
