import { and, eq, ne } from 'drizzle-orm';
import { z } from 'zod';
import { DomainError } from '../../core/errors.ts';
import { userSchemas } from '../../core/master-data/user.schemas.ts';
import type { Executor } from '../db/connection.ts';
import { appUser } from '../db/schema/index.ts';
import type { ResourceDefinition } from '../master-data/resource.ts';
import { hashPassword } from './password.ts';
import { lockedUntilByUsername } from './sign-in.commands.ts';

async function otherActiveAdmins(tx: Executor, username: string): Promise<number> {
  const rows = await tx.select({ username: appUser.username }).from(appUser)
    .where(and(eq(appUser.role, 'admin'), eq(appUser.blocked, false), ne(appUser.username, username)));
  return rows.length;
}

export const userResource: ResourceDefinition = {
  name: 'users', entity: 'User', table: appUser, area: 'users',
  key: { param: 'username', field: 'username', kind: 'username' },
  createSchema: userSchemas.create, updateSchema: userSchemas.update,
  filters: ['role', 'blocked'], search: ['fullName', 'email'],
  hiddenFields: ['passwordHash'],
  // Read-only: until when failed sign-ins hold this user back (POST /users/{username}/unlock lifts it).
  flowFields: {
    shape: { lockedUntil: z.string().nullable().optional() },
    calculate: async (tx, rows) => {
      const locks = await lockedUntilByUsername(tx, rows.map((row) => row.username as string), new Date());
      return rows.map((row) => ({ ...row, lockedUntil: locks.get(row.username as string)?.toISOString() ?? null }));
    },
  },
  prepare: async (_tx, values) => {
    const { password, ...rest } = values;
    return typeof password === 'string' ? { ...rest, passwordHash: await hashPassword(password) } : rest;
  },
  // Nobody may lock the company out of its own administration.
  validate: async (tx, user) => {
    if ((user.role !== 'admin' || user.blocked) && (await otherActiveAdmins(tx, user.username as string)) === 0) {
      throw new DomainError('LAST_ADMIN');
    }
  },
  beforeDelete: async (tx, user) => {
    if (user.role === 'admin' && !user.blocked && (await otherActiveAdmins(tx, user.username as string)) === 0) {
      throw new DomainError('LAST_ADMIN');
    }
  },
};
