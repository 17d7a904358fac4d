/**
 * The payment reconciliation journal over the API (spec §22.2): journals per bank account, their
 * lines, statement import, Apply Automatically, the review actions (Apply Manually, Accept, Remove
 * Application, Transfer Difference to Account, Map Text to Account) and Post / Test Report. Changing
 * a journal needs the posting permission, like the other journals.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { z } from 'zod';
import {
  applyManually, reconciliationCreate, reconciliationLineCreate, reconciliationLineUpdate, reconciliationPost, reconciliationUpdate, statementImport,
  transferDifference,
} from '../../core/bank/reconciliation.schemas.ts';
import {
  applyAutomaticallyView, reconciliationLineView, reconciliationPostingResultView, reconciliationView, statementImportView,
} from '../../core/bank/reconciliation.views.ts';
import { DomainError } from '../../core/errors.ts';
import { generalJournalPreviewView } from '../../core/journal/general-journal.views.ts';
import type { Executor } from '../db/connection.ts';
import { actorOf } from '../http/auth.ts';
import { expectedVersion } from '../master-data/resource.routes.ts';
import { loadSalesContext } from '../sales/sales-context.ts';
import { applyAutomatically } from './apply-automatically.ts';
import { mapTextToAccount, mapTextToAccountInput } from './map-text-to-account.ts';
import { postReconciliation, previewReconciliation } from './reconciliation-post.ts';
import {
  acceptApplication, addLine, applyManually as applyLineManually, createStatement, deleteLine, deleteStatement, removeApplication, transferDifference as transferLineDifference,
  updateLine, updateStatement,
} from './reconciliation.commands.ts';
import type { StatementKey } from './reconciliation.queries.ts';
import { listStatements, readLine, readLines, readStatement } from './reconciliation.read.ts';
import { importStatementFile } from './statement-import.ts';

const base = '/api/v1/bankAccounts/:no/paymentReconciliations';
const statementPath = `${base}/:statementNo`;
const linePath = `${statementPath}/lines/:lineNo`;
const bankParams = z.object({ no: z.string() });
const statementParams = bankParams.extend({ statementNo: z.string() });
const lineParams = statementParams.extend({ lineNo: z.string() });
const tags = ['paymentReconciliations'];
const config = { area: 'posting' as const };

const bankNoOf = (request: FastifyRequest) => (request.params as { no: string }).no.trim().toUpperCase();
function keyOf(request: FastifyRequest): StatementKey {
  return { bankAccountNo: bankNoOf(request), statementNo: (request.params as { statementNo: string }).statementNo.trim().toUpperCase() };
}
function lineNoOf(request: FastifyRequest): number {
  const raw = (request.params as { lineNo: string }).lineNo;
  if (!/^\d{1,9}$/.test(raw)) throw new DomainError('NOT_FOUND', { entity: 'Payment Reconciliation Line', key: raw });
  return Number.parseInt(raw, 10);
}

/** Rolled back on purpose: the Test Report writes the apply marks posting would, reads the plan, and leaves nothing behind. */
class PreviewRollback extends Error {
  constructor(readonly result: unknown) { super('preview'); }
}

/** One transaction of the request's database; the commands take its handle as their first argument. */
function inTransaction<T>(getDb: () => Executor, work: (tx: Executor) => Promise<T>): Promise<T> {
  return getDb().transaction(async (tx) => work(tx as Executor));
}

export function registerReconciliationRoutes(app: FastifyInstance, getDb: () => Executor) {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get(base, { schema: { tags, summary: 'List the open payment reconciliation journals of a bank account', params: bankParams, response: { 200: z.object({ items: z.array(reconciliationView) }) } } },
    async (request) => ({ items: await listStatements(getDb(), bankNoOf(request)) }));

  routes.post(base, {
    config, schema: { tags, summary: 'New payment reconciliation journal (statement) for the bank account', params: bankParams, body: reconciliationCreate, response: { 201: reconciliationView } },
  }, async (request, reply) => {
    const header = await inTransaction(getDb, (tx) => createStatement(tx, bankNoOf(request), request.body, request.workDate));
    return reply.status(201).send(await readStatement(getDb(), header));
  });

  routes.post(`/api/v1/bankAccounts/:no/statementImports`, {
    config, bodyLimit: 60_000_000,
    schema: {
      tags, params: bankParams, body: statementImport, response: { 201: statementImportView.extend({ bankAccountNo: z.string(), statementNo: z.string() }) },
      summary: 'Import a bank statement file (camt.052/053/054, MT940/MT942, or CSV with the bank account\'s mapping) into a new journal',
      description: 'The whole file or nothing. Transactions imported before (same fingerprint) are skipped. Apply Automatically runs after the import unless applyAutomatically is false. '
        + 'The same import takes a multipart/form-data upload with a `file` field at …/statementImports/upload.',
    },
  }, async (request, reply) => reply.status(201).send(await importJson(request, request.body)));

  routes.get(statementPath, { schema: { tags, summary: 'A payment reconciliation journal with its totals', params: statementParams, response: { 200: reconciliationView } } },
    async (request) => readStatement(getDb(), keyOf(request)));

  routes.patch(statementPath, {
    config, schema: { tags, summary: 'Change statement date or ending balance', params: statementParams, body: reconciliationUpdate, response: { 200: reconciliationView } },
  }, async (request) => {
    await inTransaction(getDb, (tx) => updateStatement(tx, keyOf(request), request.body, expectedVersion(request.headers['if-match'], undefined)));
    return readStatement(getDb(), keyOf(request));
  });

  routes.delete(statementPath, { config, schema: { tags, summary: 'Delete an unposted journal and its lines (409 DOCUMENT_ALREADY_POSTED when it was posted)', params: statementParams } }, async (request, reply) => {
    await inTransaction(getDb, (tx) => deleteStatement(tx, keyOf(request)));
    return reply.status(204).send();
  });

  routes.post(`${statementPath}/import`, {
    config, bodyLimit: 60_000_000,
    schema: { tags, summary: 'Import a statement file into this journal', params: statementParams, body: statementImport, response: { 201: statementImportView.extend({ bankAccountNo: z.string(), statementNo: z.string() }) } },
  }, async (request, reply) => reply.status(201).send(await importJson(request, request.body, keyOf(request).statementNo)));

  registerLineRoutes(app, getDb);
  registerActionRoutes(app, getDb);

  async function importJson(request: FastifyRequest, body: z.output<typeof statementImport>, statementNo?: string) {
    const content = body.encoding === 'base64' ? Buffer.from(body.content, 'base64').toString('utf8') : body.content;
    return inTransaction(getDb, async (tx) => {
      const context = await loadSalesContext(tx, request.workDate, actorOf(request).username);
      return importStatementFile(tx, bankNoOf(request), { fileName: body.fileName, content }, {
        statementNo, applyAutomatically: body.applyAutomatically, lcyCode: context.glSetup.lcyCode, workDate: request.workDate,
      });
    });
  }
}

function registerLineRoutes(app: FastifyInstance, getDb: () => Executor) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const lines = `${statementPath}/lines`;

  routes.get(lines, {
    schema: {
      tags, summary: 'The journal\'s lines; filter=toReview (Lines to Review) or withDifference (Lines with Difference)', params: statementParams,
      querystring: z.strictObject({ filter: z.enum(['all', 'toReview', 'withDifference']).default('all') }), response: { 200: z.object({ items: z.array(reconciliationLineView) }) },
    },
  }, async (request) => {
    await readStatement(getDb(), keyOf(request));
    return { items: await readLines(getDb(), keyOf(request), request.query.filter) };
  });

  routes.post(lines, { config, schema: { tags, summary: 'Add a line typed by hand', params: statementParams, body: reconciliationLineCreate, response: { 201: reconciliationLineView } } },
    async (request, reply) => {
      const line = await inTransaction(getDb, (tx) => addLine(tx, keyOf(request), request.body));
      return reply.status(201).send(await readLine(getDb(), keyOf(request), line.statementLineNo));
    });

  routes.get(linePath, { schema: { tags, summary: 'One line with what it is applied to and why', params: lineParams, response: { 200: reconciliationLineView } } },
    async (request) => readLine(getDb(), keyOf(request), lineNoOf(request)));

  routes.patch(linePath, {
    config, schema: {
      tags, params: lineParams, body: reconciliationLineUpdate, response: { 200: reconciliationLineView },
      summary: 'Change a line; setting accountType and accountNo posts the whole line to that account (Manual)',
    },
  }, async (request) => {
    await inTransaction(getDb, (tx) => updateLine(tx, keyOf(request), lineNoOf(request), request.body, expectedVersion(request.headers['if-match'], undefined)));
    return readLine(getDb(), keyOf(request), lineNoOf(request));
  });

  routes.delete(linePath, { config, schema: { tags, summary: 'Delete a line (an imported transaction may then be imported again)', params: lineParams } }, async (request, reply) => {
    await inTransaction(getDb, (tx) => deleteLine(tx, keyOf(request), lineNoOf(request)));
    return reply.status(204).send();
  });
}

function registerActionRoutes(app: FastifyInstance, getDb: () => Executor) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const lineAction = (name: string, summary: string, run: (tx: Executor, request: FastifyRequest) => Promise<unknown>) => {
    routes.post(`${linePath}/${name}`, { config, schema: { tags, summary, params: lineParams, response: { 200: reconciliationLineView } } }, async (request) => {
      await inTransaction(getDb, (tx) => run(tx, request));
      return readLine(getDb(), keyOf(request), lineNoOf(request));
    });
  };
  lineAction('accept', 'Accept Application: confirm what the line is applied to (Match Confidence Accepted)', (tx, request) => acceptApplication(tx, keyOf(request), lineNoOf(request)));
  lineAction('removeApplication', 'Remove Application: the line is applied to nothing', (tx, request) => removeApplication(tx, keyOf(request), lineNoOf(request)));

  routes.post(`${linePath}/applyManually`, {
    config, schema: { tags, summary: 'Apply Manually: the open entries of one customer the line pays (Match Confidence Manual)', params: lineParams, body: applyManually, response: { 200: reconciliationLineView } },
  }, async (request) => {
    await inTransaction(getDb, (tx) => applyLineManually(tx, keyOf(request), lineNoOf(request), request.body));
    return readLine(getDb(), keyOf(request), lineNoOf(request));
  });

  routes.post(`${linePath}/transferDifference`, {
    config, schema: {
      tags, params: lineParams, body: transferDifference, response: { 200: z.object({ items: z.array(reconciliationLineView) }) },
      summary: 'Transfer Difference to Account: post the difference to an account; a partly applied line is split in two',
    },
  }, async (request) => {
    const changed = await inTransaction(getDb, (tx) => transferLineDifference(tx, keyOf(request), lineNoOf(request), request.body));
    return { items: await Promise.all(changed.map((changedLineNo) => readLine(getDb(), keyOf(request), changedLineNo))) };
  });

  routes.post(`${linePath}/mapTextToAccount`, {
    config, schema: {
      tags, params: lineParams, body: mapTextToAccountInput, response: { 200: reconciliationLineView },
      summary: "Map Text to Account: save a mapping (the line's transaction text unless another is sent) and apply it to the line",
    },
  }, async (request) => {
    await inTransaction(getDb, (tx) => mapTextToAccount(tx, keyOf(request), lineNoOf(request), request.body));
    return readLine(getDb(), keyOf(request), lineNoOf(request));
  });

  routes.post(`${statementPath}/applyAutomatically`, {
    config, schema: { tags, summary: 'Apply Automatically: match every line not applied by hand or accepted', params: statementParams, response: { 200: applyAutomaticallyView } },
  }, async (request) => inTransaction(getDb, (tx) => applyAutomatically(tx, keyOf(request))));

  registerPostingRoutes(app, getDb);
}

function registerPostingRoutes(app: FastifyInstance, getDb: () => Executor) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  routes.post(`${statementPath}/post`, {
    config, schema: {
      tags, params: statementParams, body: reconciliationPost, response: { 201: reconciliationPostingResultView },
      summary: 'Post Payments and Reconcile Bank Account (reconcile true, the default) or Post Payments Only (reconcile false)',
    },
  }, async (request, reply) => {
    const result = await inTransaction(getDb, async (tx) => {
      const context = await loadSalesContext(tx, request.workDate, actorOf(request).username);
      return postReconciliation(tx, keyOf(request), request.body ?? {}, context);
    });
    return reply.status(201).send(result);
  });

  routes.post(`${statementPath}/preview`, {
    config, schema: { tags, summary: 'Test Report: the entries posting would write; nothing is written', params: statementParams, body: reconciliationPost, response: { 200: generalJournalPreviewView } },
  }, async (request) => {
    try {
      await inTransaction(getDb, async (tx) => {
        const context = await loadSalesContext(tx, request.workDate, actorOf(request).username);
        throw new PreviewRollback(await previewReconciliation(tx, keyOf(request), request.body ?? {}, context));
      });
    } catch (error) {
      if (error instanceof PreviewRollback) return error.result as z.output<typeof generalJournalPreviewView>;
      throw error;
    }
    throw new Error('unreachable');
  });
}
