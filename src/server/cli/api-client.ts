import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { eq } from 'drizzle-orm';
import { isRole } from '../../core/access/roles.ts';
import type { ServerConfig } from '../config.ts';
import type { Executor } from '../db/connection.ts';
import { appUser } from '../db/schema/index.ts';
import type { Actor } from '../master-data/resource.ts';
import { buildApp } from '../http/app.ts';
import type { CliIo } from './cli-io.ts';
import { openCliDatabase } from './runtime.ts';

/** The CLI speaks to the API: over HTTP to a running server, or to an in-process one on the database. */
export interface ApiClient {
  request(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<ApiResponse>;
  close(): Promise<void>;
  /** Set when the CLI works on the database in-process: no worker serves it, so jobs are run right here (progress.ts). */
  db?: Executor;
}

export interface ApiResponse { status: number; body: unknown }

/** Headers every CLI request carries: the work date, when the user set one. */
function commonHeaders(workDate: string | undefined): Record<string, string> {
  return workDate ? { 'x-work-date': workDate } : {};
}

interface Credentials { server: string; token: string }

export function credentialsPath(environment: NodeJS.ProcessEnv): string {
  return join(environment.LEDGERLINE_CONFIG_DIR || join(homedir(), '.config', 'ledgerline'), 'credentials.json');
}

export function saveCredentials(credentials: Credentials, environment: NodeJS.ProcessEnv) {
  const path = credentialsPath(environment);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(credentials, null, 2), { mode: 0o600 });
}

export function forgetCredentials(environment: NodeJS.ProcessEnv) {
  rmSync(credentialsPath(environment), { force: true });
}

function savedCredentials(environment: NodeJS.ProcessEnv): Credentials | undefined {
  try {
    return JSON.parse(readFileSync(credentialsPath(environment), 'utf8')) as Credentials;
  } catch {
    return undefined;
  }
}

/**
 * Who the in-process CLI acts as: the app user LEDGERLINE_USER names, with that user's role (so
 * `approval approve` approves as them), else `cli`, an administrator, since whoever can open the
 * data directory or the database URL can change anything in it anyway. An unknown or blocked user
 * is refused rather than quietly replaced.
 */
async function localActorOf(db: Executor, environment: NodeJS.ProcessEnv): Promise<Actor> {
  const username = environment.LEDGERLINE_USER?.trim();
  if (!username) return { username: 'cli', role: 'admin' };
  const [user] = await db.select({ role: appUser.role, blocked: appUser.blocked }).from(appUser).where(eq(appUser.username, username));
  if (!user) throw new Error(`LEDGERLINE_USER names '${username}', who is no user of this database (see \`ledgerline users list\`).`);
  if (user.blocked || !isRole(user.role)) throw new Error(`LEDGERLINE_USER names '${username}', who is blocked and may not act.`);
  return { username, role: user.role };
}

/**
 * `--server` (or LEDGERLINE_SERVER, or a saved `ledgerline login`) means HTTP to that server, as the
 * signed-in user; otherwise the CLI opens the database itself and acts as localActorOf says.
 */
export async function connectApi(config: ServerConfig, server: string | undefined, io: CliIo): Promise<ApiClient> {
  const saved = savedCredentials(io.env);
  const target = server || io.env.LEDGERLINE_SERVER || saved?.server;
  const workDate = io.env.LEDGERLINE_WORK_DATE;
  if (target) {
    const token = io.env.LEDGERLINE_TOKEN || (saved && saved.server === target ? saved.token : undefined);
    return httpClient(target, token, workDate);
  }
  // A lender (the tests' io.openDatabase) hands out its database itself; otherwise the folder must be there.
  if (!config.databaseUrl && !io.openDatabase) assertDataDirExists(config);
  const handle = await openCliDatabase(io, config);
  let localActor: Actor;
  try {
    localActor = await localActorOf(handle.db, io.env);
  } catch (error) {
    await handle.close();
    throw error;
  }
  const app = await buildApp({ db: handle.db, localActor });
  return {
    db: handle.db,
    request: async (method, path, body, headers) => {
      const response = await app.inject({ method: method as 'GET', url: path, headers: { ...commonHeaders(workDate), ...headers }, ...(body === undefined ? {} : { payload: body as object }) });
      return { status: response.statusCode, body: bodyOf(String(response.headers['content-type'] ?? ''), response.rawPayload) };
    },
    close: async () => {
      await app.close();
      await handle.close();
    },
  };
}

/**
 * Run in another folder than the server's, the CLI would make an empty database of its own there and
 * answer from it (`list customers` → []) as if the company had none. Only `serve`, `migrate` and
 * `demo` create a database; every other command refuses, naming the folder it looked in and how to
 * reach the server's.
 */
function assertDataDirExists(config: ServerConfig): void {
  if (existsSync(config.dataDir)) return;
  throw new Error(`There is no Ledgerline database in ${config.dataDir}. `
    + 'Run the command in the folder the server runs in, set LEDGERLINE_DATA_DIR to the server\'s data directory, '
    + `or sign in to the running server: \`ledgerline login --server http://127.0.0.1:${config.port} --username …\` (or set LEDGERLINE_SERVER). `
    + '`ledgerline serve`, `migrate` or `demo` create a new database in this folder.');
}

/** JSON (problems too) parsed; text (a report's CSV download) as its text; anything else (a PDF) as its bytes. */
function bodyOf(contentType: string, bytes: Buffer): unknown {
  if (bytes.length === 0) return undefined;
  if (contentType === '' || contentType.includes('json')) return JSON.parse(bytes.toString('utf8'));
  return contentType.startsWith('text/') ? bytes.toString('utf8') : bytes;
}

export function httpClient(server: string, token: string | undefined, workDate?: string): ApiClient {
  const base = server.replace(/\/+$/, '');
  return {
    request: async (method, path, body, headers = {}) => {
      let response: Response;
      try {
        response = await fetch(`${base}${path}`, {
          method,
          headers: {
            ...(token ? { authorization: `Bearer ${token}` } : {}),
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
            ...commonHeaders(workDate),
            ...headers,
          },
          // A file (the company logo) goes as its bytes, with the content type the caller set.
          ...(body === undefined ? {} : { body: Buffer.isBuffer(body) ? new Uint8Array(body) : JSON.stringify(body) }),
        });
      } catch (error) {
        throw new Error(`Cannot reach the Ledgerline server at ${base} (${(error as Error).message}). Is it running? ` +
          '(`ledgerline logout` makes the CLI work on the database directly again.)');
      }
      return { status: response.status, body: bodyOf(response.headers.get('content-type') ?? '', Buffer.from(await response.arrayBuffer())) };
    },
    close: async () => undefined,
  };
}
