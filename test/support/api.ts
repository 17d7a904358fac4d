import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { inject } from 'vitest';
import type { Role } from '../../src/core/access/roles.ts';
import type { DatabaseHandle, Executor } from '../../src/server/db/connection.ts';
import { buildApp } from '../../src/server/http/app.ts';
import { freshDatabase } from './database.ts';
import { restoreScript, runScript } from './fixture-cache.ts';
import { testPassword } from './test-password.ts';

export interface TestApi {
  app: FastifyInstance;
  db: Executor;
  /** Sends a request as a signed-in user of that role (`none`: without a token). */
  as(role: Role | 'none'): RequestAs;
  close(): Promise<void>;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
type RequestAs = (method: Method, url: string, body?: unknown, headers?: Record<string, string>) => Promise<LightMyRequestResponse>;

export { testPassword };

/**
 * A fresh database behind a real Fastify app, with one user per role (`admin-user`, `viewer-user` …,
 * password testPassword), each signed in: the users and tokens come with the database template.
 */
export async function testApi(): Promise<TestApi> {
  const { database, app } = await apiDatabase();
  const tokens = new Map(Object.entries(inject('apiTokens')) as [Role, string][]);
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
      // An app a test made listen on a port is not handed on: the next test could not listen again.
      if (idle === undefined && !app.server.listening) idle = { database, app };
      else await closeBoth({ database, app });
    },
  };
}

interface AppOnDatabase { database: DatabaseHandle; app: FastifyInstance }

// Opening a database costs ~2 s (PGlite loads and starts PostgreSQL) and building the app ~0.2 s;
// emptying the database and copying the template's rows back costs ~0.1 s. So a test file's closed
// test database waits, with its app, for the next test: the file's, or the next file's in the same
// worker (the database project shares modules between files). The worker's exit closes the last.
let idle: AppOnDatabase | undefined;
let templateScript: string | undefined;

async function apiDatabase(): Promise<AppOnDatabase> {
  const reused = idle;
  idle = undefined;
  if (reused && templateScript) {
    try {
      await runScript(reused.database.db, templateScript);
      return reused;
    } catch {
      await closeBoth(reused).catch(() => undefined);
    }
  }
  const database = await freshDatabase({ withRoleUsers: true });
  templateScript ??= await restoreScript(database.db);
  const app = await buildApp({ db: database.db });
  await app.ready();
  return { database, app };
}

async function closeBoth({ database, app }: AppOnDatabase) {
  await app.close();
  await database.close();
}
