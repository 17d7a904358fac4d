/**
 * PGlite sends every query unnamed, so PostgreSQL parses and plans it afresh each time, in this
 * thread: parse, describe, bind, describe, execute and sync as six separate calls into WebAssembly.
 * A statement with parameters seen a second time (repeated-statements.ts) is parsed once under a
 * name, its parameter types and result columns kept; each later call is one bind, execute and sync.
 * The result goes through PGlite's own parsing, so rows are exactly what its `query` gives.
 */
import { parse, protocol, type PGlite, type QueryOptions, type Results, type Transaction } from '@electric-sql/pglite';
import { StatementNames } from './repeated-statements.ts';

type BackendMessage = Parameters<typeof parse.parseResults>[0][number];

interface Prepared {
  name: string;
  parameterTypes: number[];
  /** The statement's result columns; absent for a statement without rows. */
  rowDescription: BackendMessage | undefined;
}

const { serialize } = protocol;

export class PGliteNamedStatements {
  readonly #names = new StatementNames();
  readonly #prepared = new Map<string, Prepared>();

  constructor(private readonly pglite: PGlite) {}

  /** The name to run the query under, if it is to be one: it has parameters and was seen before. */
  nameFor(text: string, params: readonly unknown[] | undefined, options: QueryOptions | undefined): string | undefined {
    if (!params?.length || options?.blob || options?.paramTypes || options?.onNotice) return undefined;
    return this.#prepared.get(text)?.name ?? this.#names.nameOf(text);
  }

  /** Runs the query as the named statement, inside the session's query lock. */
  run<T>(name: string, text: string, params: readonly unknown[], options: QueryOptions | undefined): Promise<Results<T>> {
    return this.pglite._runExclusiveQuery(async () => {
      try {
        const prepared = this.#prepared.get(text) ?? (await this.#prepare(name, text));
        const values = params.map((value, index) => this.#serialize(value, prepared.parameterTypes[index]!, options));
        const messages = await this.#exec(join(serialize.bind({ statement: name, values }), serialize.execute({}), serialize.sync()));
        const rows = prepared.rowDescription ? [prepared.rowDescription, ...messages] : messages;
        const [result] = parse.parseResults(rows, this.pglite.parsers, options);
        if (!this.pglite.isInTransaction()) await this.pglite.syncToFs();
        return result as Results<T>;
      } catch (error) {
        // As PGlite's own query does: the failed statement travels with the error.
        throw Object.assign(error as object, { query: text, params, queryOptions: options });
      }
    });
  }

  /** A transaction whose queries run as named statements where they are to be. */
  inTransaction(tx: Transaction): Transaction {
    const query = <T>(text: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>> => {
      const name = this.nameFor(text, params, options);
      if (name === undefined) return tx.query<T>(text, params, options);
      if (tx.closed) return Promise.reject(new Error('Transaction is closed'));
      return this.run<T>(name, text, params!, options);
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
    const messages = await this.#exec(join(serialize.parse({ name, text }), serialize.describe({ type: 'S', name }), serialize.sync()));
    const prepared = {
      name,
      parameterTypes: parse.parseDescribeStatementResults(messages),
      rowDescription: messages.find((message) => message.name === 'rowDescription'),
    };
    this.#prepared.set(text, prepared);
    return prepared;
  }

  #exec(message: Uint8Array): Promise<BackendMessage[]> {
    return this.pglite.execProtocolStream(message, { syncToFs: false });
  }

  #serialize(value: unknown, type: number, options: QueryOptions | undefined): string | null {
    if (value === null || value === undefined) return null;
    const serializer = options?.serializers?.[type] ?? this.pglite.serializers[type];
    return serializer ? serializer(value) : String(value);
  }
}

function join(...parts: Uint8Array[]): Uint8Array {
  const joined = new Uint8Array(parts.reduce((length, part) => length + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.length;
  }
  return joined;
}
