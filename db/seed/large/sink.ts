import type { InStatement } from "@libsql/client";

/** Where the statements go: the open transaction. */
export interface Executor {
  execute(stmt: InStatement): Promise<unknown>;
}

type Value = string | number | null;

/**
 * Rows for one table, inserted as parameterised multi-row INSERTs once enough are
 * collected. The statement for a full chunk is built once and reused.
 */
export class TableSink {
  private values: Value[] = [];
  private pending = 0;
  private readonly fullSql: string;
  readonly rowsPerStatement: number;
  inserted = 0;
  ms = 0;

  constructor(
    private readonly target: { current: Executor | null },
    readonly table: string,
    private readonly columns: readonly string[],
  ) {
    // Well under SQLite's 32 766 bound variables.
    this.rowsPerStatement = Math.max(1, Math.min(2000, Math.floor(30000 / columns.length)));
    this.fullSql = this.sql(this.rowsPerStatement);
  }

  private sql(rows: number) {
    const tuple = `(${this.columns.map(() => "?").join(",")})`;
    return `INSERT INTO "${this.table}" (${this.columns.map((c) => `"${c}"`).join(",")}) VALUES ${Array(rows).fill(tuple).join(",")}`;
  }

  push(...row: Value[]) {
    if (row.length !== this.columns.length) throw new Error(`${this.table}: ${row.length} values for ${this.columns.length} columns`);
    for (const v of row) this.values.push(v);
    this.pending += 1;
  }

  /** Insert the full chunks collected so far (all rows with `all`). */
  async flush(all = false) {
    const started = performance.now();
    const width = this.columns.length;
    while (this.pending >= this.rowsPerStatement) {
      const args = this.values.splice(0, this.rowsPerStatement * width);
      await this.target.current!.execute({ sql: this.fullSql, args });
      this.pending -= this.rowsPerStatement;
      this.inserted += this.rowsPerStatement;
    }
    if (all && this.pending > 0) {
      await this.target.current!.execute({ sql: this.sql(this.pending), args: this.values });
      this.inserted += this.pending;
      this.values = [];
      this.pending = 0;
    }
    this.ms += performance.now() - started;
  }
}
