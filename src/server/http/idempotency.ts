/**
 * Idempotency-Key on mutating requests (DESIGN §4): the first answer to a key is stored and every
 * retry with the same request gets it back unchanged, so a client that lost a response can resend
 * without creating a second customer or posting twice.
 */
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { and, eq, lt, sql } from 'drizzle-orm';
import { DomainError } from '../../core/errors.ts';
import type { Executor } from '../db/connection.ts';
import { idempotencyKey } from '../db/schema/index.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** SHA-256 of method, URL and raw body, when the request carries an Idempotency-Key. */
    idempotencyHash?: string;
    /** Set once this request owns the pending row: its response is to be stored (or the row released). */
    idempotencyOwned?: { username: string; key: string };
  }
}

const mutatingMethods = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);
/** Headers a client may rely on in the first answer; the rest (date, length) are the replay's own. */
const replayedHeaders = ['content-type', 'etag', 'location'];
const retentionHours = 24;
const purgeEveryMs = 60 * 60 * 1000;

function keyHeader(request: FastifyRequest): string | undefined {
  const value = request.headers['idempotency-key'];
  if (value === undefined || !mutatingMethods.has(request.method)) return undefined;
  if (typeof value !== 'string' || value.length < 1 || value.length > 200) {
    throw new DomainError('INVALID_INPUT', { detail: 'Idempotency-Key must be one key of 1 to 200 characters.' }, 'Idempotency-Key');
  }
  return value;
}

/** Reads the body to hash it, then hands Fastify an identical stream to parse. */
async function hashRawBody(request: FastifyRequest, payload: Readable): Promise<{ hash: string; body: Readable }> {
  const limit = request.routeOptions.bodyLimit ?? Number.POSITIVE_INFINITY;
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of payload) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    length += buffer.length;
    // Buffering here must not bypass the body limit the parser would have enforced.
    if (length > limit) throw Object.assign(new Error('Request body is too large'), { statusCode: 413, code: 'FST_ERR_CTP_BODY_TOO_LARGE' });
    chunks.push(buffer);
  }
  const raw = Buffer.concat(chunks);
  const hash = createHash('sha256').update(`${request.method}\n${request.url}\n`).update(raw).digest('hex');
  const body = Readable.from([raw]) as Readable & { receivedEncodedLength?: number };
  body.receivedEncodedLength = raw.length;
  return { hash, body };
}

type StoredRow = typeof idempotencyKey.$inferSelect;

/** Claims the key with a pending row; answers the stored row instead if the key is taken. */
async function claimKey(db: Executor, row: { username: string; key: string; method: string; path: string; requestHash: string }): Promise<StoredRow | 'claimed'> {
  // Two tries: a row seen as taken may be released (a 5xx) before we read it.
  for (let attempt = 0; attempt < 2; attempt++) {
    const inserted = await db.insert(idempotencyKey).values(row).onConflictDoNothing().returning({ key: idempotencyKey.key });
    if (inserted.length > 0) return 'claimed';
    const [existing] = await db.select().from(idempotencyKey)
      .where(and(eq(idempotencyKey.username, row.username), eq(idempotencyKey.key, row.key)));
    if (existing) return existing;
  }
  throw new DomainError('IDEMPOTENCY_KEY_IN_USE', { key: row.key });
}

function replay(reply: FastifyReply, stored: StoredRow) {
  const headers = (stored.responseHeaders ?? {}) as Record<string, string>;
  for (const name of replayedHeaders) if (headers[name] !== undefined) reply.header(name, headers[name]);
  reply.header('idempotency-replayed', 'true').status(stored.statusCode!);
  return reply.send(stored.responseBody ?? undefined);
}

async function storeResponse(db: Executor, owner: { username: string; key: string }, reply: FastifyReply, payload: unknown) {
  const where = and(eq(idempotencyKey.username, owner.username), eq(idempotencyKey.key, owner.key));
  const storable = payload === undefined || payload === null || typeof payload === 'string';
  // A server error is not an answer to keep: releasing the key lets the client's retry run again.
  // A streamed body cannot be kept either; a retry then runs again rather than replaying half of it.
  if (reply.statusCode >= 500 || !storable) {
    await db.delete(idempotencyKey).where(where);
    return;
  }
  const headers: Record<string, string> = {};
  for (const name of replayedHeaders) {
    const value = reply.getHeader(name);
    if (value !== undefined) headers[name] = String(value);
  }
  await db.update(idempotencyKey)
    .set({ statusCode: reply.statusCode, responseHeaders: headers, responseBody: (payload as string | null | undefined) || null })
    .where(where);
}

/** Registered after authentication: keys belong to the signed-in user, so two users never collide. */
export function registerIdempotency(app: FastifyInstance, getDb: () => Executor) {
  let lastPurge = 0;

  app.addHook('preParsing', async (request, _reply, payload) => {
    if (!request.actor || keyHeader(request) === undefined) return payload;
    const { hash, body } = await hashRawBody(request, payload);
    request.idempotencyHash = hash;
    return body;
  });

  // Before validation, so a retry of a request that was answered 400 gets that same answer.
  app.addHook('preValidation', async (request, reply) => {
    const requestHash = request.idempotencyHash;
    const key = requestHash === undefined ? undefined : keyHeader(request);
    if (requestHash === undefined || key === undefined || !request.actor) return;
    const db = getDb();
    // Opportunistic clean-up, at most hourly per process; any process may do it.
    if (Date.now() - lastPurge > purgeEveryMs) {
      lastPurge = Date.now();
      await db.delete(idempotencyKey).where(lt(idempotencyKey.createdAt, sql`now() - make_interval(hours => ${retentionHours})`));
    }
    // Its own statement outside any transaction: on PGlite (one connection) it must not wait for the command's.
    const username = request.actor.username;
    const path = request.url;
    const found = await claimKey(db, { username, key, method: request.method, path, requestHash });
    if (found === 'claimed') {
      request.idempotencyOwned = { username, key };
      return;
    }
    if (found.requestHash !== requestHash) {
      throw new DomainError('IDEMPOTENCY_KEY_REUSED', { key, method: found.method, path: found.path });
    }
    if (found.statusCode === null) throw new DomainError('IDEMPOTENCY_KEY_IN_USE', { key });
    return replay(reply, found);
  });

  // onSend runs before the client sees the answer, so a retry after it always finds it stored.
  app.addHook('onSend', async (request, reply, payload) => {
    const owner = request.idempotencyOwned;
    if (!owner) return payload;
    request.idempotencyOwned = undefined;
    try {
      await storeResponse(getDb(), owner, reply, payload);
    } catch (error) {
      // The command has committed: its answer still goes out. The key stays pending until purged.
      request.log.error({ err: error }, 'could not store the idempotent response');
    }
    return payload;
  });
}
