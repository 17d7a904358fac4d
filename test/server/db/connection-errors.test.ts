import Fastify from 'fastify';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../src/core/errors.ts';
import { openDatabase } from '../../../src/server/db/connection.ts';
import { innermostMessage, isDatabaseUnavailable } from '../../../src/server/db/connection-errors.ts';
import { sendProblem } from '../../../src/server/http/problem.ts';
import { freePort } from '../../support/free-port.ts';

/** What pg's DatabaseError carries: the server's message and its SQLSTATE. */
const serverError = (code: string, message: string) => Object.assign(new Error(message), { code, severity: 'FATAL' });
const socketError = (code: string) => Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), { code, errno: -111, syscall: 'connect' });

describe('recognising an unreachable database', () => {
  it.each([
    ['a refused connection', socketError('ECONNREFUSED')],
    ['a reset connection', socketError('ECONNRESET')],
    ['a write to a closed socket', socketError('EPIPE')],
    ['a network timeout', socketError('ETIMEDOUT')],
    ['a server shut down by its administrator (57P01)', serverError('57P01', 'terminating connection due to administrator command')],
    ['an immediate shutdown (57P01)', serverError('57P01', 'terminating connection due to immediate shutdown command')],
    ['a crashed server (57P02)', serverError('57P02', 'terminating connection because of crash of another server process')],
    ['a server still starting up (57P03)', serverError('57P03', 'the database system is starting up')],
    ['a connection failure (08006)', serverError('08006', 'connection failure')],
    ['a connection that does not exist (08003)', serverError('08003', 'connection does not exist')],
    ['pg: the server closed the socket', new Error('Connection terminated unexpectedly')],
    ['pg: connecting took too long', new Error('Connection terminated due to connection timeout')],
    ['pg-pool: no connection within connectionTimeoutMillis', new Error('timeout exceeded when trying to connect')],
    ['pg: a query on a client whose connection broke', new Error('Client has encountered a connection error and is not queryable')],
    ['the server\'s words without their code', new Error('terminating connection due to administrator command')],
    ['drizzle wrapping the driver\'s error', new DrizzleQueryError('select 1', [], new Error('Connection terminated unexpectedly') as never)],
    ['two wrappers deep', new Error('outer', { cause: new DrizzleQueryError('commit', [], serverError('57P01', 'terminating connection due to administrator command') as never) })],
    ['every address of a host refused (AggregateError)', new AggregateError([socketError('ECONNREFUSED'), socketError('ECONNREFUSED')])],
  ])('%s', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a domain error', new DomainError('NOT_FOUND', { entity: 'Customer', key: 'C1' })],
    ['a unique violation (23505)', serverError('23505', 'duplicate key value violates unique constraint "customer_pkey"')],
    ['a serialization failure (40001)', serverError('40001', 'could not serialize access due to concurrent update')],
    ['a statement cancelled by timeout (57014)', serverError('57014', 'canceling statement due to statement timeout')],
    ['a syntax error (42601)', serverError('42601', 'syntax error at or near "selec"')],
    ['a pool closed on purpose', new Error('Connection terminated')],
    ['a programming error', new TypeError('Cannot read properties of undefined (reading \'no\')')],
    ['drizzle wrapping a refusal', new DrizzleQueryError('insert …', [], serverError('23503', 'violates foreign key constraint') as never)],
    ['an error listing field errors, not attempts', Object.assign(new Error('invalid'), { errors: [socketError('ECONNREFUSED')] })],
    ['nothing', undefined],
    ['a string', 'Connection terminated unexpectedly'],
  ])('not %s', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it('ends on a cause that points back at itself', () => {
    const looping: Error & { cause?: unknown } = new Error('outer');
    looping.cause = new Error('inner', { cause: looping });
    expect(isDatabaseUnavailable(looping)).toBe(false);
  });

  it('says what went wrong underneath drizzle\'s "Failed query"', () => {
    expect(innermostMessage(new DrizzleQueryError('select 1', [], socketError('ECONNREFUSED') as never))).toBe('connect ECONNREFUSED 127.0.0.1:5432');
    expect(innermostMessage('down')).toBe('down');
  });

  it('recognises what openDatabase really throws when nothing listens on the server\'s port', async () => {
    const port = await freePort();
    const failure = await openDatabase({ databaseUrl: `postgres://postgres@127.0.0.1:${port}/postgres` }).then(() => undefined, (error: unknown) => error);
    expect(failure).toBeDefined();
    expect(isDatabaseUnavailable(failure)).toBe(true);
  });
});

describe('the answer to a request while the database is unreachable', () => {
  it('is 503 DATABASE_UNAVAILABLE as a problem, with Retry-After; other server errors stay 500', async () => {
    const app = Fastify();
    app.setErrorHandler((error, request, reply) => sendProblem(request, reply, error));
    app.get('/lost', async () => { throw new DrizzleQueryError('select 1', [], new Error('Connection terminated unexpectedly') as never); });
    app.get('/broken', async () => { throw new TypeError('a bug'); });
    try {
      const lost = await app.inject({ method: 'GET', url: '/lost' });
      expect(lost.statusCode).toBe(503);
      expect(lost.headers['retry-after']).toBe('5');
      expect(lost.headers['content-type']).toContain('application/problem+json');
      expect(lost.json()).toMatchObject({ status: 503, code: 'DATABASE_UNAVAILABLE', title: 'Service Unavailable', detail: expect.stringContaining('Try again') });
      const broken = await app.inject({ method: 'GET', url: '/broken' });
      expect(broken.statusCode).toBe(500);
      expect(broken.headers['retry-after']).toBeUndefined();
      expect(broken.json()).toMatchObject({ code: 'INTERNAL_ERROR' });
    } finally {
      await app.close();
    }
  });
});
