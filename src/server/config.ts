import { resolve } from 'node:path';

/** Everything the server reads from its environment, in one place (see README, "Configuration"). */
export interface ServerConfig {
  databaseUrl: string | undefined;
  dataDir: string;
  port: number;
  host: string;
}

export function readConfig(environment: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = Number.parseInt(environment.PORT ?? '3000', 10);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not '${environment.PORT}'.`);
  return {
    databaseUrl: environment.DATABASE_URL || undefined,
    dataDir: resolve(environment.LEDGERLINE_DATA_DIR || './data'),
    port,
    host: environment.HOST || '127.0.0.1',
  };
}
