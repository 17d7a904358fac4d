import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { z } from 'zod';
import { canRead, canWrite, type Area } from '../../core/access/roles.ts';
import { DomainError } from '../../core/errors.ts';
import type { Executor } from '../db/connection.ts';
import type { Actor } from '../master-data/resource.ts';
import { signIn, unlockUser, type SignInOptions } from '../users/sign-in.commands.ts';
import { authenticate, revokeToken } from '../users/token.commands.ts';
import { noContentResponse } from './response-schemas.ts';

declare module 'fastify' {
  interface FastifyRequest { actor?: Actor }
  interface FastifyContextConfig { area?: Area; public?: boolean; anyRole?: boolean }
}

const readMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new DomainError('UNAUTHENTICATED');
  return request.actor;
}

function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1];
}

/**
 * Every route the router matched needs a bearer token unless its config says `public` (the explicit
 * allow-list: sign-in, the API docs, the web app's files). The decision is made on the matched route,
 * never on the raw URL, which a client may spell in many ways (`/%61pi/v1/…`, `//api/v1/…`). Reading
 * needs a role that may read the route's area, writing one that may write to it. `localActor` serves
 * the CLI, which runs in-process with the rights of whoever can open the data directory.
 */
export function registerAuthentication(app: FastifyInstance, getDb: () => Executor, localActor?: Actor, signInOptions?: SignInOptions) {
  app.addHook('onRequest', async (request) => {
    const config = request.routeOptions.config;
    // Unknown routes fall through to the 404 handler, which reveals nothing.
    if (!request.routeOptions.url || config.public) return;
    request.actor = localActor ?? (await actorFromToken(getDb(), request));
    const { role } = request.actor;
    if (config.anyRole) return;
    if (readMethods.has(request.method)) {
      if (config.area && !canRead(role, config.area)) throw new DomainError('FORBIDDEN', { role, action: `read ${config.area} data` });
      return;
    }
    if (!config.area || !canWrite(role, config.area)) throw new DomainError('FORBIDDEN', { role, action: `change ${config.area ?? 'this'} data` });
  });

  const routes = app.withTypeProvider<ZodTypeProvider>();
  routes.post('/api/v1/auth/token', {
    config: { public: true },
    schema: {
      tags: ['auth'],
      security: [],
      summary: 'Sign in: exchange a username and password for a bearer token',
      description: 'Failed sign-ins are throttled per username and per client address: after 5 in a row each attempt waits 1 s, 2 s, 4 s … '
        + '(429 LOGIN_THROTTLED with Retry-After, the password unchecked); 10 lock the username for 15 minutes, except from addresses '
        + 'the user signed in from before. 503 LOGIN_BUSY (with Retry-After) when the server is checking too many passwords at once.',
      // A cap on the password, so nobody can make scrypt chew on megabytes.
      body: z.strictObject({ username: z.string().min(1).max(100), password: z.string().min(1).max(1000) }),
      response: { 200: z.object({ token: z.string(), expiresAt: z.string() }) },
    },
  }, async (request) => signIn(getDb(), { ...request.body, address: request.ip }, signInOptions));

  routes.post('/api/v1/users/:username/unlock', {
    config: { area: 'users' },
    schema: {
      tags: ['users'],
      summary: 'Lift the sign-in lock (and any wait) that failed sign-ins put on a user',
      params: z.object({ username: z.string() }),
      response: noContentResponse,
    },
  }, async (request, reply) => {
    await unlockUser(getDb(), request.params.username);
    return reply.status(204).send(null);
  });

  routes.post('/api/v1/auth/signOut', {
    config: { anyRole: true },
    schema: { tags: ['auth'], summary: 'Revoke the token of this request', response: noContentResponse },
  }, async (request, reply) => {
    const token = bearerToken(request);
    if (token) await revokeToken(getDb(), token);
    return reply.status(204).send(null);
  });

  routes.get('/api/v1/auth/me', {
    schema: { tags: ['auth'], summary: 'Who the token belongs to', response: { 200: z.object({ username: z.string(), role: z.string() }) } },
  }, async (request) => actorOf(request));
}

async function actorFromToken(db: Executor, request: FastifyRequest): Promise<Actor> {
  const token = bearerToken(request);
  const actor = token ? await authenticate(db, token) : undefined;
  if (!actor) throw new DomainError('UNAUTHENTICATED');
  return actor;
}
