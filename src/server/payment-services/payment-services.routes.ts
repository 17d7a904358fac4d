/**
 * Payment services over the API (spec §21.1, §21.4): the setup (read by everyone, changed with the
 * setup permission), its notification log, the payment links of a posted invoice, and PayPal's
 * notification endpoint. That one is public (PayPal calls it without a session): it is
 * authenticated by the token in the notify_url of the invoice's link instead, verified by posting it
 * back to PayPal, and answers a refused notification with an error status so PayPal's log shows it.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { z } from 'zod';
import { DomainError } from '../../core/errors.ts';
import { code } from '../../core/master-data/fields.ts';
import { paymentLinkView, paymentNotificationView, paymentServiceSetupUpdate, paymentServiceSetupView } from '../../core/master-data/payment-service.schemas.ts';
import type { Executor } from '../db/connection.ts';
import { problem } from '../http/problem.ts';
import { expectedVersion } from '../master-data/resource.routes.ts';
import { paymentLinksForPostedInvoice } from './payment-links.ts';
import {
  listPaymentNotifications, listPaymentServices, loadPaymentService, paymentServiceView, PAYPAL_NOTIFY_PATH, regenerateNotifySecret, updatePaymentService,
} from './payment-service-setup.commands.ts';
import { handlePayPalNotification } from './paypal-notification.commands.ts';
import { verifyWithPayPal } from './paypal-verification.ts';

const serviceParams = z.object({ code: code(20).describe('The payment service: PAYPAL') });
const notificationOutcome = z.object({
  status: z.enum(['accepted', 'duplicate']), notificationId: z.number().int(), paymentDocumentNo: z.string().nullable(),
});
const problemBody = z.object({ type: z.string(), title: z.string(), status: z.number(), code: z.string(), detail: z.string() });

/** PayPal posts its notification form-encoded; each field once (the first wins if repeated). */
function parseForm(body: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(body)) if (!(name in fields)) fields[name] = value;
  return fields;
}

export function registerPaymentServiceRoutes(app: FastifyInstance, getDb: () => Executor) {
  registerSetupRoutes(app, getDb);
  registerLinkAndLogRoutes(app, getDb);
  registerNotifyRoute(app, getDb);
}

function registerSetupRoutes(app: FastifyInstance, getDb: () => Executor) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  routes.get('/api/v1/paymentServices', {
    config: { area: 'setup' as const },
    schema: { tags: ['setup'], summary: 'Payment services (PayPal Payments Standard built in)', response: { 200: z.object({ items: z.array(paymentServiceSetupView) }) } },
  }, async () => ({ items: await listPaymentServices(getDb()) }));

  routes.get('/api/v1/paymentServices/:code', {
    config: { area: 'setup' as const },
    schema: { tags: ['setup'], summary: 'One payment service setup', params: serviceParams, response: { 200: paymentServiceSetupView } },
  }, async (request, reply) => {
    const view = paymentServiceView(await loadPaymentService(getDb(), request.params.code));
    return reply.header('etag', `"${view.version}"`).send(view);
  });

  routes.patch('/api/v1/paymentServices/:code', {
    config: { area: 'setup' as const },
    schema: {
      tags: ['setup'], summary: 'Change a payment service setup',
      description: 'Enabling needs an Account ID (the PayPal business e-mail); the Target URL must be https (blank: PayPal\'s production address); '
        + 'with a notify base URL, a balancing account (G/L or bank account) registers the notified payments. If-Match or version: the version last read.',
      params: serviceParams, body: paymentServiceSetupUpdate, response: { 200: paymentServiceSetupView },
    },
  }, async (request, reply) => {
    const version = expectedVersion(request.headers['if-match'], undefined);
    const view = await getDb().transaction((tx) => updatePaymentService(tx as Executor, request.params.code, request.body, version));
    return reply.header('etag', `"${view.version}"`).send(view);
  });

  routes.post('/api/v1/paymentServices/:code/regenerateNotifySecret', {
    config: { area: 'setup' as const },
    schema: {
      tags: ['setup'], summary: 'Replace the secret of the notify_url',
      description: 'Links already sent carry tokens of the old secret: their notifications are refused from now on.',
      params: serviceParams, response: { 200: paymentServiceSetupView },
    },
  }, async (request) => getDb().transaction((tx) => regenerateNotifySecret(tx as Executor, request.params.code)));
}

function registerLinkAndLogRoutes(app: FastifyInstance, getDb: () => Executor) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  routes.get('/api/v1/paymentServices/:code/notifications', {
    config: { area: 'setup' as const },
    schema: {
      tags: ['setup'], summary: 'Notifications received from the payment service, newest first, accepted or refused with the reason',
      params: serviceParams, querystring: z.object({ limit: z.coerce.number().int().min(1).max(1000).default(100) }),
      response: { 200: z.object({ items: z.array(paymentNotificationView) }) },
    },
  }, async (request) => {
    const rows = await listPaymentNotifications(getDb(), request.params.code, request.query.limit);
    return { items: rows.map(({ fields: _fields, ...row }) => ({ ...row, status: row.status as 'accepted' | 'refused' })) };
  });

  routes.get('/api/v1/postedSalesInvoices/:no/paymentLinks', {
    config: { area: 'sales' as const },
    schema: {
      tags: ['sales'], summary: 'The payment links of a posted sales invoice (Pay with PayPal), as its email and PDF show them',
      params: z.object({ no: code() }), response: { 200: z.object({ items: z.array(paymentLinkView) }) },
    },
  }, async (request) => ({ items: await paymentLinksForPostedInvoice(getDb(), request.params.no) }));
}

/** The notification's body as received, byte for byte: PayPal verifies only an unchanged copy. */
const rawBodies = new WeakMap<object, Buffer>();

/** Public, form-encoded: its own scope, so the form parser serves this route only. */
function registerNotifyRoute(app: FastifyInstance, getDb: () => Executor) {
  void app.register(async (scope) => {
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'buffer', bodyLimit: 64 * 1024 }, (request, body, done) => {
      rawBodies.set(request.raw, body as Buffer);
      done(null, parseForm((body as Buffer).toString('utf8')));
    });
    scope.withTypeProvider<ZodTypeProvider>().post(PAYPAL_NOTIFY_PATH, {
      config: { public: true },
      schema: {
        tags: ['setup'], summary: 'PayPal payment notification (IPN): registers the payment of a posted invoice once',
        description: 'Called by PayPal at the notify_url of an invoice\'s payment link, form-encoded (txn_id, invoice, mc_gross, mc_currency, payment_status, '
          + 'receiver_email). Needs no session: the token of the notify_url authenticates it. A Completed payment of an open invoice, to our account, in its '
          + 'currency and not above what it owes, is posted as a customer payment applied to the invoice; a repeated transaction is answered 200 and '
          + 'posts nothing more. A notification with the token is first posted back to PayPal (cmd=_notify-validate): INVALID is refused (403). '
          + 'Refused: 403 (wrong token or receiver, INVALID), 404 (unknown invoice), 422 (anything else); nothing is posted then. '
          + '503 when PayPal could not verify it (unreachable, no answer): nothing is posted, and PayPal sends it again.',
        security: [],
        querystring: z.object({ token: z.string().max(200).default('') }),
        body: z.record(z.string(), z.string()).describe('The IPN fields, application/x-www-form-urlencoded'),
        response: { 200: notificationOutcome, 403: problemBody, 404: problemBody, 422: problemBody, 503: problemBody },
      },
    }, async (request, reply) => {
      const rawBody = rawBodies.get(request.raw) ?? Buffer.alloc(0);
      const outcome = await handlePayPalNotification(getDb(), request.query.token, request.body, (setup) => verifyWithPayPal(rawBody, { sandbox: setup.sandbox }));
      if (outcome.status === 'unverified') {
        request.log.warn({ reason: outcome.reason }, 'PayPal notification not verified');
        return reply.status(503).type('application/problem+json')
          .send(problem(503, 'PAYMENT_NOTIFICATION_UNVERIFIED', new DomainError('PAYMENT_NOTIFICATION_UNVERIFIED', { reason: outcome.reason }).message));
      }
      if (outcome.status === 'refused') {
        return reply.status(outcome.httpStatus).type('application/problem+json')
          .send(problem(outcome.httpStatus, 'PAYMENT_NOTIFICATION_REFUSED', `The payment notification was refused: ${outcome.reason}. Nothing was posted.`));
      }
      return reply.send({ status: outcome.status, notificationId: outcome.notificationId, paymentDocumentNo: outcome.paymentDocumentNo });
    });
  });
}
