import { sql } from 'drizzle-orm';
import { documentSendingProfileSchemas } from '../../core/email/email.schemas.ts';
import { documentSendingProfile } from '../db/schema/index.ts';
import type { ResourceDefinition } from '../master-data/resource.ts';

/**
 * Document Sending Profiles (spec §21.1), CRUD through the generic master-data routes. At most one
 * is the default: marking one as default takes the mark from the others in the same transaction.
 */
export const documentSendingProfileResource: ResourceDefinition = {
  name: 'documentSendingProfiles', entity: 'Document Sending Profile', table: documentSendingProfile, area: 'setup',
  key: { param: 'code', field: 'code', kind: 'code' },
  createSchema: documentSendingProfileSchemas.create, updateSchema: documentSendingProfileSchemas.update,
  filters: ['default', 'email'], search: ['description'],
  prepare: async (tx, values, previous) => {
    if (values.default === true) {
      await tx.update(documentSendingProfile).set({ default: false })
        .where(sql`${documentSendingProfile.default} and ${documentSendingProfile.code} <> ${String(values.code ?? previous?.code ?? '')}`);
    }
    return values;
  },
};
