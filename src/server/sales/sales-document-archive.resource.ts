import { z } from 'zod';
import { salesDocumentArchive } from '../db/schema/index.ts';
import type { ResourceDefinition } from '../master-data/resource.ts';

/** Archived document versions, read-only: `GET /api/v1/salesDocumentArchives?documentType=quote&no=SQ0001`. */
export const salesDocumentArchiveResource: ResourceDefinition = {
  name: 'salesDocumentArchives', entity: 'Sales Document Archive', table: salesDocumentArchive, area: 'sales',
  key: { param: 'id', field: 'id', kind: 'uuid' }, readOnly: true,
  createSchema: z.strictObject({ documentType: z.string(), no: z.string().transform((value) => value.toUpperCase()), reason: z.string() }),
  updateSchema: z.strictObject({}),
  filters: ['documentType', 'no', 'reason'],
};
