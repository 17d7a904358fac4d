/**
 * The API docs page (issue 19: it loads in under a second on the demo company). Swagger UI needs
 * its 1.7 MB bundle and then seconds to turn even one area's document into its state, so the page a
 * reader opens is plain HTML rendered here from the OpenAPI document, one area at a time: every
 * operation with its parameters, request body and every status code it answers with its schema,
 * and the schemas they refer to. Nothing runs in the browser. Swagger UI stays one link away for
 * trying requests out. Pure: document in, HTML out.
 */
import { escapeHtml } from '../../core/text/escape-html.ts';
import type { DocsGroup } from './openapi-groups.ts';

export interface Schema {
  $ref?: string; type?: string; format?: string; description?: string; nullable?: boolean;
  properties?: Record<string, Schema>; required?: string[]; items?: Schema; additionalProperties?: boolean | Schema;
  anyOf?: Schema[]; oneOf?: Schema[]; allOf?: Schema[]; enum?: unknown[]; default?: unknown;
  minimum?: number; maximum?: number; maxLength?: number; minLength?: number; pattern?: string;
}
interface Parameter { name: string; in: string; required?: boolean; description?: string; schema?: Schema }
interface Response { $ref?: string; description?: string; content?: Record<string, { schema?: Schema }> }
interface Operation {
  summary?: string; description?: string; tags?: string[]; parameters?: Parameter[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: Schema }> }; responses?: Record<string, Response>;
}
export interface ReferenceDocument {
  info: { title?: string; description?: string };
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema>; responses?: Record<string, Response> };
}

const schemaPrefix = '#/components/schemas/';
const responsePrefix = '#/components/responses/';
const maxDepth = 3;

/** Descriptions may hold `code` (Markdown's backticks); everything else stays text. */
function prose(text: string | undefined): string {
  return text ? escapeHtml(text).replace(/`([^`]+)`/g, '<code>$1</code>') : '';
}

const anchor = (kind: string, name: string) => `${kind}-${name.replace(/[^A-Za-z0-9_.-]/g, '_')}`;

/** The schema as a short type expression: `string (date)`, `array of X`, `"a" | "b"`, a link to a named schema. */
export function typeOf(schema: Schema | undefined): string {
  if (!schema) return 'any';
  const nullable = schema.nullable ? ' | null' : '';
  if (schema.$ref?.startsWith(schemaPrefix)) {
    const name = schema.$ref.slice(schemaPrefix.length);
    return `<a href="#${anchor('schema', name)}">${escapeHtml(name)}</a>${nullable}`;
  }
  if (schema.enum) return schema.enum.map((value) => `<code>${escapeHtml(JSON.stringify(value))}</code>`).join(' | ') + nullable;
  const union = schema.anyOf ?? schema.oneOf;
  if (union) return union.map(typeOf).join(' | ') + nullable;
  if (schema.allOf) return schema.allOf.map(typeOf).join(' &amp; ') + nullable;
  if (schema.type === 'array') return `array of ${typeOf(schema.items)}${nullable}`;
  const format = schema.format ? ` (${escapeHtml(schema.format)})` : '';
  return `${escapeHtml(schema.type ?? 'any')}${format}${nullable}`;
}

/** Limits a reader needs to send a valid value: range, length, pattern, default. */
function constraints(schema: Schema): string {
  const parts = [
    schema.minimum !== undefined ? `≥ ${schema.minimum}` : '', schema.maximum !== undefined ? `≤ ${schema.maximum}` : '',
    schema.minLength !== undefined ? `min. length ${schema.minLength}` : '', schema.maxLength !== undefined ? `max. length ${schema.maxLength}` : '',
    schema.pattern ? `pattern <code>${escapeHtml(schema.pattern)}</code>` : '',
    schema.default !== undefined ? `default <code>${escapeHtml(JSON.stringify(schema.default))}</code>` : '',
  ].filter(Boolean);
  return parts.length > 0 ? ` <span class="limits">${parts.join(', ')}</span>` : '';
}

/** The inline object a schema shows fields of: itself, or the items of an array of objects. */
function inlineObject(schema: Schema): Schema | null {
  if (schema.properties) return schema;
  if (schema.type === 'array' && schema.items?.properties) return schema.items;
  return null;
}

/** A schema in full: its type, and the fields of an inline object (nested ones too, a few levels deep). */
export function schemaBlock(schema: Schema | undefined, depth = 0): string {
  if (!schema) return '';
  const object = inlineObject(schema);
  const head = object && object === schema ? 'object' : typeOf(schema);
  if (!object || Object.keys(object.properties ?? {}).length === 0 || depth > maxDepth) {
    return `<div class="type">${head}${schema.description && depth === 0 ? ` — ${prose(schema.description)}` : ''}</div>`;
  }
  const required = new Set(object.required ?? []);
  const rows = Object.entries(object.properties ?? {}).map(([name, field]) => {
    const nested = inlineObject(field) ? schemaBlock(field, depth + 1) : '';
    const mark = required.has(name) ? ' <span class="req" title="required">*</span>' : '';
    return `<tr><td><code>${escapeHtml(name)}</code>${mark}</td><td>${typeOf(field)}${constraints(field)}</td><td>${prose(field.description)}${nested}</td></tr>`;
  });
  return `<div class="type">${head}</div><table class="fields"><tr><th>Field</th><th>Type</th><th>Description</th></tr>${rows.join('')}</table>`;
}

function parametersTable(parameters: Parameter[] | undefined): string {
  if (!parameters?.length) return '';
  const rows = parameters.map((parameter) => `<tr><td><code>${escapeHtml(parameter.name)}</code>${parameter.required ? ' <span class="req" title="required">*</span>' : ''}</td>`
    + `<td>${escapeHtml(parameter.in)}</td><td>${typeOf(parameter.schema)}${parameter.schema ? constraints(parameter.schema) : ''}</td><td>${prose(parameter.description)}</td></tr>`);
  return `<h4>Parameters</h4><table class="fields"><tr><th>Name</th><th>In</th><th>Type</th><th>Description</th></tr>${rows.join('')}</table>`;
}

function contentBlocks(content: Record<string, { schema?: Schema }> | undefined): string {
  return Object.entries(content ?? {}).map(([mediaType, body]) => `<div class="media">${escapeHtml(mediaType)}</div>${schemaBlock(body.schema)}`).join('');
}

function responsesTable(responses: Operation['responses']): string {
  const rows = Object.entries(responses ?? {}).map(([status, response]) => {
    const shared = response.$ref?.startsWith(responsePrefix) ? response.$ref.slice(responsePrefix.length) : null;
    const body = shared ? `<a href="#${anchor('response', shared)}">${escapeHtml(shared)}</a>` : `${prose(response.description)}${contentBlocks(response.content)}`;
    return `<tr><td class="status s${escapeHtml(status[0] ?? '')}">${escapeHtml(status)}</td><td>${body}</td></tr>`;
  });
  return `<h4>Responses</h4><table class="fields responses"><tr><th>Status</th><th>Body</th></tr>${rows.join('')}</table>`;
}

function operationSection(method: string, path: string, operation: Operation): string {
  const body = operation.requestBody ? `<h4>Request body${operation.requestBody.required ? '' : ' (optional)'}</h4>${contentBlocks(operation.requestBody.content)}` : '';
  return `<details class="op" id="${anchor('op', `${method}-${path}`)}"><summary><span class="method ${method}">${method.toUpperCase()}</span> `
    + `<code>${escapeHtml(path)}</code> <span class="summary">${prose(operation.summary)}</span></summary>`
    + `${operation.description ? `<p>${prose(operation.description)}</p>` : ''}${parametersTable(operation.parameters)}${body}${responsesTable(operation.responses)}</details>`;
}

/** The operations under their first tag, tags and paths in alphabetical order. */
function operationsByTag(document: ReferenceDocument): Map<string, string[]> {
  const byTag = new Map<string, string[]>();
  for (const path of Object.keys(document.paths).sort()) {
    for (const [method, operation] of Object.entries(document.paths[path]!)) {
      if (typeof operation !== 'object' || operation === null) continue;
      const tag = operation.tags?.[0] ?? 'other';
      byTag.set(tag, [...(byTag.get(tag) ?? []), operationSection(method, path, operation)]);
    }
  }
  return new Map([...byTag].sort(([a], [b]) => a.localeCompare(b)));
}

function componentSections(document: ReferenceDocument): string {
  const responses = Object.entries(document.components?.responses ?? {}).map(([name, response]) =>
    `<section id="${anchor('response', name)}"><h3>${escapeHtml(name)}</h3><p>${prose(response.description)}</p>${contentBlocks(response.content)}</section>`);
  const schemas = Object.entries(document.components?.schemas ?? {}).sort(([a], [b]) => a.localeCompare(b)).map(([name, schema]) =>
    `<section id="${anchor('schema', name)}"><h3>${escapeHtml(name)}</h3>${schemaBlock(schema)}</section>`);
  return `<h2 id="responses">Shared responses</h2>${responses.join('')}<h2 id="schemas">Schemas</h2>${schemas.join('')}`;
}

const style = `body{font:14px/1.45 system-ui,sans-serif;margin:0;color:#1a1b1e}header{background:#1864ab;color:#fff;padding:12px 24px}
header a{color:#fff}nav.areas{display:flex;flex-wrap:wrap;gap:6px 14px;padding:10px 24px;border-bottom:1px solid #dee2e6;background:#f8f9fa}
nav.areas a[aria-current]{font-weight:700;text-decoration:none;color:#1a1b1e}main{padding:8px 24px 40px;max-width:1200px}
details.op{border:1px solid #dee2e6;border-radius:4px;margin:4px 0}details.op>summary{cursor:pointer;padding:6px 8px}details.op[open]>summary{background:#f1f3f5}
details.op>:not(summary){margin-left:12px;margin-right:12px}.method{display:inline-block;min-width:58px;font-weight:700;font-family:monospace}
.get{color:#1971c2}.post{color:#2b7a3b}.patch,.put{color:#a6470a}.delete{color:#c92a2a}.summary{color:#495057}
table.fields{border-collapse:collapse;margin:4px 0 10px;width:100%}table.fields td,table.fields th{border:1px solid #e9ecef;padding:3px 6px;vertical-align:top;text-align:left}
table.fields th{background:#f8f9fa;font-weight:600}.req{color:#c92a2a}.limits{color:#495057}.media{color:#495057;font-size:12px;margin-top:4px}
main>section{content-visibility:auto;contain-intrinsic-size:auto 400px}.status{font-weight:700;font-family:monospace}.s2{color:#2b7a3b}.s4{color:#c92a2a}.type{margin:2px 0}a:focus-visible,summary:focus-visible{outline:2px solid #1c7ed6}`;

/** The page of one area: its operations by tag, then the shared responses and schemas they refer to. */
export function apiReferencePage(document: ReferenceDocument, groups: readonly DocsGroup[], current: DocsGroup): string {
  const areas = groups.map((group) => `<a href="/api/docs?area=${group.key}"${group === current ? ' aria-current="page"' : ''}>${escapeHtml(group.name)}</a>`).join('');
  const tags = [...operationsByTag(document)].map(([tag, operations]) => `<section id="${anchor('tag', tag)}"><h2>${escapeHtml(tag)}</h2>${operations.join('')}</section>`);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">`
    + `<title>${escapeHtml(document.info.title ?? 'API')}</title><style>${style}</style></head><body>`
    + `<header><h1>${escapeHtml(document.info.title ?? 'API')}</h1><p>${prose(document.info.description)}</p>`
    + `<p><a href="/api/docs/try/">Try requests out (Swagger UI, by area too)</a> · <a href="/api/v1/openapi/${current.key}.json">This area's OpenAPI document</a> · `
    + `<a href="/api/v1/openapi.json">The whole OpenAPI document</a></p></header>`
    + `<nav class="areas" aria-label="API areas">${areas}</nav><main>${tags.join('')}${componentSections(document)}</main></body></html>`;
}
