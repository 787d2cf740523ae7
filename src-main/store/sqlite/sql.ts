import type Database from "better-sqlite3";

/** Queries whose WHERE clause depends on the filters given; each shape is prepared once. */
export class StatementCache {
  readonly #db: Database.Database;
  readonly #statements = new Map<string, Database.Statement>();
  constructor(db: Database.Database) {
    this.#db = db;
  }
  statement(sql: string): Database.Statement {
    let statement = this.#statements.get(sql);
    if (!statement) this.#statements.set(sql, (statement = this.#db.prepare(sql)));
    return statement;
  }
  all<Row>(sql: string, params: unknown[]): Row[] {
    return this.statement(sql).all(...params) as Row[];
  }
  get<Row>(sql: string, params: unknown[]): Row | undefined {
    return this.statement(sql).get(...params) as Row | undefined;
  }
}

/** Conditions ANDed together, with their positional parameters in order. */
export class Where {
  readonly #conditions: string[] = [];
  readonly params: unknown[] = [];
  add(condition: string, ...params: unknown[]): void {
    this.#conditions.push(condition);
    this.params.push(...params);
  }
  sql(): string {
    return this.#conditions.length ? ` WHERE ${this.#conditions.join(" AND ")}` : "";
  }
  /** A copy with one more condition. */
  with(condition: string, ...params: unknown[]): Where {
    const copy = new Where();
    copy.#conditions.push(...this.#conditions, condition);
    copy.params.push(...this.params, ...params);
    return copy;
  }
}
