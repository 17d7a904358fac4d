/**
 * The OpenAPI document names a schema once and refers to it (issue 19: the docs page loads in
 * under a second). The routes' zod schemas come out inline, so a sales document's schema appeared
 * in every route that answers with it (3 MB in all); every schema of some size that occurs more
 * than once moves to components.schemas under the name of where it was first met.
 */

type Json = Record<string, unknown> | unknown[];

/** Small schemas (a decimal string, a date) stay inline: a reference would not be shorter. */
const minimumLength = 400;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Where a child of a node is itself a schema: under `schema` of the document, and inside a schema. */
function childIsSchema(parentIsSchema: boolean, parentIsPropertyMap: boolean, key: string, parentIsSchemaList: boolean): boolean {
  if (parentIsPropertyMap || parentIsSchemaList) return true;
  if (key === 'schema') return true;
  return parentIsSchema && ['items', 'additionalProperties', 'not'].includes(key);
}

interface Position { schema: boolean; propertyMap: boolean; schemaList: boolean }

function positionOf(parent: Position, key: string): Position {
  return {
    schema: childIsSchema(parent.schema, parent.propertyMap, key, parent.schemaList),
    propertyMap: parent.schema && key === 'properties',
    schemaList: parent.schema && ['anyOf', 'oneOf', 'allOf', 'prefixItems'].includes(key),
  };
}

const top: Position = { schema: false, propertyMap: false, schemaList: false };

function countSchemas(node: unknown, position: Position, counts: Map<string, number>): void {
  if (typeof node !== 'object' || node === null) return;
  if (position.schema && isObject(node)) {
    const text = JSON.stringify(node);
    if (text.length >= minimumLength) counts.set(text, (counts.get(text) ?? 0) + 1);
  }
  for (const [key, child] of Object.entries(node)) countSchemas(child, positionOf(position, key), counts);
}

const componentName = (where: readonly string[]) =>
  where.join('.').replace(/\/api\/v1\//g, '').replace(/[{}]/g, '').replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[._]+/, '');

/** Structural keys that would only lengthen a component's name. */
const skipped = new Set(['responses', 'content', 'application/json', 'schema', 'properties', 'requestBody']);

export function withSharedSchemas<D extends { paths?: Record<string, unknown>; components?: Record<string, unknown> }>(document: D): D {
  const counts = new Map<string, number>();
  countSchemas(document.paths, top, counts);
  const components = (document.components ?? {}) as { schemas?: Record<string, unknown> };
  const schemas: Record<string, unknown> = { ...components.schemas };
  const names = new Map<string, string>();

  const share = (node: unknown, position: Position, where: string[]): unknown => {
    if (typeof node !== 'object' || node === null) return node;
    const text = position.schema && isObject(node) ? JSON.stringify(node) : '';
    if (text.length >= minimumLength && (counts.get(text) ?? 0) > 1) {
      let name = names.get(text);
      if (!name) {
        name = componentName(where);
        while (name in schemas) name = `${name}_`;
        names.set(text, name);
        schemas[name] = {}; // reserved before its body is shared, so the name stays its own
        schemas[name] = descend(node as Json, position, where);
      }
      return { $ref: `#/components/schemas/${name}` };
    }
    return descend(node as Json, position, where);
  };
  const descend = (node: Json, position: Position, where: string[]): Json => (Array.isArray(node)
    ? node.map((child, index) => share(child, positionOf(position, String(index)), [...where, String(index)]))
    : Object.fromEntries(Object.entries(node).map(([key, child]) => [key, share(child, positionOf(position, key), skipped.has(key) ? where : [...where, key])])));

  const paths = Object.fromEntries(Object.entries(document.paths ?? {}).map(([path, methods]) => [path, descend(methods as Json, top, [path])]));
  return { ...document, paths, components: { ...components, schemas } };
}
