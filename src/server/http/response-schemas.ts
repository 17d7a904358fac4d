/**
 * Success answers of routes whose body the OpenAPI document describes in words rather than by a
 * full schema: the status code is what matters to a client (issue 19). A loose object keeps every
 * field when the answer is serialized.
 */
import { z } from 'zod';

export const createdResponse = (description: string) => ({ 201: z.looseObject({}).describe(description) });
export const acceptedResponse = (description: string) => ({ 202: z.looseObject({}).describe(description) });
export const noContentResponse = { 204: z.null().describe('Done; no content') };
