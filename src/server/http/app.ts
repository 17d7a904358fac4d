import Fastify, { type FastifyInstance } from 'fastify';
import fastifySwagger from '@fastify/swagger';
import { withProblemResponses } from './openapi-problems.ts';
import { withSharedSchemas } from './openapi-shared-schemas.ts';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from '@fastify/type-provider-zod';
import type { Executor } from '../db/connection.ts';
import { asArrivingWork } from '../db/turn-order.ts';
import type { Actor } from '../master-data/resource.ts';
import { resources, singletons } from '../master-data/registry.ts';
import { registerResource, registerSingleton } from '../master-data/resource.routes.ts';
import { registerNoSeriesRoutes } from '../number-series/no-series.routes.ts';
import { registerSalesDocumentRoutes } from '../sales/sales-document.routes.ts';
import { registerPurchaseDocumentRoutes } from '../purchases/purchase-document.routes.ts';
import { registerPurchasePostRoutes } from '../purchases/purchase-post.routes.ts';
import { registerRequisitionWorksheetRoutes } from '../purchases/requisition-worksheet.routes.ts';
import { registerItemJournalRoutes } from '../inventory/item-journal.routes.ts';
import { registerGeneralJournalRoutes } from '../journal/general-journal.routes.ts';
import { registerJournalBatchRoutes } from '../journal/journal-batches.routes.ts';
import { registerReconciliationRoutes } from '../bank/reconciliation.routes.ts';
import { registerStatementUploadRoute } from '../bank/statement-upload.routes.ts';
import { registerPostedSalesDocumentRoutes } from '../sales/posted-sales-document.routes.ts';
import { registerPdfDocumentRoutes } from '../documents/pdf-document.routes.ts';
import { registerEInvoiceRoutes } from '../documents/einvoice.routes.ts';
import { registerNavigateRoutes } from '../ledger/navigate.routes.ts';
import { registerReverseRoutes } from '../ledger/reverse.routes.ts';
import { registerApplyEntriesRoutes } from '../receivables/apply-entries.routes.ts';
import { registerVendorApplyEntriesRoutes } from '../payables/vendor-apply-entries.routes.ts';
import { registerPaymentRegistrationRoutes } from '../receivables/payment-registration.routes.ts';
import { registerUnapplyRoutes } from '../receivables/unapply.routes.ts';
import { registerCustomerStatisticsRoutes } from '../customers/customer-statistics.routes.ts';
import { registerSalesPostRoutes } from '../sales/sales-post.routes.ts';
import { registerPrepaymentRoutes } from '../sales/prepayment.routes.ts';
import { registerPostingCompanionRoutes } from '../sales/posting-companions.routes.ts';
import { registerRecurringSalesLineRoutes } from '../sales/recurring-sales-lines.routes.ts';
import { registerJobRoutes } from '../jobs/job.routes.ts';
import { registerReceivablesReportRoutes } from '../receivables/reports.routes.ts';
import { registerPaymentServiceRoutes } from '../payment-services/payment-services.routes.ts';
import { registerEmailRoutes } from '../email/email.routes.ts';
import { registerApprovalRoutes } from '../approvals/approval.routes.ts';
import { registerApprovalNotificationRoutes } from '../approvals/approval-notification.routes.ts';
import { registerCompanyLogoRoutes } from '../setup/company-logo.routes.ts';
import { registerAvailabilityRoutes } from '../availability/availability.routes.ts';
import { registerAssemblyRoutes } from '../assembly/assembly.routes.ts';
import { registerApiDocs } from './api-docs.ts';
import { registerAuthentication } from './auth.ts';
import type { SignInOptions } from '../users/sign-in.commands.ts';
import { registerIdempotency } from './idempotency.ts';
import { problem, sendProblem } from './problem.ts';
import { registerWebApp } from './web-app.ts';
import { registerWorkDate } from './work-date.ts';
import { registerInputGuards } from './input-guards.ts';
import { registerSecurityHeaders } from './security-headers.ts';
import { normalizeUrl } from './url-normalization.ts';
import { requestScopedDb } from './request-transaction.ts';

export interface AppOptions {
  db: Executor;
  logger?: boolean;
  /** In-process callers (the CLI) act as this user without a token. */
  localActor?: Actor;
  /** Sign-in throttling and hashing limits (defaults in core/access/sign-in-throttle.ts); tests pass a clock. */
  signIn?: SignInOptions;
}

/** An action sent with `content-type: application/json` and no body means "no input", not a syntax error. */
function acceptEmptyJsonBodies(app: FastifyInstance) {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (body === '') done(null, undefined);
    else parseJson(request, body as string, done);
  });
}


/** Every module's routes, registered in this order (the OpenAPI document lists them so). */
const routeModules: ((app: FastifyInstance, getDb: () => Executor) => void)[] = [
  registerNoSeriesRoutes, registerSalesDocumentRoutes, registerPurchaseDocumentRoutes, registerItemJournalRoutes,
  registerGeneralJournalRoutes, registerJournalBatchRoutes, registerReconciliationRoutes, registerStatementUploadRoute,
  registerPostedSalesDocumentRoutes, registerNavigateRoutes, registerReverseRoutes, registerApplyEntriesRoutes,
  registerVendorApplyEntriesRoutes, registerPaymentRegistrationRoutes, registerUnapplyRoutes, registerCustomerStatisticsRoutes,
  registerSalesPostRoutes, registerPurchasePostRoutes, registerRequisitionWorksheetRoutes, registerPostingCompanionRoutes,
  registerJobRoutes, registerReceivablesReportRoutes, registerRecurringSalesLineRoutes, registerPrepaymentRoutes,
  registerPdfDocumentRoutes, registerEmailRoutes, registerEInvoiceRoutes, registerPaymentServiceRoutes, registerApprovalRoutes,
  registerCompanyLogoRoutes, registerApprovalNotificationRoutes, registerAvailabilityRoutes, registerAssemblyRoutes,
];

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 10 * 1024 * 1024,
    // Every spelling of a path reaches its route (and so its authentication): see url-normalization.ts.
    routerOptions: { caseSensitive: false, ignoreDuplicateSlashes: true, ignoreTrailingSlash: true },
    rewriteUrl: (request) => normalizeUrl(request.url ?? '/'),
  });
  // First of all hooks: the request's queries take their turns at the embedded database in the order requests came.
  app.addHook('onRequest', (_request, _reply, done) => asArrivingWork(done));
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler((error, request, reply) => sendProblem(request, reply, error));
  acceptEmptyJsonBodies(app);
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).type('application/problem+json').send(problem(404, 'ROUTE_NOT_FOUND', `There is no ${request.method} ${request.url.split('?')[0]}.`)));

  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Ledgerline API',
        version: '1',
        description: 'Sales management: master data, sales documents and their posting. Sign in with POST /api/v1/auth/token, then send `Authorization: Bearer <token>`. Decimals travel as strings ("12.50"), dates as YYYY-MM-DD. Errors are application/problem+json with a stable `code`.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: (documents) => withSharedSchemas(withProblemResponses((documents as { openapiObject: Parameters<typeof withProblemResponses>[0] }).openapiObject)),
  });
  await registerSecurityHeaders(app);
  const rootDb = () => options.db;
  // Inside a request recorded with its Idempotency-Key, routes get that request's transaction.
  const getDb = requestScopedDb(rootDb);
  registerInputGuards(app);
  registerWorkDate(app);
  registerAuthentication(app, rootDb, options.localActor, options.signIn);
  registerIdempotency(app, rootDb);
  for (const definition of resources) registerResource(app, getDb, definition);
  for (const definition of singletons) registerSingleton(app, getDb, definition);
  for (const register of routeModules) register(app, getDb);

  await registerApiDocs(app);
  app.get('/health', { config: { public: true }, schema: { hide: true } }, async () => ({ status: 'ok' }));
  await registerWebApp(app);
  return app;
}
