import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { z } from 'zod';
import { canWrite, type Area } from '../../core/access/roles.ts';
import { DomainError } from '../../core/errors.ts';
import type { Executor } from '../db/connection.ts';
import type { Actor } from '../master-data/resource.ts';
import { authenticate, issueToken, revokeToken } from '../users/token.commands.ts';

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
 * Every API route needs a bearer token unless its config says `public`; writing needs a role that
 * may write to the route's area. `localActor` serves the CLI, which runs in-process with the rights
 * of whoever can open the data directory.
 */
export function registerAuthentication(app: FastifyInstance, getDb: () => Executor, localActor?: Actor) {
  app.addHook('onRequest', async (request) => {
    const config = request.routeOptions.config;
    // Unknown routes fall through to the 404 handler; public ones need no token.
    if (!request.url.startsWith('/api/v1/') || config.public || !request.routeOptions.url) return;
    request.actor = localActor ?? (await actorFromToken(getDb(), request));
    if (!readMethods.has(request.method) && !config.anyRole && !(config.area && canWrite(request.actor.role, config.area))) {
      throw new DomainError('FORBIDDEN', { role: request.actor.role, action: `change ${config.area ?? 'this'} data` });
    }
  });

  const routes = app.withTypeProvider<ZodTypeProvider>();
  routes.post('/api/v1/auth/token', {
    config: { public: true },
    schema: {
      tags: ['auth'],
      summary: 'Sign in: exchange a username and password for a bearer token',
      body: z.strictObject({ username: z.string().min(1), password: z.string().min(1) }),
      response: { 200: z.object({ token: z.string(), expiresAt: z.string() }) },
    },
  }, async (request) => getDb().transaction((tx) => issueToken(tx as Executor, request.body.username, request.body.password)));

  routes.post('/api/v1/auth/signOut', {
    config: { anyRole: true },
    schema: { tags: ['auth'], summary: 'Revoke the token of this request' },
  }, async (request, reply) => {
    const token = bearerToken(request);
    if (token) await revokeToken(getDb(), token);
    return reply.status(204).send();
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
