/**
 * Secrets kept in the database (the SMTP password) are AES-256-GCM ciphertext under a key from
 * the environment, LEDGERLINE_SECRET_KEY: 64 hex digits are the key itself, any other text is
 * hashed to one (SHA-256). Without the variable a secret can be neither saved nor read.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { DomainError } from '../../core/errors.ts';

const version = 'v1';

function secretKey(environment: NodeJS.ProcessEnv): Buffer {
  const value = environment.LEDGERLINE_SECRET_KEY?.trim() ?? '';
  if (value === '') throw new DomainError('SMTP_SECRET_KEY_MISSING');
  return /^[0-9a-f]{64}$/i.test(value) ? Buffer.from(value, 'hex') : createHash('sha256').update(value, 'utf8').digest();
}

export function encryptSecret(plain: string, environment: NodeJS.ProcessEnv = process.env): string {
  const key = secretKey(environment);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [version, iv.toString('base64'), cipher.getAuthTag().toString('base64'), ciphertext.toString('base64')].join(':');
}

/** Throws when the key is missing or is not the one the secret was saved with. */
export function decryptSecret(sealed: string, environment: NodeJS.ProcessEnv = process.env): string {
  const [tag, iv, authTag, ciphertext] = sealed.split(':');
  if (tag !== version || !iv || !authTag || ciphertext === undefined) throw new Error('The stored secret is not in a format this version can read.');
  const decipher = createDecipheriv('aes-256-gcm', secretKey(environment), Buffer.from(iv, 'base64'));
  decipher.setAuthTag(Buffer.from(authTag, 'base64'));
  try {
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64')), decipher.final()]).toString('utf8');
  } catch {
    throw new Error('The stored SMTP password cannot be decrypted: LEDGERLINE_SECRET_KEY is not the key it was saved with; enter the password again.');
  }
}
