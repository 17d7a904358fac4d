/**
 * API input and output of sending documents by email (spec §21): document sending profiles, the
 * send actions' body, the SMTP setup and the outbox as the API shows them. One schema for the API
 * and the web's forms.
 */
import { z } from 'zod';
import { code, recordSchemas, text } from '../master-data/fields.ts';
import { emailStatuses } from './outbox-retry.ts';
import { diskChoices, electronicDocumentChoices, emailAttachmentChoices, sendingChoices } from './sending-profile.ts';

export const documentSendingProfileSchemas = recordSchemas({ code: code(20) }, {
  description: text(100),
  default: z.boolean(),
  printer: z.enum(sendingChoices),
  email: z.enum(sendingChoices),
  emailAttachment: z.enum(emailAttachmentChoices),
  emailFormat: text(20),
  disk: z.enum(diskChoices),
  electronicDocument: z.enum(electronicDocumentChoices),
  electronicFormat: text(20),
});

/** What a send action may override; blank fields take the defaults of §21.3. */
export const sendEmailRequest = z.strictObject({
  to: z.string().max(1000).optional(),
  cc: z.string().max(1000).optional(),
  subject: z.string().max(500).optional(),
  /** The user's own text instead of the standard body with lines and totals. */
  body: z.string().max(100_000).optional(),
  emailAttachment: z.enum(emailAttachmentChoices).optional(),
  /** One send request, one email: repeating the request with the same key sends nothing more. */
  idempotencyKey: z.string().min(1).max(200).optional(),
});
export type SendEmailRequest = z.infer<typeof sendEmailRequest>;

export const smtpSecurityValues = ['none', 'starttls', 'tls'] as const;

export const smtpSetupUpdate = z.strictObject({
  host: z.string().trim().max(255).optional(),
  port: z.number().int().min(1).max(65535).optional(),
  security: z.enum(smtpSecurityValues).optional(),
  username: z.string().max(255).optional(),
  /** Stored encrypted; '' removes it. Never returned. */
  password: z.string().max(1000).optional(),
  senderAddress: z.string().trim().max(254).optional(),
  senderName: z.string().trim().max(100).optional(),
});
export type SmtpSetupUpdate = z.infer<typeof smtpSetupUpdate>;

export const smtpSetupView = z.object({
  host: z.string(),
  port: z.number().int(),
  security: z.enum(smtpSecurityValues),
  username: z.string(),
  passwordSet: z.boolean(),
  senderAddress: z.string(),
  senderName: z.string(),
  version: z.number().int(),
});

export const emailDocumentTypes = ['quote', 'order', 'invoice', 'postedInvoice', 'postedCreditMemo'] as const;
export type EmailDocumentType = (typeof emailDocumentTypes)[number];

/**
 * What an outbox message may concern: the documents sent by email, and every approval document
 * type (core/approvals approvalDocumentTypes), whose approval notices are emailed too (§19.7).
 */
export const emailOutboxDocumentTypes = [...emailDocumentTypes, 'creditMemo', 'returnOrder', 'blanketOrder'] as const;

export const emailMessageView = z.object({
  id: z.string(),
  documentType: z.enum(emailOutboxDocumentTypes),
  documentNo: z.string(),
  customerNo: z.string(),
  to: z.string(),
  cc: z.string(),
  subject: z.string(),
  attachmentChoice: z.enum(emailAttachmentChoices),
  attachmentNames: z.array(z.string()),
  status: z.enum(emailStatuses),
  attempts: z.number().int(),
  nextAttemptAt: z.string(),
  lastError: z.string(),
  sentAt: z.string().nullable(),
  smtpMessageId: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
});
export type EmailMessageView = z.infer<typeof emailMessageView>;

/** The email a send would produce, for the dialog (Prompt for Settings). */
export const emailDraftView = z.object({
  documentType: z.enum(emailDocumentTypes),
  documentNo: z.string(),
  to: z.string(),
  cc: z.string(),
  subject: z.string(),
  htmlBody: z.string(),
  attachmentNames: z.array(z.string()),
  emailAttachment: z.enum(emailAttachmentChoices),
  profile: z.object({ code: z.string().nullable(), source: z.enum(['customer', 'default', 'adHoc']), email: z.enum(sendingChoices) }),
  noPrinted: z.number().int(),
});
export type EmailDraftView = z.infer<typeof emailDraftView>;

export const sendEmailResponse = z.object({
  message: emailMessageView,
  /** No. Printed of the document after this send (spec §21.3). */
  noPrinted: z.number().int(),
  /** Post and Send: the posted document's number. */
  postedDocumentNo: z.string().optional(),
});
