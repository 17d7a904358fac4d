/**
 * On a PostgreSQL server, a statement sent without a name is parsed and planned afresh every time.
 * A named one is parsed once per connection and its plan kept: for a posting's fifteen statements
 * that was ~3.5 ms of its ~20 ms (bench: 20.4 → 16.9 ms a posting on one connection).
 *
 * So a statement with parameters gets a name the second time its text is seen. Texts differ only
 * where the code builds them differently (a value always travels as a parameter), but some do vary
 * (an IN list's length), so the names are capped: the server keeps every named statement for the
 * life of the connection. On the server, statements without parameters keep the simple protocol,
 * which allows several statements in one text (the migrations); PGlite names those too
 * (pglite-named-statements.ts).
 */
import pg from 'pg';

/**
 * Names by text, given the second time a text is seen, up to `mostNames` (then new texts go unnamed).
 * Texts seen once are remembered up to `mostTextsSeenOnce`, then forgotten all at once: a few MB at most.
 */
export class StatementNames {
  readonly #names = new Map<string, string>();
  #seenOnce = new Set<string>();

  constructor(private readonly mostNames = 500, private readonly mostTextsSeenOnce = 1_000) {}

  /** The name to send `text` under, if any: the same name for the same text on every connection of the pool. */
  nameOf(text: string): string | undefined {
    const name = this.#names.get(text);
    if (name !== undefined || this.#names.size >= this.mostNames) return name;
    if (!this.#seenOnce.has(text)) {
      if (this.#seenOnce.size >= this.mostTextsSeenOnce) this.#seenOnce = new Set();
      this.#seenOnce.add(text);
      return undefined;
    }
    this.#seenOnce.delete(text);
    const named = `ledgerline_${this.#names.size + 1}`;
    this.#names.set(text, named);
    return named;
  }
}

interface QueryConfig {
  text?: unknown;
  name?: unknown;
  values?: unknown;
}

const query = pg.Client.prototype.query as (this: pg.Client, ...args: unknown[]) => unknown;

/** pg's client for one pool (its `Client` option), giving repeated statements with parameters a name. */
export function clientNamingRepeatedStatements(names = new StatementNames()): typeof pg.Client {
  class ClientNamingRepeatedStatements extends pg.Client {}
  ClientNamingRepeatedStatements.prototype.query = function (this: pg.Client, config: unknown, ...rest: unknown[]) {
    return query.call(this, withName(names, config, rest[0]), ...rest);
  } as typeof pg.Client.prototype.query;
  return ClientNamingRepeatedStatements;
}

function withName(names: StatementNames, config: unknown, values: unknown): unknown {
  if (typeof config !== 'object' || config === null || 'submit' in config) return config;
  const { text, name } = config as QueryConfig;
  const parameters = Array.isArray(values) ? values : (config as QueryConfig).values;
  if (name !== undefined || typeof text !== 'string' || !Array.isArray(parameters) || parameters.length === 0) return config;
  const named = names.nameOf(text);
  return named === undefined ? config : { ...config, name: named };
}
