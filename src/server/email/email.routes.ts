/**
 * Email actions and pages' API (spec §21): Send by Email on quotes, orders (confirmation) and draft
 * invoices; Post and Send on invoices, orders and credit memos; Send and Send by Email on posted
 * invoices and credit memos; the draft the email dialog shows; the outbox (list, retry, cancel,
 * deliver now) and the SMTP setup. Every send answers at once with the queued message: the SMTP
 * conversation happens after commit, in the email worker.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { z } from 'zod';
import { salesDescriptor } from '../../core/documents/document-descriptors.ts';
import { checkAddressList } from '../../core/email/email-address.ts';
import {
  emailDraftView, emailOutboxDocumentTypes, emailMessageView, sendEmailRequest, sendEmailResponse, smtpSetupUpdate, smtpSetupView,
  type EmailDocumentType, type SendEmailRequest,
} from '../../core/email/email.schemas.ts';
import { emailStatuses, type EmailStatus } from '../../core/email/outbox-retry.ts';
import type { Executor } from '../db/connection.ts';
import { actorOf } from '../http/auth.ts';
import { expectedVersion } from '../master-data/resource.routes.ts';
import { whilePosting } from '../sales/posting-guard.ts';
import { loadSalesContext } from '../sales/sales-context.ts';
import { postSalesDocument, type PostableDocumentType } from '../sales/sales-post.ts';
import { emailDraft, queueDocumentEmail } from './document-email.commands.ts';
import { cancelMessage, getMessage, listMessages, messageView, retryMessage } from './email-outbox.ts';
import { deliverDueEmails } from './email-sender.ts';
import { getSmtpSetup, updateSmtpSetup } from './smtp-setup.ts';

const unpostedSendable: ReadonlyArray<{ resource: string; documentType: EmailDocumentType }> = [
  { resource: 'salesQuotes', documentType: 'quote' },
  { resource: 'salesOrders', documentType: 'order' },
  { resource: 'salesInvoices', documentType: 'invoice' },
];
const postedSendable: ReadonlyArray<{ resource: string; documentType: EmailDocumentType }> = [
  { resource: 'postedSalesInvoices', documentType: 'postedInvoice' },
  { resource: 'postedSalesCreditMemos', documentType: 'postedCreditMemo' },
];
const postAndSendable: readonly PostableDocumentType[] = ['invoice', 'order', 'creditMemo'];

const params = z.object({ no: z.string() });
const documentNo = (request: FastifyRequest) => (request.params as { no: string }).no.trim().toUpperCase();
const headerKey = (request: FastifyRequest) => {
  const value = request.headers['idempotency-key'];
  return typeof value === 'string' && value !== '' ? value : undefined;
};
const bodyOf = (request: FastifyRequest) => (request.body ?? {}) as SendEmailRequest;

export function registerEmailRoutes(app: FastifyInstance, getDb: () => Executor) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const sendBody = sendEmailRequest.nullish();

  const sendRoute = (resource: string, documentType: EmailDocumentType, action: 'sendByEmail' | 'send') => {
    routes.post(`/api/v1/${resource}/:no/${action}`, {
      config: { area: 'sales' as const },
      schema: {
        tags: [resource], params, body: sendBody, response: { 201: sendEmailResponse },
        summary: action === 'send'
          ? 'Send the document as its customer\'s document sending profile says (queued in the outbox, sent after commit)'
          : 'Send the document by email with its PDF (queued in the outbox, sent after commit); blank fields take the defaults',
      },
    }, async (request, reply) => {
      const actor = actorOf(request).username;
      const result = await getDb().transaction(async (tx) => {
        const queued = await queueDocumentEmail(tx as Executor, documentType, documentNo(request), bodyOf(request),
          { actor, mode: action === 'send' ? 'profile' : 'email', idempotencyKey: headerKey(request) });
        return { message: await messageView(tx as Executor, queued.message), noPrinted: queued.noPrinted };
      });
      return reply.status(201).send(result);
    });
  };

  const draftRoute = (resource: string, documentType: EmailDocumentType) => {
    routes.get(`/api/v1/${resource}/:no/emailDraft`, {
      config: { area: 'sales' as const },
      schema: { tags: [resource], params, response: { 200: emailDraftView }, summary: 'The email a send would produce (To, subject, body, attachments, profile), for the email dialog' },
    }, async (request) => emailDraft(getDb(), documentType, documentNo(request)));
  };

  for (const { resource, documentType } of unpostedSendable) {
    sendRoute(resource, documentType, 'sendByEmail');
    draftRoute(resource, documentType);
  }
  for (const { resource, documentType } of postedSendable) {
    sendRoute(resource, documentType, 'send');
    sendRoute(resource, documentType, 'sendByEmail');
    draftRoute(resource, documentType);
  }

  for (const documentType of postAndSendable) {
    const descriptor = salesDescriptor(documentType);
    routes.post(`/api/v1/${descriptor.resource}/:no/postAndSend`, {
      config: { area: 'posting' as const },
      schema: {
        tags: [descriptor.resource], params, body: sendBody, response: { 201: sendEmailResponse },
        summary: `Post the ${descriptor.caption} (ship and invoice), then send the posted document by email in the same transaction`,
      },
    }, async (request, reply) => {
      const no = documentNo(request);
      const actor = actorOf(request).username;
      const result = await whilePosting(descriptor.caption, documentType, no, () => getDb().transaction(async (tx) => {
        const context = await loadSalesContext(tx as Executor, request.workDate, actor);
        const posted = await postSalesDocument(tx as Executor, documentType, no, { ship: true, receive: true, invoice: true }, context,
          { expectedVersion: expectedVersion(request.headers['if-match'], undefined) });
        const [postedType, postedNo] = posted.creditMemoNo ? ['postedCreditMemo', posted.creditMemoNo] as const : ['postedInvoice', posted.invoiceNo!] as const;
        // Addresses entered in the Post and Send confirmation override the profile for this send (§21.2).
        const body = bodyOf(request);
        const mode = body.to?.trim() ? 'email' : 'profile';
        const queued = await queueDocumentEmail(tx as Executor, postedType, postedNo, body, { actor, mode, idempotencyKey: headerKey(request) });
        return { message: await messageView(tx as Executor, queued.message), noPrinted: queued.noPrinted, postedDocumentNo: postedNo };
      }));
      return reply.status(201).send(result);
    });
  }

  registerOutboxRoutes(app, getDb);
  registerSmtpRoutes(app, getDb);
}

function registerOutboxRoutes(app: FastifyInstance, getDb: () => Executor) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['emailOutbox'];
  const config = { area: 'sales' as const };
  const idParams = z.object({ id: z.string() });

  routes.get('/api/v1/emailOutbox', {
    config,
    schema: {
      tags, summary: 'Emails: queued, sent and failed (with their error), newest first',
      querystring: z.strictObject({
        /** One status or several, comma-separated: `failed,queued`. */
        status: z.string().regex(new RegExp(`^(${emailStatuses.join('|')})(,(${emailStatuses.join('|')}))*$`), 'must be statuses separated by commas').optional(),
        documentType: z.enum(emailOutboxDocumentTypes).optional(),
        documentNo: z.string().optional(),
        limit: z.coerce.number().int().min(1).max(1000).default(100),
      }),
      response: { 200: z.object({ items: z.array(emailMessageView) }) },
    },
  }, async (request) => ({
    items: await listMessages(getDb(), { ...request.query, status: request.query.status?.split(',') as EmailStatus[] | undefined }),
  }));

  routes.get('/api/v1/emailOutbox/:id', {
    config, schema: { tags, params: idParams, response: { 200: emailMessageView }, summary: 'One email of the outbox' },
  }, async (request) => {
    const db = getDb();
    return messageView(db, await getMessage(db, request.params.id));
  });

  routes.post('/api/v1/emailOutbox/:id/retry', {
    config,
    schema: {
      tags, params: idParams, body: z.strictObject({ to: z.string().max(1000).optional(), cc: z.string().max(1000).optional() }).nullish(),
      response: { 200: emailMessageView }, summary: 'Send a failed email again (optionally to corrected addresses)',
    },
  }, async (request) => getDb().transaction(async (tx) => {
    const body = request.body ?? {};
    const correction = {
      ...(body.to !== undefined ? { to: checkAddressList(body.to, 'to') } : {}),
      ...(body.cc !== undefined ? { cc: checkAddressList(body.cc, 'cc') } : {}),
    };
    return messageView(tx as Executor, await retryMessage(tx as Executor, request.params.id, correction));
  }));

  routes.post('/api/v1/emailOutbox/:id/cancel', {
    config, schema: { tags, params: idParams, response: { 200: emailMessageView }, summary: 'Cancel an email not sent yet' },
  }, async (request) => getDb().transaction(async (tx) => messageView(tx as Executor, await cancelMessage(tx as Executor, request.params.id))));

  routes.post('/api/v1/emailOutbox/deliver', {
    config,
    schema: {
      tags, summary: 'Send every email due now, at once (the email worker does this every few seconds)',
      response: { 200: z.object({ sent: z.number().int(), retrying: z.number().int(), failed: z.number().int() }) },
    },
  }, async (request) => deliverDueEmails(getDb(), `request:${actorOf(request).username}`));
}

function registerSmtpRoutes(app: FastifyInstance, getDb: () => Executor) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['smtpSetup'];
  routes.get('/api/v1/smtpSetup', {
    config: { area: 'setup' as const }, schema: { tags, response: { 200: smtpSetupView }, summary: 'The outgoing mail server (the password is never shown)' },
  }, async () => getSmtpSetup(getDb()));
  routes.patch('/api/v1/smtpSetup', {
    config: { area: 'setup' as const },
    schema: { tags, body: smtpSetupUpdate, response: { 200: smtpSetupView }, summary: 'Change the outgoing mail server; the password is stored encrypted (LEDGERLINE_SECRET_KEY)' },
  }, async (request) => getDb().transaction(async (tx) => updateSmtpSetup(tx as Executor, request.body)));
}
