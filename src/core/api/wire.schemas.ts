import { z } from 'zod';

/**
 * The building blocks of the API's answers as they travel (DESIGN §6): the response views in core
 * are made of these, the server may answer through them and the web app's types are their
 * `z.output`. Only the wire type is named here; the input schemas (master-data/fields.ts) check.
 * A view the server answers through must list every field it sends: zod drops unknown keys.
 */

/** A decimal as a JSON string ("12.50"), never a JSON number. */
export const decimalText = () => z.string();

/** A calendar date, YYYY-MM-DD. */
export const dateText = () => z.string();

/** A moment (created, posted, finished at), ISO 8601 with offset. */
export const timestampText = () => z.string();

/** One page of a list: `?limit=&cursor=`, the next cursor null on the last page. */
export const pageOf = <Item extends z.ZodType>(item: Item) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });

/** A refusal, RFC 9457 problem+json with a stable code and, for bad input, the fields at fault. */
export const problemView = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.string(),
  detail: z.string(),
  /** Field paths as the request names them: "name", "lines.0.quantity", "query.limit". */
  errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  /** Only on a refusal of the catalogue (core/errors.ts): the values its detail was made of (issue 19). */
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
});
