import { resolve } from 'node:path';

/** Everything the server reads from its environment, in one place (see README, "Configuration"). */
export interface ServerConfig {
  databaseUrl: string | undefined;
  dataDir: string;
  port: number;
  host: string;
  /** Where PayPal notifications are posted back for verification instead of PayPal's own address (tests, a proxy). */
  payPalVerifyUrl: string | undefined;
}

export function readConfig(environment: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = Number.parseInt(environment.PORT ?? '3000', 10);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not '${environment.PORT}'.`);
  return {
    databaseUrl: environment.DATABASE_URL || undefined,
    dataDir: resolve(environment.LEDGERLINE_DATA_DIR || './data'),
    port,
    host: environment.HOST || '127.0.0.1',
    payPalVerifyUrl: readPayPalVerifyUrl(environment),
  };
}

/**
 * LEDGERLINE_PAYPAL_VERIFY_URL: the address PayPal notifications are posted back to (IPN
 * verification), replacing PayPal's live and sandbox addresses; unset, PayPal's own are used.
 * Read when a notification arrives, so a test can point it at a local server.
 */
export function readPayPalVerifyUrl(environment: NodeJS.ProcessEnv = process.env): string | undefined {
  const value = environment.LEDGERLINE_PAYPAL_VERIFY_URL?.trim();
  if (!value) return undefined;
  const url = URL.canParse(value) ? new URL(value) : null;
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    throw new Error(`LEDGERLINE_PAYPAL_VERIFY_URL must be an http(s) URL, not '${value}'.`);
  }
  return url.href;
}
