/**
 * Sending documents by email (spec §21): the SMTP setup (one row), document sending profiles, the
 * email outbox with its attachments, and the print log behind No. Printed. The outbox is an
 * operational table like `job`: rows are updated as delivery proceeds.
 */
import { sql } from 'drizzle-orm';
import { customType, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { flag, recordColumns } from './columns.ts';

const timestampColumn = () => timestamp({ withTimezone: true, mode: 'string' });
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => Buffer.from(value),
});

/** Outbound mail server; the password is AES-256-GCM ciphertext (src/server/email/secret-box.ts), never returned. */
export const smtpSetup = pgTable('smtp_setup', {
  id: integer().primaryKey().default(1),
  host: text().notNull().default(''),
  port: integer().notNull().default(587),
  /** none | starttls | tls */
  security: text().notNull().default('starttls'),
  username: text().notNull().default(''),
  passwordCiphertext: text().notNull().default(''),
  senderAddress: text().notNull().default(''),
  senderName: text().notNull().default(''),
  ...recordColumns(),
});

export const documentSendingProfile = pgTable('document_sending_profile', {
  code: text().primaryKey(),
  description: text().notNull().default(''),
  default: flag(),
  /** no | promptForSettings | useDefaultSettings */
  printer: text().notNull().default('no'),
  email: text().notNull().default('no'),
  /** pdf | electronicDocument | pdfAndElectronicDocument */
  emailAttachment: text().notNull().default('pdf'),
  emailFormat: text().notNull().default(''),
  /** no | pdf | electronicDocument | pdfAndElectronicDocument */
  disk: text().notNull().default('no'),
  /** no | throughDocumentExchangeService */
  electronicDocument: text().notNull().default('no'),
  electronicFormat: text().notNull().default(''),
  ...recordColumns(),
}, (t) => [uniqueIndex('document_sending_profile_one_default').on(t.default).where(sql`${t.default}`)]);

/** queued → sending → sent | queued (retry later) | failed; queued or failed → cancelled. */
export const emailOutbox = pgTable('email_outbox', {
  id: uuid().primaryKey().defaultRandom(),
  /** One send request, one message: a repeated request with the same key finds this row. */
  idempotencyKey: text().notNull().unique(),
  /** quote | order | invoice (draft) | postedInvoice | postedCreditMemo */
  documentType: text().notNull(),
  documentNo: text().notNull(),
  customerNo: text().notNull().default(''),
  toAddresses: text().notNull(),
  ccAddresses: text().notNull().default(''),
  subject: text().notNull(),
  htmlBody: text().notNull(),
  /** pdf | electronicDocument | pdfAndElectronicDocument */
  attachmentChoice: text().notNull().default('pdf'),
  status: text().notNull().default('queued'),
  attempts: integer().notNull().default(0),
  nextAttemptAt: timestampColumn().notNull().defaultNow(),
  lastError: text().notNull().default(''),
  sentAt: timestampColumn(),
  smtpMessageId: text().notNull().default(''),
  claimedBy: text(),
  claimedAt: timestampColumn(),
  createdBy: text().notNull().default(''),
  createdAt: timestampColumn().notNull().defaultNow(),
}, (t) => [
  index('email_outbox_due').on(t.status, t.nextAttemptAt),
  index('email_outbox_document').on(t.documentType, t.documentNo),
]);

export const emailAttachment = pgTable('email_attachment', {
  id: uuid().primaryKey().defaultRandom(),
  messageId: uuid().notNull().references(() => emailOutbox.id, { onDelete: 'cascade' }),
  sequence: integer().notNull(),
  fileName: text().notNull(),
  contentType: text().notNull(),
  content: bytea().notNull(),
}, (t) => [uniqueIndex('email_attachment_order').on(t.messageId, t.sequence)]);

/** One row per PDF generated for sending: posted documents are immutable, so No. Printed is a count of these rows. */
export const documentPrint = pgTable('document_print', {
  id: uuid().primaryKey().defaultRandom(),
  documentType: text().notNull(),
  documentNo: text().notNull(),
  /** email | print */
  reason: text().notNull().default('email'),
  printedBy: text().notNull().default(''),
  printedAt: timestampColumn().notNull().defaultNow(),
}, (t) => [index('document_print_document').on(t.documentType, t.documentNo)]);
