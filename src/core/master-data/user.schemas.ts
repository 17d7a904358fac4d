import { z } from 'zod';
import { roles } from '../access/roles.ts';
import { email, recordSchemas, text } from './fields.ts';

export const username = () =>
  z.string().trim().toLowerCase().regex(/^[a-z0-9][a-z0-9._-]{0,49}$/, 'must be 1–50 letters, digits, dots, dashes or underscores');

export const password = () => z.string().min(8, 'must be at least 8 characters').max(200);

export const userSchemas = recordSchemas({ username: username() }, {
  fullName: text(100),
  email: email(),
  role: z.enum(roles),
  password: password(),
  blocked: z.boolean(),
}, ['role', 'password']);
