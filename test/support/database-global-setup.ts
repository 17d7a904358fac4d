import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { roles } from '../../src/core/access/roles.ts';
import { openDatabase, type Executor } from '../../src/server/db/connection.ts';
import { appUser } from '../../src/server/db/schema/index.ts';
import { hashPassword } from '../../src/server/users/password.ts';
import { createToken } from '../../src/server/users/token.commands.ts';
import { testPassword } from './test-password.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** PGlite: path of a migrated data-dir dump. PostgreSQL server: name of a migrated template database. */
    databaseTemplate: string;
    /** The same, plus one signed-in user per role (test/support/api.ts): scrypt runs once per run, not per test. */
    apiTemplate: string;
    /** Bearer token per role in apiTemplate. */
    apiTokens: Record<string, string>;
  }
}

/**
 * Migrates one template database for the whole run; every test then starts from a cheap copy of it
 * (PGlite: load the dump, ~0.4 s instead of initdb; server: CREATE DATABASE … TEMPLATE).
 */
export default async function setup(project: TestProject) {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) return setupServerTemplate(project, serverUrl);
  const handle = await openDatabase({});
  await handle.migrate();
  const directory = mkdtempSync(join(tmpdir(), 'ledgerline-test-'));
  const dump = async (name: string) => {
    const path = join(directory, name);
    const data = await (handle.db as unknown as { $client: { dumpDataDir(c: string): Promise<Blob> } }).$client.dumpDataDir('none');
    writeFileSync(path, Buffer.from(await data.arrayBuffer()));
    return path;
  };
  project.provide('databaseTemplate', await dump('template.tar'));
  project.provide('apiTokens', await addRoleUsers(handle.db));
  project.provide('apiTemplate', await dump('api-template.tar'));
  await handle.close();
  return () => rmSync(directory, { recursive: true, force: true });
}

/** One user per role (`admin-user`, `viewer-user` …) with a token each. */
async function addRoleUsers(db: Executor): Promise<Record<string, string>> {
  const passwordHash = await hashPassword(testPassword);
  await db.insert(appUser).values(roles.map((role) => ({ username: `${role.toLowerCase()}-user`, role, passwordHash })));
  const tokens: Record<string, string> = {};
  for (const role of roles) tokens[role] = (await createToken(db, `${role.toLowerCase()}-user`)).token;
  return tokens;
}

async function setupServerTemplate(project: TestProject, serverUrl: string) {
  const templateName = `ledgerline_template_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${templateName}`);
  await admin.query(`CREATE DATABASE ${templateName}`);
  const url = new URL(serverUrl);
  url.pathname = `/${templateName}`;
  const handle = await openDatabase({ databaseUrl: url.toString() });
  await handle.migrate();
  await handle.close();
  project.provide('databaseTemplate', templateName);
  const apiTemplateName = `${templateName}_api`;
  await admin.query(`DROP DATABASE IF EXISTS ${apiTemplateName}`);
  await admin.query(`CREATE DATABASE ${apiTemplateName} TEMPLATE ${templateName}`);
  url.pathname = `/${apiTemplateName}`;
  const apiHandle = await openDatabase({ databaseUrl: url.toString() });
  project.provide('apiTokens', await addRoleUsers(apiHandle.db));
  await apiHandle.close();
  project.provide('apiTemplate', apiTemplateName);
  return async () => {
    const leftovers = await admin.query(`SELECT datname FROM pg_database WHERE datname LIKE 'ledgerline_test_${process.pid}_%'`);
    for (const row of leftovers.rows) await admin.query(`DROP DATABASE IF EXISTS ${row.datname} WITH (FORCE)`);
    await admin.query(`DROP DATABASE IF EXISTS ${apiTemplateName}`);
    await admin.query(`DROP DATABASE IF EXISTS ${templateName}`);
    await admin.end();
  };
}
