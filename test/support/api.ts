import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { roles, type Role } from '../../src/core/access/roles.ts';
import type { Executor } from '../../src/server/db/connection.ts';
import { appUser } from '../../src/server/db/schema/index.ts';
import { buildApp } from '../../src/server/http/app.ts';
import { hashPassword } from '../../src/server/users/password.ts';
import { issueToken } from '../../src/server/users/token.commands.ts';
import { freshDatabase } from './database.ts';

export interface TestApi {
  app: FastifyInstance;
  db: Executor;
  /** Sends a request as a signed-in user of that role (`none`: without a token). */
  as(role: Role | 'none'): RequestAs;
  close(): Promise<void>;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
type RequestAs = (method: Method, url: string, body?: unknown, headers?: Record<string, string>) => Promise<LightMyRequestResponse>;

export const testPassword = 'correct horse battery';

/** A fresh database behind a real Fastify app, with one user per role (`admin-user`, `viewer-user` …). */
export async function testApi(): Promise<TestApi> {
  const database = await freshDatabase();
  const passwordHash = await hashPassword(testPassword);
  await database.db.insert(appUser).values(roles.map((role) => ({ username: `${role.toLowerCase()}-user`, role, passwordHash })));
  const tokens = new Map<Role, string>();
  for (const role of roles) tokens.set(role, (await issueToken(database.db, `${role.toLowerCase()}-user`, testPassword)).token);
  const app = await buildApp({ db: database.db });
  await app.ready();
  return {
    app,
    db: database.db,
    as: (role) => (method, url, body, headers = {}) => app.inject({
      method,
      url,
      headers: { ...(role === 'none' ? {} : { authorization: `Bearer ${tokens.get(role)}` }), ...headers },
      ...(body === undefined ? {} : { payload: body as object }),
    }),
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
