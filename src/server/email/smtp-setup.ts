/**
 * The SMTP setup (spec §21.1, outbound only): one row, created on first save. The password is
 * stored encrypted (secret-box.ts) and never leaves the server: the API shows only whether one is set.
 */
import { eq, sql } from 'drizzle-orm';
import { checkAddressList } from '../../core/email/email-address.ts';
import type { SmtpSetupUpdate } from '../../core/email/email.schemas.ts';
import { DomainError } from '../../core/errors.ts';
import type { Executor } from '../db/connection.ts';
import { smtpSetup } from '../db/schema/index.ts';
import { decryptSecret, encryptSecret } from './secret-box.ts';

export type SmtpSecurity = 'none' | 'starttls' | 'tls';

export interface SmtpSetupView {
  host: string; port: number; security: SmtpSecurity; username: string; passwordSet: boolean;
  senderAddress: string; senderName: string; version: number;
}

const blank: SmtpSetupView = { host: '', port: 587, security: 'starttls', username: '', passwordSet: false, senderAddress: '', senderName: '', version: 0 };

export async function getSmtpSetup(tx: Executor): Promise<SmtpSetupView> {
  const [row] = await tx.select().from(smtpSetup).where(eq(smtpSetup.id, 1));
  if (!row) return blank;
  return {
    host: row.host, port: row.port, security: row.security as SmtpSecurity, username: row.username,
    passwordSet: row.passwordCiphertext !== '', senderAddress: row.senderAddress, senderName: row.senderName, version: row.version,
  };
}

export async function updateSmtpSetup(tx: Executor, input: SmtpSetupUpdate): Promise<SmtpSetupView> {
  const values: Partial<typeof smtpSetup.$inferInsert> = {};
  if (input.host !== undefined) values.host = input.host;
  if (input.port !== undefined) values.port = input.port;
  if (input.security !== undefined) values.security = input.security;
  if (input.username !== undefined) values.username = input.username;
  if (input.senderName !== undefined) values.senderName = input.senderName;
  if (input.senderAddress !== undefined) {
    if (input.senderAddress.includes(';') || input.senderAddress.includes(',')) {
      throw new DomainError('INVALID_EMAIL', { address: input.senderAddress, field: 'senderAddress' }, 'senderAddress');
    }
    values.senderAddress = checkAddressList(input.senderAddress, 'senderAddress');
  }
  if (input.password !== undefined) values.passwordCiphertext = input.password === '' ? '' : encryptSecret(input.password);
  await tx.insert(smtpSetup).values({ id: 1, ...values })
    .onConflictDoUpdate({ target: smtpSetup.id, set: { ...values, version: sql`${smtpSetup.version} + 1`, updatedAt: sql`now()` } });
  return getSmtpSetup(tx);
}

/** What the sender connects with; the password decrypted here only. */
export interface SmtpConnection {
  host: string; port: number; security: SmtpSecurity; username: string; password: string; senderAddress: string; senderName: string;
}

export async function loadSmtpConnection(tx: Executor): Promise<SmtpConnection> {
  const [row] = await tx.select().from(smtpSetup).where(eq(smtpSetup.id, 1));
  if (!row || row.host === '') throw new DomainError('SMTP_NOT_SET_UP');
  return {
    host: row.host, port: row.port, security: row.security as SmtpSecurity, username: row.username,
    password: row.passwordCiphertext === '' ? '' : decryptSecret(row.passwordCiphertext),
    senderAddress: row.senderAddress, senderName: row.senderName,
  };
}
