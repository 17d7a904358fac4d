/**
 * Approvals over HTTP (spec §19): the approval setup (user setup, workflow user groups, workflows,
 * from template, enable/disable), Send / Cancel Approval Request on each sales document, its
 * approval history, and Requests to Approve for the signed-in user with Approve, Reject and
 * Delegate of several entries at once. Acting on an entry needs a role that may change sales data
 * (a viewer changes nothing) and, beyond the role, being the entry's approver (or an approval
 * administrator): the command checks that.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { z } from 'zod';
import { approvalCommentInput, approvalEntriesInput, workflowFromTemplateInput } from '../../core/approvals/approval.schemas.ts';
import { approvalDocumentTypes } from '../../core/approvals/types.ts';
import { salesDescriptor } from '../../core/documents/document-descriptors.ts';
import { entryNumberParam } from '../../core/master-data/fields.ts';
import type { Executor } from '../db/connection.ts';
import { documentNo, noParam } from '../documents/document-routes.shared.ts';
import { actorOf } from '../http/auth.ts';
import { registerResource } from '../master-data/resource.routes.ts';
import { loadSalesContext, type SalesContext } from '../sales/sales-context.ts';
import { documentSchema } from '../sales/sales-document.routes.ts';
import type { EditableDocumentType, SalesDocument } from '../sales/sales-document.types.ts';
import { documentView } from '../sales/sales-document.view.ts';
import { actOnEntries, addApprovalComment, cancelApprovalRequest, sendApprovalRequest, type EntryAction } from './approval.commands.ts';
import { approvalHistory, overdueApprovalEntries, requestsToApprove } from './approval-requests.queries.ts';
import { approvalSetupResources } from './approval-setup.resources.ts';
import { postedApprovalHistory } from './posted-approval-requests.ts';
import { postedDocumentKinds, postedDocumentTypes } from '../sales/posted-sales-document.queries.ts';
import type { PostedSalesDocumentType } from '../db/schema/index.ts';
import { createWorkflowFromTemplate, setWorkflowEnabled } from './approval-workflow.commands.ts';

const tags = ['approvals'];

const entrySchema = z.object({
  entryNo: z.number().int(), requestId: z.number().int(), sequenceNo: z.number().int(), approverId: z.string(), status: z.string(),
  approvalType: z.string(), limitType: z.string(), dueDate: z.string().nullable(), createdAt: z.string(), lastModifiedAt: z.string(), lastModifiedBy: z.string(),
});
const requestSchema = z.object({
  id: z.number().int(), documentType: z.string(), documentNo: z.string(), workflowCode: z.string(), senderId: z.string(), contentHash: z.string(),
  amount: z.string(), amountLcy: z.string(), currencyCode: z.string().nullable(), salespersonCode: z.string().nullable(), customerNo: z.string(),
  copiedFromRequestId: z.number().int().nullable(), sentAt: z.string(),
}).loose();
const historySchema = z.object({
  items: z.array(requestSchema.extend({
    status: z.enum(['pending', 'approved', 'rejected', 'canceled']),
    entries: z.array(entrySchema.extend({ comments: z.array(z.object({ id: z.number().int(), userId: z.string(), comment: z.string(), createdAt: z.string() }).loose()) })),
  })),
});
const actionResultSchema = z.object({
  items: z.array(z.object({ entryNo: z.number().int(), documentType: z.string(), documentNo: z.string(), documentStatus: z.string() })),
});

async function inTransaction<T>(getDb: () => Executor, request: FastifyRequest, work: (tx: Executor, context: SalesContext) => Promise<T>): Promise<T> {
  return getDb().transaction(async (tx) => work(tx as Executor, await loadSalesContext(tx as Executor, request.workDate, actorOf(request).username)));
}

export function registerApprovalRoutes(app: FastifyInstance, getDb: () => Executor) {
  for (const definition of approvalSetupResources) registerResource(app, getDb, definition);
  registerWorkflowActions(app, getDb);
  for (const documentType of approvalDocumentTypes) registerDocumentApprovalRoutes(app, getDb, documentType);
  for (const documentType of postedDocumentTypes) registerPostedApprovalRoutes(app, getDb, documentType);
  registerRequestsToApprove(app, getDb);
}

function registerWorkflowActions(app: FastifyInstance, getDb: () => Executor) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const config = { area: 'setup' as const };
  routes.post('/api/v1/approvalWorkflows/fromTemplate', {
    config, schema: { tags, summary: 'Create a workflow from the sales approval template of a document type (§19.2): disabled, coded like the template with -01, -02 …', body: workflowFromTemplateInput },
  }, async (request, reply) => reply.status(201).send(await getDb().transaction((tx) => createWorkflowFromTemplate(tx as Executor, request.body))));
  for (const [action, enabled] of [['enable', true], ['disable', false]] as const) {
    routes.post(`/api/v1/approvalWorkflows/:code/${action}`, {
      config, schema: { tags, params: z.object({ code: z.string() }), summary: enabled ? 'Enable the workflow (refused when it overlaps an enabled one)' : 'Disable the workflow' },
    }, async (request) => getDb().transaction((tx) => setWorkflowEnabled(tx as Executor, request.params.code.trim().toUpperCase(), enabled)));
  }
}

function registerDocumentApprovalRoutes(app: FastifyInstance, getDb: () => Executor, documentType: EditableDocumentType) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const { resource, caption } = salesDescriptor(documentType);
  const base = `/api/v1/${resource}`;
  const config = { area: 'sales' as const };
  const documentAction = (name: string, summary: string, command: (tx: Executor, no: string, context: SalesContext) => Promise<SalesDocument>) =>
    routes.post(`${base}/:no/${name}`, { config, schema: { tags: [resource, ...tags], summary, params: noParam, response: { 200: documentSchema } } },
      async (request: FastifyRequest, reply: FastifyReply) => {
        const view = await inTransaction(getDb, request, async (tx, context) => documentView(tx, await command(tx, documentNo(request), context), context));
        return reply.header('etag', `"${view.version}"`).send(view);
      });
  documentAction('sendApprovalRequest', `Send Approval Request (§19.5): the ${caption} becomes Pending Approval with approval entries for its approvers (released at once if only self-approved)`,
    (tx, no, context) => sendApprovalRequest(tx, documentType, no, context));
  documentAction('cancelApprovalRequest', `Cancel Approval Request (§19.5): by the sender or an approval administrator; the ${caption} is Open again`,
    (tx, no, context) => cancelApprovalRequest(tx, documentType, no, context));
  routes.get(`${base}/:no/approvalEntries`, {
    config, schema: { tags: [resource, ...tags], summary: `The approval history of the ${caption}: every request, newest first, with its entries and comments (kept after posting)`, params: noParam, response: { 200: historySchema } },
  }, async (request) => ({ items: await approvalHistory(getDb(), documentType, documentNo(request)) }));
}

/** Posted Approval Entries (§19.6): the history of the document a posted shipment, invoice, credit memo or return receipt came from. */
function registerPostedApprovalRoutes(app: FastifyInstance, getDb: () => Executor, documentType: PostedSalesDocumentType) {
  const { resource, entity } = postedDocumentKinds[documentType];
  app.withTypeProvider<ZodTypeProvider>().get(`/api/v1/${resource}/:no/approvalEntries`, {
    config: { area: 'sales' },
    schema: {
      tags: [resource, ...tags], params: noParam, response: { 200: historySchema },
      summary: `Posted Approval Entries of the ${entity}: the approval requests of the document it was posted from, newest first, with their entries and comments`,
    },
  }, async (request) => ({ items: await postedApprovalHistory(getDb(), documentType, documentNo(request)) }));
}

function registerRequestsToApprove(app: FastifyInstance, getDb: () => Executor) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  routes.get('/api/v1/approvalRequests', {
    config: { anyRole: true },
    schema: { tags, summary: 'Requests to Approve: the open approval entries of the signed-in user, with the request each belongs to', response: { 200: z.object({ items: z.array(entrySchema.extend({ request: requestSchema })) }) } },
  }, async (request) => ({ items: await requestsToApprove(getDb(), actorOf(request).username) }));
  routes.get('/api/v1/approvalRequests/overdue', {
    config: { area: 'sales' },
    schema: { tags, summary: 'Overdue approval entries: open, with a Due Date before the work date (Send Overdue Approval Notifications, §19.5)', response: { 200: z.object({ items: z.array(entrySchema.extend({ request: requestSchema })) }) } },
  }, async (request) => ({ items: await overdueApprovalEntries(getDb(), request.workDate) }));
  const summaries: Record<EntryAction, string> = {
    approve: 'Approve entries (several at once): the next sequence opens, or the last approval releases the document',
    reject: 'Reject entries: every pending entry of the request is rejected and the document is Open again',
    delegate: "Delegate entries to the approver's substitute, else their approver, else an approval administrator",
  };
  for (const action of ['approve', 'reject', 'delegate'] as const) {
    routes.post(`/api/v1/approvalRequests/${action}`, {
      config: { area: 'sales' }, schema: { tags, summary: summaries[action], body: approvalEntriesInput, response: { 200: actionResultSchema } },
    }, async (request) => ({ items: await inTransaction(getDb, request, (tx, context) => actOnEntries(tx, action, request.body.entryNos, context, request.body.comment)) }));
  }
  routes.post('/api/v1/approvalEntries/:entryNo/comments', {
    config: { area: 'sales' }, schema: { tags, summary: 'Add a comment to an approval entry', params: z.object({ entryNo: entryNumberParam() }), body: approvalCommentInput },
  }, async (request, reply) => reply.status(201).send(await inTransaction(getDb, request, (tx, context) => addApprovalComment(tx, request.params.entryNo, request.body.comment, context))));
}
