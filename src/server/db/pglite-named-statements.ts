/**
 * PGlite sends every query unnamed, so PostgreSQL parses and plans it afresh each time, in this
 * thread: parse, describe, bind, describe, execute and sync as six separate calls into WebAssembly.
 * A statement seen a second time (repeated-statements.ts; here with or without parameters) is parsed once under a
 * name, its parameter types and result columns kept; each later call is one bind, execute and sync.
 * Messages are written and read with node-postgres's pg-protocol, the same wire protocol: its reader
 * decodes each value straight from a Node Buffer (see `#exec`). Rows are parsed as PGlite's
 * own `parseResults` parses them (the same parsers, the same result shape), with each column's parser
 * looked up once per result rather than once per value.
 */
import { types, type PGlite, type QueryOptions, type Results, type Transaction } from '@electric-sql/pglite';
import { serialize } from 'pg-protocol';
import type { BackendMessage } from 'pg-protocol/dist/messages.js';
import { Parser } from 'pg-protocol/dist/parser.js';
import { StatementNames } from './repeated-statements.ts';

type Field = Results['fields'][number];

interface Prepared {
  name: string;
  parameterTypes: number[];
  /** The statement's result columns; none for a statement without rows. */
  fields: Field[];
}

export class PGliteNamedStatements {
  readonly #names = new StatementNames();
  readonly #prepared = new Map<string, Prepared>();

  constructor(private readonly pglite: PGlite) {}

  /**
   * The name to run the query under, if it is to be one: it was seen before. Unlike the server's simple
   * protocol, PGlite runs a statement without parameters as it runs any other (six calls), so those are
   * named too; PGlite's `query` takes one statement per text either way.
   */
  nameFor(text: string, options: QueryOptions | undefined): string | undefined {
    if (options?.blob || options?.paramTypes || options?.onNotice) return undefined;
    return this.#names.nameOf(text);
  }

  /** Runs the query as the named statement, inside the session's query lock. */
  run<T>(name: string, text: string, params: readonly unknown[] | undefined, options: QueryOptions | undefined): Promise<Results<T>> {
    return this.pglite._runExclusiveQuery(async () => {
      try {
        const prepared = this.#prepared.get(text) ?? (await this.#prepare(name, text));
        const values = (params ?? []).map((value, index) => this.#serialize(value, prepared.parameterTypes[index]!, options));
        const messages = await this.#exec(Buffer.concat([serialize.bind({ statement: name, values }), serialize.execute({}), serialize.sync()]));
        const result = this.#resultOf<T>(messages, prepared.fields, options);
        if (!this.pglite.isInTransaction()) await this.pglite.syncToFs();
        return result;
      } catch (error) {
        // As PGlite's own query does: the failed statement travels with the error.
        throw Object.assign(error as object, { query: text, params, queryOptions: options });
      }
    });
  }

  /** A transaction whose queries run as named statements where they are to be. */
  inTransaction(tx: Transaction): Transaction {
    const query = <T>(text: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>> => {
      const name = this.nameFor(text, options);
      if (name === undefined) return tx.query<T>(text, params, options);
      if (tx.closed) return Promise.reject(new Error('Transaction is closed'));
      return this.run<T>(name, text, params, options);
    };
    return {
      query,
      sql: tx.sql.bind(tx),
      exec: tx.exec.bind(tx),
      rollback: tx.rollback.bind(tx),
      listen: tx.listen.bind(tx),
      get closed() {
        return tx.closed;
      },
    };
  }

  async #prepare(name: string, text: string): Promise<Prepared> {
    const messages = await this.#exec(Buffer.concat([serialize.parse({ name, text }), serialize.describe({ type: 'S', name }), serialize.sync()]));
    const prepared = {
      name,
      parameterTypes: (messages.find((message) => message.name === 'parameterDescription') as { dataTypeIDs: number[] } | undefined)?.dataTypeIDs ?? [],
      fields: (messages.find((message) => message.name === 'rowDescription') as { fields: Field[] } | undefined)?.fields
        .map(({ name: column, dataTypeID }) => ({ name: column, dataTypeID })) ?? [],
    };
    this.#prepared.set(text, prepared);
    return prepared;
  }

  #resultOf<T>(messages: readonly BackendMessage[], fields: Field[], options: QueryOptions | undefined): Results<T> {
    const parsers = fields.map(({ dataTypeID }) => options?.parsers?.[dataTypeID] ?? this.pglite.parsers[dataTypeID] ?? types.parsers[dataTypeID]);
    const asArrays = options?.rowMode === 'array';
    const rows: unknown[] = [];
    let result: Results<T> = { rows: rows as T[], fields, affectedRows: 0 };
    for (const message of messages) {
      if (message.name === 'dataRow') {
        const values = (message as unknown as { fields: (string | null)[] }).fields;
        const row: unknown[] | Record<string, unknown> = asArrays ? new Array(values.length) : {};
        for (let index = 0; index < values.length; index++) {
          const value = values[index]!;
          const parser = parsers[index];
          const parsed = value === null ? null : parser ? parser(value, fields[index]!.dataTypeID) : value;
          if (asArrays) (row as unknown[])[index] = parsed;
          else (row as Record<string, unknown>)[fields[index]!.name] = parsed;
        }
        rows.push(row);
      } else if (message.name === 'commandComplete') {
        const words = (message as unknown as { text: string }).text.split(' ');
        const count = Number.parseInt(words[words.length - 1]!, 10);
        const affected = ['INSERT', 'UPDATE', 'DELETE', 'COPY', 'MERGE'].includes(words[0]!) ? count : 0;
        result = { ...result, command: words[0], affectedRows: affected, ...(Number.isNaN(count) ? {} : { rowCount: count }) } as Results<T>;
      }
    }
    return result;
  }

  /**
   * Sends the messages and reads the answers; an error answer is thrown, as PGlite's `execProtocolStream`
   * throws it. The answers come as raw bytes: PGlite's own reading of them (`execProtocolStream` and
   * `execProtocolRaw` both do it) copied each value into an ArrayBuffer of its own and decoded it
   * there, ~10 times what the query itself took for a list of 50 rows.
   */
  async #exec(message: Uint8Array): Promise<BackendMessage[]> {
    const messages: BackendMessage[] = [];
    let error: BackendMessage | undefined;
    const parser = new Parser();
    await this.pglite.execProtocolRawStream(message, {
      syncToFs: false,
      // A view of PGlite's memory, valid during the call only; the parser may keep an unfinished message.
      onRawData: (chunk) => parser.parse(Buffer.from(chunk), (received) => {
        if (received.name === 'error') error ??= received;
        else messages.push(received);
      }),
    });
    if (error) throw error;
    return messages;
  }

  #serialize(value: unknown, type: number, options: QueryOptions | undefined): string | null {
    if (value === null || value === undefined) return null;
    const serializer = options?.serializers?.[type] ?? this.pglite.serializers[type];
    return serializer ? serializer(value) : String(value);
  }
}
