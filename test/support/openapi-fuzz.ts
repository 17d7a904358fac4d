/**
 * Request generation for the OpenAPI fuzz test (test/server/http/openapi-fuzz.test.ts): every
 * operation of the API's own OpenAPI document, with valid-looking input built from its schemas and
 * from values the API has answered with (real keys, codes, cursors), mutated with what clients get
 * wrong: NUL bytes, numbers too long for their column, JSON numbers for decimals, wrong types, dates
 * that do not exist, forged cursors, unknown parameters, junk in the path.
 *
 * fast-check draws a recipe per request from the seed; the recipe is resolved against the values
 * seen so far when the request is sent, so a seed replays the same sequence of requests.
 */
import fc from 'fast-check';

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  enum?: unknown[];
  nullable?: boolean;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
}

export interface Operation {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** The OpenAPI path, e.g. `/api/v1/salesOrders/{no}/lines/{lineNo}`. */
  template: string;
  query: { name: string; schema: JsonSchema }[];
  body?: JsonSchema;
}

interface OpenApiDocument {
  paths: Record<string, Record<string, {
    parameters?: { in: string; name: string; schema: JsonSchema }[];
    requestBody?: { content?: Record<string, { schema: JsonSchema }> };
  }>>;
}

export function operationsOf(document: OpenApiDocument): Operation[] {
  return Object.entries(document.paths).flatMap(([template, operations]) =>
    Object.entries(operations).map(([method, operation]) => ({
      method: method.toUpperCase() as Operation['method'],
      template,
      query: (operation.parameters ?? []).filter((parameter) => parameter.in === 'query').map(({ name, schema }) => ({ name, schema })),
      ...(operation.requestBody?.content?.['application/json'] ? { body: operation.requestBody.content['application/json'].schema } : {}),
    })));
}

/** A JSON number sent exactly as written, e.g. 12345678901234567.89, which a JS number cannot hold. */
export class RawNumber {
  constructor(readonly text: string) {}
}

export function toJsonText(value: unknown): string {
  const raw: string[] = [];
  const text = JSON.stringify(value, (_key, item: unknown) => {
    if (!(item instanceof RawNumber)) return item;
    raw.push(item.text);
    return `@@raw${raw.length - 1}@@`;
  });
  return text.replace(/"@@raw(\d+)@@"/g, (_match, index: string) => raw[Number(index)]!);
}

type Row = Record<string, unknown>;

/** encodeURIComponent, but a lone surrogate is sent as the bytes Node would make of it instead of throwing. */
export function encode(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return Buffer.from(text).toString('hex').replace(/../g, '%$&');
  }
}

/** What the API has answered with: records per collection URL, values per field name, cursors. */
export class Corpus {
  private readonly records = new Map<string, Row[]>();
  private readonly fields = new Map<string, unknown[]>();
  private readonly cursors: string[] = [];

  /** `protectedValues` never enter the corpus: the fuzzer's own user must not be deleted or blocked. */
  constructor(private readonly protectedValues: ReadonlySet<unknown>) {}

  /** Records the answer to a request on `url` (a collection, or an item when `isItem`). */
  learn(url: string, body: unknown, isItem: boolean) {
    if (!body || typeof body !== 'object') return;
    const page = body as { items?: unknown; nextCursor?: unknown };
    if (Array.isArray(page.items)) {
      if (typeof page.nextCursor === 'string') this.cursors.push(page.nextCursor);
      for (const item of page.items) this.addRecord(url, item);
    } else {
      this.addRecord(isItem ? url.slice(0, url.lastIndexOf('/')) : url, body);
    }
  }

  private addRecord(collection: string, value: unknown) {
    if (!value || typeof value !== 'object' || Array.isArray(value)) return;
    const row = value as Row;
    if (Object.values(row).some((field) => this.protectedValues.has(field))) return;
    const rows = this.records.get(collection) ?? [];
    if (rows.length < 60) rows.push(row);
    this.records.set(collection, rows);
    for (const [name, field] of Object.entries(row)) {
      if (Array.isArray(field)) {
        // A document's lines are the records of its `…/{no}/lines` collection.
        for (const key of ['no', 'code', 'id']) {
          if (typeof row[key] === 'string') for (const nested of field) this.addRecord(`${collection}/${row[key]}/${name}`, nested);
        }
      } else if (field !== null && typeof field !== 'object') {
        const values = this.fields.get(name) ?? [];
        if (values.length < 40 && !values.includes(field)) values.push(field);
        this.fields.set(name, values);
      }
    }
  }

  /** A key of a record of `collection`, read from the first of `keyFields` its records have. */
  key(collection: string, keyFields: readonly string[], pick: number): string | undefined {
    const rows = this.records.get(collection) ?? [];
    const field = keyFields.find((name) => rows.some((row) => row[name] !== undefined && row[name] !== null));
    if (!field || rows.length === 0) return undefined;
    const value = rows[pick % rows.length]![field];
    return value === undefined || value === null ? undefined : String(value);
  }

  field(name: string, pick: number): unknown {
    const values = this.fields.get(name);
    return values?.length ? values[pick % values.length] : undefined;
  }

  cursor(pick: number): string | undefined {
    return this.cursors.length ? this.cursors[pick % this.cursors.length] : undefined;
  }
}

/** A value to send, resolved against the corpus when the request is sent. */
type Gen<T = unknown> = (corpus: Corpus) => T;
const constant = <T>(value: T): Gen<T> => () => value;

const nul = '\u0000';
const junkText = fc.constantFrom(
  nul, `A${nul}B`, `${nul}C10000`, 'x'.repeat(5000), '😀'.repeat(40), '\ud800', ' ', '', '%', '_', '\\', '\'; DROP TABLE customer; --',
  'null', '-1', '0', 'NaN', 'Infinity', '\u202e', '\r\n', '<script>',
);
const junkDecimals = fc.constantFrom(
  // The most a column holds (valid alone, too much multiplied) and one digit more.
  '9999999999999', '9999999999999999.99', '1000000000000', '12345678901234567890.12', '99999999999999999.99', '10000000000000000', '99999999999999.99999',
  '9999999999999.99999', '-99999999999999999', '0.0000001', '1.123456', '1e5', '1E+400', ' 1', '1,5', '١٢٣', '--1', '.5', '5.',
  '0x10', '+1', `1${nul}`,
);
const junkNumbers = fc.constantFrom<unknown>(
  new RawNumber('12345678901234567.89'), new RawNumber('0.1'), new RawNumber('1e400'), new RawNumber('-0'),
  new RawNumber('1.0000000000000001'), new RawNumber('9007199254740993'), new RawNumber('123456789012345678901234567890'),
  new RawNumber('99999999999999999.99'), 2147483648, -2147483649, 1.5, -1, 0, 1e21, 12.5,
);
const junkDates = fc.constantFrom(
  '2026-02-30', '2026-13-01', '0000-00-00', '0000-01-01', '10000-01-01', '2026-1-1', 'tomorrow', '2025-02-29', '9999-12-31',
  '0001-01-01', '2026-01-01T00:00:00Z', '20260101', '-2026-01-01', `2026-01-01${nul}`, '1900-01-01', '4713-01-01',
);
const wrongTypes = fc.constantFrom<unknown>({}, [], null, true, false, 'text', [1], { a: { b: [] } }, -1);

const junkValue: fc.Arbitrary<unknown> = fc.oneof(
  junkText, junkDecimals, junkNumbers, junkDates, wrongTypes, fc.string({ unit: 'binary', maxLength: 30 }), fc.integer(),
  fc.double(),
);

// Decimals travel as strings, so the OpenAPI schema says only "string": the name tells dates and decimals apart.
const isDateName = (name: string) => /date$|^date|dateFrom$|dateTo$|Before$|^before$/i.test(name);
const isDecimalName = (name: string) => /percent|amount|price|cost|quantity|qty|precision|rate|charge|limit|factor|tolerance|difference|minimum/i.test(name);

/** Junk aimed at the field: digits and JSON numbers for decimals, impossible dates for dates, big numbers for integers. */
function junkFor(name: string, schema: JsonSchema | undefined): fc.Arbitrary<unknown> {
  const aimed = schema?.type === 'integer' ? fc.oneof(junkNumbers, fc.integer())
    : isDecimalName(name) ? fc.oneof(junkDecimals, junkNumbers)
      : isDateName(name) ? junkDates
        : junkText;
  return fc.oneof({ weight: 3, arbitrary: aimed }, { weight: 2, arbitrary: junkValue });
}

const isoDates = fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));
const decimals = fc.oneof(fc.constantFrom('0', '1', '2', '2.5', '10', '100', '0.01', '12.34567', '-1', '1000000'), fc.nat(5000).map(String));

/** A plausible value of a string field, by the name's convention (dates, decimals, codes). */
function stringByName(name: string, schema: JsonSchema): fc.Arbitrary<unknown> {
  if (isDateName(name)) return isoDates;
  if (isDecimalName(name)) return decimals;
  const max = Math.max(1, Math.min(schema.maxLength ?? 12, 12));
  return fc.stringMatching(new RegExp(`^[A-Z0-9]{${Math.min(schema.minLength ?? 1, max)},${max}}$`));
}

/** A valid-looking value: one the API answered with for a field of that name, else one from the schema. */
function validValue(schema: JsonSchema, name: string, depth = 0): fc.Arbitrary<Gen> {
  const fromSchema = schemaValue(schema, name, depth);
  if (schema.type === 'object' || schema.type === 'array') return fromSchema;
  return fc.tuple(fc.nat(), fc.nat(9), fromSchema).map(([pick, dice, fallback]) => (corpus: Corpus) => {
    const seen = corpus.field(name, pick);
    return dice < 6 && seen !== undefined ? seen : fallback(corpus);
  });
}

function schemaValue(schema: JsonSchema, name: string, depth: number): fc.Arbitrary<Gen> {
  const arbitrary = plainSchemaValue(schema, name, depth);
  return schema.nullable ? fc.oneof({ weight: 1, arbitrary: fc.constant(constant(null)) }, { weight: 6, arbitrary }) : arbitrary;
}

function plainSchemaValue(schema: JsonSchema, name: string, depth: number): fc.Arbitrary<Gen> {
  if (schema.enum) return fc.constantFrom(...schema.enum).map(constant);
  if (schema.anyOf) return fc.oneof(...schema.anyOf.map((branch) => schemaValue(branch, name, depth)));
  switch (schema.type) {
    case 'boolean': return fc.boolean().map(constant);
    case 'integer': {
      const min = schema.minimum ?? 0;
      const max = schema.maximum ?? 1_000_000;
      return fc.oneof(fc.integer({ min, max: Math.min(max, min + 50_000) }), fc.integer({ min, max })).map(constant);
    }
    case 'number': return fc.integer({ min: 0, max: 1000 }).map(constant);
    case 'string': return stringByName(name, schema).map(constant);
    case 'array': {
      const items = schema.items ?? {};
      return fc.array(validValue(items, name, depth + 1), { minLength: schema.minItems ?? 0, maxLength: depth > 1 ? 1 : 3 })
        .map((gens) => (corpus: Corpus) => gens.map((gen) => gen(corpus)));
    }
    case 'object': return objectValue(schema, depth);
    default: return fc.constantFrom<unknown>('x', 1, true, null).map(constant);
  }
}

/** The required properties and up to four optional ones, each valid-looking. */
function objectValue(schema: JsonSchema, depth: number): fc.Arbitrary<Gen> {
  const properties = schema.properties ?? {};
  const required = (schema.required ?? []).filter((name) => name in properties);
  const optional = Object.keys(properties).filter((name) => !required.includes(name));
  return fc.subarray(optional, { maxLength: Math.min(4, optional.length) }).chain((chosen) => {
    const names = [...required, ...chosen];
    return fc.tuple(...names.map((name) => validValue(properties[name]!, name, depth + 1)))
      .map((gens) => (corpus: Corpus) => Object.fromEntries(names.map((name, index) => [name, gens[index]!(corpus)])));
  });
}

/** Which fields may hold a record's key under each collection template: `/api/v1/noSeries` → code, seriesCode. */
export function keyFieldsByCollection(operations: readonly Operation[]): Map<string, string[]> {
  const keys = new Map<string, string[]>();
  for (const { template } of operations) {
    for (const match of template.matchAll(/\/\{(\w+)\}/g)) {
      const collection = template.slice(0, match.index);
      const names = keys.get(collection) ?? [];
      if (!names.includes(match[1]!)) names.push(match[1]!);
      keys.set(collection, names);
    }
  }
  return keys;
}

/** Path segments that are not keys: encoded NUL, malformed escapes, numbers out of range, dates that do not exist. */
const junkSegments = fc.oneof(
  fc.constantFrom(
    '%00', 'A%00', '%00%00', 'x'.repeat(3000), '%E0%A4%A', '%ZZ', '%2F', '..', '%20', '-1', '0', '99999999999999999999',
    '2147483648', '1.5', '1e3', '2026-02-30', '2026-13-01', '0000-01-01', 'not-a-date', '00000000-0000-0000-0000-000000000000',
    'zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz', '%F0%9F%98%80', '%F0%9F', '%27', '%25', '%5C', '%C0%AE',
  ),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 20 }).map(encode),
);

type Segment = { kind: 'key'; pick: number } | { kind: 'foreign'; pick: number } | { kind: 'junk'; text: string } | { kind: 'keyWithNul'; pick: number };

const segment: fc.Arbitrary<Segment> = fc.oneof(
  { weight: 12, arbitrary: fc.nat().map((pick) => ({ kind: 'key' as const, pick })) },
  { weight: 2, arbitrary: fc.nat().map((pick) => ({ kind: 'foreign' as const, pick })) },
  { weight: 1, arbitrary: fc.nat().map((pick) => ({ kind: 'keyWithNul' as const, pick })) },
  { weight: 3, arbitrary: junkSegments.map((text) => ({ kind: 'junk' as const, text })) },
);

/** Base64url of JSON the API never issued: wrong shapes, wrong types, NUL, dates and uuids that are not. */
const forgedCursor = fc.oneof(
  fc.constantFrom<unknown>({}, [], null, 'x', 1e300, nul, '2026-02-30', 'not-a-uuid', ['2026-01-01', 'x'], ['x', 'y'], [1, 2],
    99999999999, -1, 1.5, true, { no: 'C1' }, 'A'.repeat(500), ['2026-01-01T00:00:00Z', '00000000-0000-4000-8000-000000000000'])
    .map((value) => Buffer.from(JSON.stringify(value)).toString('base64url')),
  fc.constantFrom('%%%', '!!', '', '=', 'eyJ', 'bnVsbA', 'AAAA', nul),
  fc.string({ unit: 'binary', maxLength: 40 }).map((text) => Buffer.from(text).toString('base64url')),
);

export interface FuzzRequest {
  role: 'admin' | 'viewer' | 'none';
  method: Operation['method'];
  url: string;
  headers: Record<string, string>;
  payload?: string;
}

export type Recipe = Gen<FuzzRequest>;

const queryValue = (name: string, schema: JsonSchema, junk: boolean): fc.Arbitrary<Gen<string>> => {
  const valid = validValue(schema, name).map((gen) => (corpus: Corpus) => String(gen(corpus)));
  if (!junk) return valid;
  return fc.oneof(valid, junkFor(name, schema).map((value) => constant(typeof value === 'string' ? value : value instanceof RawNumber ? value.text : toJsonText(value))));
};

function queryRecipe(operation: Operation, junk: boolean): fc.Arbitrary<Gen<string>> {
  const parameters = operation.query.map(({ name, schema }) => {
    const realCursor = fc.nat().map((pick) => (corpus: Corpus) => corpus.cursor(pick) ?? 'eyJ');
    const value = name === 'cursor' ? (junk ? fc.oneof(realCursor, forgedCursor.map(constant)) : realCursor) : queryValue(name, schema, junk);
    return fc.option(value.map((gen) => (corpus: Corpus) => `${encode(name)}=${encode(gen(corpus))}`), { freq: junk ? 2 : 5 });
  });
  const unknown = junk
    ? fc.option(fc.constantFrom('notAParameter=1', 'x%00=1', 'limit=1&limit=2', 'search=%00', '%ZZ=1', 'a=%E0%A4%A'), { freq: 4 })
    : fc.constant(null);
  return fc.tuple(fc.tuple(...parameters), unknown).map(([gens, extra]) => (corpus: Corpus) =>
    [...gens.filter((gen): gen is Gen<string> => gen !== null).map((gen) => gen(corpus)), ...(extra ? [extra] : [])].join('&'));
}

/** Changes one to three fields of a valid-looking body: junk in a known field, or a field the schema does not have. */
function mutatedBody(schema: JsonSchema): fc.Arbitrary<Gen> {
  const names = Object.keys(schema.properties ?? {});
  const properties = schema.properties ?? {};
  const mutation = fc.oneof(
    { weight: 8, arbitrary: (names.length ? fc.constantFrom(...names) : fc.constant('notAField')).chain((name) => fc.tuple(fc.constant(name), junkFor(name, properties[name]))) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom('notAField', nul, `no${nul}`), junkValue) },
  );
  return fc.tuple(objectValue(schema, 0), fc.array(mutation, { minLength: 1, maxLength: 3 }), fc.nat()).map(([valid, changes, pick]) =>
    (corpus: Corpus) => {
      const body = valid(corpus) as Row;
      for (const [name, value] of changes) body[name] = value;
      // Lines are where most of a document's numbers are: put the junk there as well, sometimes.
      if (Array.isArray(body.lines) && body.lines.length > 0 && pick % 2 === 0) {
        const line = body.lines[pick % body.lines.length];
        if (line && typeof line === 'object') Object.assign(line, Object.fromEntries(changes));
      }
      return body;
    });
}

type Body = { contentType: string; text: string } | undefined;

const junkBodies = fc.constantFrom<Body>(
  { contentType: 'application/json', text: '{' }, { contentType: 'application/json', text: '[1,2]' },
  { contentType: 'application/json', text: '"\\u0000"' }, { contentType: 'application/json', text: 'null' },
  { contentType: 'application/json', text: '{"a":1,}' }, { contentType: 'application/json', text: '1e400' },
  { contentType: 'application/json', text: '{"__proto__":{"x":1}}' }, { contentType: 'application/json', text: '[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]' },
  { contentType: 'text/plain', text: 'hello' }, { contentType: 'application/x-www-form-urlencoded', text: 'a=1' },
  { contentType: 'application/json; charset=latin1', text: '{}' }, { contentType: 'application/json', text: '\u0000' },
  { contentType: 'application/json', text: `${'['.repeat(100_000)}"\\u0000"${']'.repeat(100_000)}` },
);

function bodyRecipe(operation: Operation, junk: boolean): fc.Arbitrary<Gen<Body>> {
  const json = (gen: Gen): Gen<Body> => (corpus) => ({ contentType: 'application/json', text: toJsonText(gen(corpus)) });
  const junkBody = junkBodies.map((body) => constant(body));
  if (!operation.body) return junk ? junkBody : fc.constant(constant(undefined));
  if (!junk) return objectValue(operation.body, 0).map(json);
  return fc.oneof({ weight: 6, arbitrary: mutatedBody(operation.body).map(json) }, { weight: 1, arbitrary: junkBody });
}

function headerRecipe(junk: boolean): fc.Arbitrary<Record<string, string>> {
  const workDate = fc.option(junk ? junkDates : isoDates, { freq: junk ? 2 : 4 });
  const ifMatch = junk ? fc.option(fc.constantFrom('"99999999999999999999"', '"-1"', 'W/"1"', '"abc"', '"1"', '*', '"2147483648"'), { freq: 2 }) : fc.constant(null);
  return fc.tuple(workDate, ifMatch)
    .map(([date, version]) => ({ ...(date === null ? {} : { 'x-work-date': date }), ...(version === null ? {} : { 'if-match': version }) }));
}

function pathRecipe(count: number, junk: boolean): fc.Arbitrary<Segment[]> {
  const clean = fc.nat().map((pick): Segment => ({ kind: 'key', pick }));
  // At least one segment is junk; the others are keys, so the junk is what gets judged.
  return junk
    ? fc.tuple(fc.array(clean, { minLength: count, maxLength: count }), segment.filter((choice) => choice.kind !== 'key'), fc.nat(count - 1))
      .map(([segments, bad, at]) => segments.map((choice, index) => (index === at ? bad : choice)))
    : fc.array(clean, { minLength: count, maxLength: count });
}

type Site = 'none' | 'path' | 'query' | 'body' | 'headers' | 'role';

/**
 * The recipe of one request to `operation`: clean, or with junk in one place only (path, query,
 * body, headers, or the token), so that a refusal is about that place and the rest gets exercised.
 */
export function requestRecipe(operation: Operation, keyFields: Map<string, string[]>): fc.Arbitrary<Recipe> {
  const parameters = [...operation.template.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);
  const sites: { weight: number; arbitrary: fc.Arbitrary<Site> }[] = [
    { weight: 3, arbitrary: fc.constant('none') }, { weight: 4, arbitrary: fc.constant('body') },
    { weight: 1, arbitrary: fc.constant('headers') }, { weight: 1, arbitrary: fc.constant('role') },
    ...(parameters.length ? [{ weight: 2, arbitrary: fc.constant<Site>('path') }] : []),
    ...(operation.query.length ? [{ weight: 2, arbitrary: fc.constant<Site>('query') }] : []),
  ];
  return fc.oneof(...sites).chain((site) => fc.tuple(
    site === 'role' ? fc.constantFrom('none' as const, 'viewer' as const) : fc.constant('admin' as const),
    pathRecipe(parameters.length, site === 'path'),
    queryRecipe(operation, site === 'query'),
    bodyRecipe(operation, site === 'body'),
    headerRecipe(site === 'headers'),
  )).map(([role, segments, query, body, headers]) => (corpus: Corpus) => {
    let url = operation.template;
    parameters.forEach((name, index) => {
      const collection = url.slice(0, url.indexOf(`{${name}}`) - 1);
      const keys = keyFields.get(operation.template.slice(0, operation.template.indexOf(`{${name}}`) - 1)) ?? [name];
      const choice = segments[index]!;
      const key = choice.kind === 'junk' ? undefined : choice.kind === 'foreign' ? corpus.field(name, choice.pick) : corpus.key(collection, keys, choice.pick);
      const text = choice.kind === 'junk' ? choice.text : encode(String(key ?? 'NOKEY')) + (choice.kind === 'keyWithNul' ? '%00' : '');
      url = url.replace(`{${name}}`, text);
    });
    const queryText = query(corpus);
    const sent = body(corpus);
    return {
      role, method: operation.method, url: queryText ? `${url}?${queryText}` : url,
      headers: { ...headers, ...(sent ? { 'content-type': sent.contentType } : {}) },
      ...(sent ? { payload: sent.text } : {}),
    };
  });
}
