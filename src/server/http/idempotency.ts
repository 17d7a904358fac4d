/**
 * Idempotency-Key on mutating requests (DESIGN §4): a retry with the same key gets the first answer
 * back unchanged, so a client that lost a response can resend without creating a second customer or
 * posting twice.
 *
 * The key is recorded in the same transaction as the command's effect, together with the answer,
 * before the answer leaves: after a crash either both committed (a retry replays the answer) or
 * neither did (a retry runs the command). A second request with a key that is still running waits
 * for the first on the key's row and then replays its answer.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteHandlerMethod } from 'fastify';
import { and, eq, lt, sql } from 'drizzle-orm';
import { DomainError } from '../../core/errors.ts';
import type { Executor } from '../db/connection.ts';
import { idempotencyKey } from '../db/schema/index.ts';
import { runInRequestTransaction } from './request-transaction.ts';

interface KeptAnswer { statusCode: number; headers: Record<string, string>; body: string | null }

interface IdempotentRequest {
  username: string;
  key: string;
  method: string;
  path: string;
  requestHash: string;
  /** While the command's transaction is open: onSend hands it the answer and waits for the commit. */
  pending?: { keep(answer: KeptAnswer): void; committed: Promise<void> };
  /** The command was refused (its transaction rolled back): a 4xx answer is kept on its own. */
  refused?: boolean;
}

declare module 'fastify' {
  interface FastifyRequest { idempotency?: IdempotentRequest }
  interface FastifyContextConfig { idempotent?: boolean }
}

const mutatingMethods = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);
/** Headers a client may rely on in the first answer; the rest (date, length) are the replay's own. */
const replayedHeaders = ['content-type', 'etag', 'location'];
/** Refusals that a retry may see differently at once (a posting in progress, throttling): not kept. */
const transientStatuses = new Set([409, 429]);
const retentionHours = 24;
const purgeEveryMs = 60 * 60 * 1000;

/** Thrown inside the key's transaction to roll it back: the command was refused or failed. */
class CommandFailed extends Error {
  constructor(readonly error: unknown) { super('command failed'); }
}
/** Thrown inside the key's transaction to roll it back: the answer is a server error, not one to keep. */
class ServerErrorAnswer extends Error {}

function keyHeader(request: FastifyRequest): string | undefined {
  const value = request.headers['idempotency-key'];
  if (value === undefined || !mutatingMethods.has(request.method)) return undefined;
  if (typeof value !== 'string' || value.length < 1 || value.length > 200) {
    throw new DomainError('INVALID_INPUT', { detail: 'Idempotency-Key must be one key of 1 to 200 characters.' }, 'Idempotency-Key');
  }
  return value;
}

/** JSON with object keys sorted, so `{"a":1,"b":2}` and `{ "b": 2, "a": 1 }` are the same request. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, entry]) => entry !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([name, entry]) => `${JSON.stringify(name)}:${canonicalJson(entry)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function requestHashOf(request: FastifyRequest): string {
  return createHash('sha256').update(`${request.method}\n${request.url}\n`).update(canonicalJson(request.body)).digest('hex');
}

type StoredRow = typeof idempotencyKey.$inferSelect;

const whereKey = (claim: { username: string; key: string }) => and(eq(idempotencyKey.username, claim.username), eq(idempotencyKey.key, claim.key));

async function findKey(db: Executor, claim: { username: string; key: string }): Promise<StoredRow | undefined> {
  const [row] = await db.select().from(idempotencyKey).where(whereKey(claim));
  return row;
}

function replay(reply: FastifyReply, stored: StoredRow) {
  const headers = (stored.responseHeaders ?? {}) as Record<string, string>;
  for (const name of replayedHeaders) if (headers[name] !== undefined) reply.header(name, headers[name]);
  reply.header('idempotency-replayed', 'true').status(stored.statusCode!);
  return reply.send(stored.responseBody ?? undefined);
}

/** The stored answer for this key, or the refusal a retry with another request gets. */
function answerFromStored(reply: FastifyReply, claim: IdempotentRequest, stored: StoredRow) {
  if (stored.requestHash !== claim.requestHash) {
    throw new DomainError('IDEMPOTENCY_KEY_REUSED', { key: claim.key, method: stored.method, path: stored.path });
  }
  if (stored.statusCode === null) throw new DomainError('IDEMPOTENCY_KEY_IN_USE', { key: claim.key });
  return replay(reply, stored);
}

function keptAnswer(reply: FastifyReply, payload: unknown): KeptAnswer | undefined {
  // A streamed body cannot be kept; such a command then runs again on a retry rather than replaying half of it.
  if (!(payload === undefined || payload === null || typeof payload === 'string')) return undefined;
  const headers: Record<string, string> = {};
  for (const name of replayedHeaders) {
    const value = reply.getHeader(name);
    if (value !== undefined) headers[name] = String(value);
  }
  return { statusCode: reply.statusCode, headers, body: (payload as string | null | undefined) || null };
}

/**
 * Runs the route's handler inside one transaction that first takes the key's row and, once onSend
 * has the answer, stores the answer in that row and commits. The handler's result goes back to
 * Fastify before the commit, so that Fastify can serialize it; onSend holds the answer until the
 * commit is done.
 */
function runWithKey(db: Executor, request: FastifyRequest, reply: FastifyReply, handler: () => unknown): Promise<unknown> {
  const claim = request.idempotency!;
  return new Promise((resolveHandler, rejectHandler) => {
    let handlerSettled = false;
    let keep!: (answer: KeptAnswer) => void;
    const answer = new Promise<KeptAnswer>((resolve) => { keep = resolve; });
    const committed = db.transaction(async (tx) => {
      const taken = await tx.insert(idempotencyKey)
        .values({ username: claim.username, key: claim.key, method: claim.method, path: claim.path, requestHash: claim.requestHash })
        .onConflictDoNothing().returning({ key: idempotencyKey.key });
      // Another request with this key committed first (it waited for it on PostgreSQL): answer as it did.
      if (taken.length === 0) return 'taken' as const;
      // A handler that sends its own answer returns the reply, a thenable that settles only once the
      // answer has gone out, after the commit: so the answer, whichever comes first, moves on.
      const handling = Promise.resolve().then(() => runInRequestTransaction(tx as Executor, handler));
      const first = await Promise.race([
        handling.then((result) => ({ result }), (error: unknown) => { throw new CommandFailed(error); }),
        answer.then((kept) => ({ kept })),
      ]);
      handlerSettled = true;
      if ('result' in first) resolveHandler(first.result);
      else handling.then(resolveHandler, rejectHandler);
      const kept = 'kept' in first ? first.kept : await answer;
      if (kept.statusCode >= 500) throw new ServerErrorAnswer();
      await tx.update(idempotencyKey)
        .set({ statusCode: kept.statusCode, responseHeaders: kept.headers, responseBody: kept.body })
        .where(whereKey(claim));
      return 'committed' as const;
    });
    const settled = committed.then(async (outcome) => {
      if (outcome !== 'taken') return;
      handlerSettled = true;
      claim.pending = undefined;
      try {
        const stored = await findKey(db, claim);
        resolveHandler(stored ? answerFromStored(reply, claim, stored) : Promise.reject(new DomainError('IDEMPOTENCY_KEY_IN_USE', { key: claim.key })));
      } catch (error) {
        rejectHandler(error);
      }
    }, (error: unknown) => {
      if (error instanceof CommandFailed) {
        claim.pending = undefined;
        claim.refused = true;
        handlerSettled = true;
        rejectHandler(error.error);
        return;
      }
      // Before the handler answered, a failure is the request's error; after, onSend reports it.
      if (!handlerSettled) {
        handlerSettled = true;
        claim.pending = undefined;
        rejectHandler(error);
        return;
      }
      if (!(error instanceof ServerErrorAnswer)) throw error;
    });
    // Set before the handler can run (the transaction starts later): a handler that sends its own
    // answer reaches onSend before it returns.
    claim.pending = { keep, committed: settled };
  });
}

/** Registered after authentication: keys belong to the signed-in user, so two users never collide. */
export function registerIdempotency(app: FastifyInstance, getDb: () => Executor) {
  let lastPurge = 0;

  // Every mutating route registered from here on runs its handler through runWithKey when a key is sent.
  app.addHook('onRoute', (route) => {
    const methods = [route.method].flat();
    if (!methods.some((method) => mutatingMethods.has(method))) return;
    const handler = route.handler as RouteHandlerMethod;
    route.config = { ...route.config, idempotent: true };
    route.handler = function withIdempotencyKey(request, reply) {
      if (!request.idempotency) return handler.call(this, request, reply);
      return runWithKey(getDb(), request, reply, () => handler.call(this, request, reply));
    };
  });

  // After parsing, so the body is compared as JSON; before validation, so a retry of a request that
  // was answered 400 is checked against the key like any other.
  app.addHook('preValidation', async (request, reply) => {
    const key = keyHeader(request);
    if (key === undefined || !request.actor || !request.routeOptions.config.idempotent) return;
    const db = getDb();
    // Opportunistic clean-up, at most hourly per process; any process may do it.
    if (Date.now() - lastPurge > purgeEveryMs) {
      lastPurge = Date.now();
      await db.delete(idempotencyKey).where(lt(idempotencyKey.createdAt, sql`now() - make_interval(hours => ${retentionHours})`));
    }
    const claim: IdempotentRequest = { username: request.actor.username, key, method: request.method, path: request.url, requestHash: requestHashOf(request) };
    const stored = await findKey(db, claim);
    // A row without an answer is left by an earlier version that claimed keys outside the command's transaction.
    if (stored && stored.statusCode === null && stored.requestHash === claim.requestHash) await db.delete(idempotencyKey).where(whereKey(claim));
    else if (stored) return answerFromStored(reply, claim, stored);
    request.idempotency = claim;
  });

  // onSend runs before the client sees the answer: the answer is committed with the effect first.
  app.addHook('onSend', async (request, reply, payload) => {
    const claim = request.idempotency;
    if (!claim) return payload;
    const pending = claim.pending;
    if (pending) {
      claim.pending = undefined;
      pending.keep(keptAnswer(reply, payload) ?? { statusCode: 500, headers: {}, body: null });
      await pending.committed;
      return payload;
    }
    if (claim.refused) {
      claim.refused = false;
      const answer = keptAnswer(reply, payload);
      // A refused command changed nothing, so its answer is kept on its own; losing it in a crash only means a retry is refused again.
      if (answer && answer.statusCode < 500 && !transientStatuses.has(answer.statusCode)) {
        await getDb().insert(idempotencyKey).values({
          username: claim.username, key: claim.key, method: claim.method, path: claim.path, requestHash: claim.requestHash,
          statusCode: answer.statusCode, responseHeaders: answer.headers, responseBody: answer.body,
        }).onConflictDoNothing().catch((error: unknown) => request.log.error({ err: error }, 'could not keep the refusal of an idempotent request'));
      }
    }
    return payload;
  });
}
