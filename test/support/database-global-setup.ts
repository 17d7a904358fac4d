import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/server/db/connection.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** PGlite: path of a migrated data-dir dump. PostgreSQL server: name of a migrated template database. */
    databaseTemplate: string;
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
  const dump = await (handle.db as unknown as { $client: { dumpDataDir(c: string): Promise<Blob> } }).$client.dumpDataDir('none');
  await handle.close();
  const directory = mkdtempSync(join(tmpdir(), 'ledgerline-test-'));
  const path = join(directory, 'template.tar');
  writeFileSync(path, Buffer.from(await dump.arrayBuffer()));
  project.provide('databaseTemplate', path);
  return () => rmSync(directory, { recursive: true, force: true });
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
  return async () => {
    const leftovers = await admin.query(`SELECT datname FROM pg_database WHERE datname LIKE 'ledgerline_test_${process.pid}_%'`);
    for (const row of leftovers.rows) await admin.query(`DROP DATABASE IF EXISTS ${row.datname} WITH (FORCE)`);
    await admin.query(`DROP DATABASE IF EXISTS ${templateName}`);
    await admin.end();
  };
}
