import type { DatabaseError } from 'pg';
import type { SqlClient } from './sql-client';
import type { ChangePlan } from './plan-change';

export interface ExecuteOptions {
  /** Run, report and roll back: the database is left exactly as it was. */
  dryRun: boolean;
  lockTimeoutMs: number;
  statementTimeoutMs: number;
  /** Each line goes to the run log. */
  log(line: string): void;
}

export interface StatementOutcome {
  sql: string;
  /** Rows the statement touches (counted just before it, or PostgreSQL's row count), when known. */
  rows: number | null;
}

export interface ChangeOutcome {
  committed: boolean;
  statements: StatementOutcome[];
}

/** A statement PostgreSQL refused; the transaction was rolled back, so nothing changed. */
export class ChangeFailedError extends Error {
  readonly code: string | null;
  readonly sql: string;

  constructor(message: string, sql: string, code: string | null) {
    super(message);
    this.name = 'ChangeFailedError';
    this.sql = sql;
    this.code = code;
  }
}

function describeFailure(error: DatabaseError, sql: string, options: ExecuteOptions): string {
  const said = [error.message, error.detail ? `Detail: ${error.detail}` : '', error.hint ? `Hint: ${error.hint}` : ''].filter(Boolean).join(' ');
  const code = error.code ? ` (SQLSTATE ${error.code})` : '';
  const why =
    error.code === '55P03'
      ? ` The table is in use: another session held its lock for longer than the lock timeout (${options.lockTimeoutMs} ms). Try again when it is quieter, or with a longer lock timeout.`
      : error.code === '57014'
        ? ` The statement ran longer than the statement timeout (${options.statementTimeoutMs} ms).`
        : '';
  return `PostgreSQL refused ${sql}: ${said}${code}.${why} The transaction was rolled back: the table is unchanged.`;
}

/**
 * Runs a plan's statements in one transaction, with the lock and statement timeouts set for
 * that transaction only. Every statement is logged exactly as sent. A dry run rolls back after
 * the last statement; a failure rolls back and throws `ChangeFailedError` with PostgreSQL's
 * message. Either way the database is unchanged unless everything succeeded.
 */
export async function executeChange(client: SqlClient, plan: ChangePlan, options: ExecuteOptions): Promise<ChangeOutcome> {
  const outcomes: StatementOutcome[] = [];
  await client.query('BEGIN');
  let current = 'BEGIN';
  try {
    await client.query("SELECT set_config('lock_timeout', $1, true), set_config('statement_timeout', $2, true)", [`${options.lockTimeoutMs}ms`, `${options.statementTimeoutMs}ms`]);
    for (const statement of plan.statements) {
      let rows: number | null = null;
      if (statement.countSql) {
        current = statement.countSql;
        const counted = await client.query<{ n: string }>(statement.countSql);
        rows = Number(counted.rows[0]?.n ?? 0);
      }
      current = statement.sql;
      options.log(`SQL: ${statement.sql};`);
      const result = await client.query(statement.sql);
      // DDL reports no rows; an INSERT … SELECT reports the rows it copied.
      if (rows === null && typeof result.rowCount === 'number' && /^INSERT /.test(statement.sql)) rows = result.rowCount;
      if (rows !== null && statement.counts) options.log(`  ${rows} ${rows === 1 ? statement.counts.replace(/^rows /, 'row ') : statement.counts}`);
      outcomes.push({ sql: statement.sql, rows });
    }
    if (options.dryRun) {
      await client.query('ROLLBACK');
      options.log('Dry run: every statement succeeded, then the transaction was rolled back; nothing changed.');
      return { committed: false, statements: outcomes };
    }
    current = 'COMMIT';
    await client.query('COMMIT');
    return { committed: true, statements: outcomes };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    const db = error as DatabaseError;
    if (typeof db.code === 'string' || db.severity) throw new ChangeFailedError(describeFailure(db, current, options), current, db.code ?? null);
    throw error;
  }
}
