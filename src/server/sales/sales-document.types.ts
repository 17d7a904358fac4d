import { salesDescriptor } from '../../core/documents/document-descriptors.ts';
import { editableSalesDocumentTypes, type EditableSalesDocumentType, type SalesSetupSeriesField } from '../../core/documents/document-types.ts';
import type { salesHeader, salesLine } from '../db/schema/index.ts';

export type SalesHeaderRow = typeof salesHeader.$inferSelect;
export type SalesLineRow = typeof salesLine.$inferSelect;

export interface SalesDocument { header: SalesHeaderRow; lines: SalesLineRow[] }

export type EditableDocumentType = EditableSalesDocumentType;
export const editableDocumentTypes: readonly EditableDocumentType[] = editableSalesDocumentTypes;

/**
 * The API resource, entity caption and number-series field of each type served, read from the
 * descriptors (core/documents); kept under this name for the posting files that import it.
 */
export const documentKinds: Readonly<Record<EditableDocumentType, { resource: string; entity: string; seriesField: SalesSetupSeriesField }>> = Object.fromEntries(
  editableDocumentTypes.map((type) => {
    const { resource, caption, seriesField } = salesDescriptor(type);
    return [type, { resource, entity: caption, seriesField }];
  }),
) as Record<EditableDocumentType, { resource: string; entity: string; seriesField: SalesSetupSeriesField }>;
