import { parseColumnType } from './column-type';
import type { DdlChange, TableName } from './ddl-change';
import { identifierProblem, qualifiedName, quoteIdentifier, quoteLiteral } from './identifiers';
import { readTable, type TableSnapshot } from './read-tables';
import type { SqlClient } from './sql-client';
import { usingExpressionProblem } from './using-expression';

/** One statement of a change, with what to count before it runs (rows the change touches). */
export interface PlannedStatement {
  sql: string;
  /** Reports how many rows the statement rewrites, read in the same transaction just before it. */
  countSql?: string;
  counts?: string;
}

export interface ChangePlan {
  table: TableSnapshot;
  statements: PlannedStatement[];
}

/** A change refused before anything ran: the message says what is wrong and how to fix it. */
export class ChangeRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ChangeRefusedError';
  }
}

function refuse(message: string): never {
  throw new ChangeRefusedError(message);
}

function checkName(what: string, name: string): void {
  const problem = identifierProblem(name);
  if (problem) refuse(`The ${what} ${JSON.stringify(name)} ${problem}.`);
}

async function checkType(client: SqlClient, input: string): Promise<string> {
  const parsed = parseColumnType(input);
  if ('problem' in parsed) refuse(parsed.problem);
  // to_regtype reads the name with PostgreSQL's own parser and answers null for an unknown type.
  const known = await client.query<{ t: string | null }>('SELECT to_regtype($1)::text AS t', [parsed.type]);
  if (!known.rows[0]?.t) refuse(`PostgreSQL has no type "${input}" in this database; check the spelling, or create the type first.`);
  return parsed.type;
}

function column(table: TableSnapshot, name: string): TableSnapshot['columns'][number] | undefined {
  return table.columns.find((c) => c.name === name);
}

/**
 * Checks the change against the table as it is now (it exists; the column exists, or does not;
 * the type is known) and builds its statements with every name quoted. Throws a
 * `ChangeRefusedError` saying what to fix; runs nothing that changes the database.
 */
export async function planChange(client: SqlClient, target: TableName, change: DdlChange): Promise<ChangePlan> {
  const table = await readTable(client, target.schema, target.table);
  if (!table) refuse(`The table ${qualifiedName(target.schema, target.table)} does not exist (any more) in this database; refresh the catalog.`);
  const name = qualifiedName(table.schema, table.table);
  const countAll = `SELECT count(*)::bigint AS n FROM ${name}`;

  switch (change.op) {
    case 'add-column': {
      checkName('column name', change.column);
      if (column(table, change.column)) refuse(`${name} already has a column ${quoteIdentifier(change.column)}; pick another name, or use "Update column" to change it.`);
      const type = await checkType(client, change.type);
      const parts = [`ALTER TABLE ${name} ADD COLUMN ${quoteIdentifier(change.column)} ${type}`];
      if (change.default !== undefined) parts.push(`DEFAULT ${quoteLiteral(change.default)}`);
      if (!change.nullable) parts.push('NOT NULL');
      return { table, statements: [{ sql: parts.join(' '), countSql: countAll, counts: 'rows get the new column' }] };
    }
    case 'remove-column': {
      if (!column(table, change.column)) refuse(`${name} has no column ${JSON.stringify(change.column)}; its columns are ${table.columns.map((c) => c.name).join(', ')}.`);
      if (table.columns.length === 1) refuse(`${quoteIdentifier(change.column)} is the only column of ${name}; remove the table instead.`);
      const c = quoteIdentifier(change.column);
      return { table, statements: [{ sql: `ALTER TABLE ${name} DROP COLUMN ${c}`, countSql: `SELECT count(${c})::bigint AS n FROM ${name}`, counts: 'values are dropped with the column' }] };
    }
    case 'update-column': {
      const existing = column(table, change.column);
      if (!existing) refuse(`${name} has no column ${JSON.stringify(change.column)}; its columns are ${table.columns.map((c) => c.name).join(', ')}.`);
      const c = quoteIdentifier(change.column);
      const statements: PlannedStatement[] = [];
      if (change.using !== undefined && change.type === undefined) refuse('A USING expression only applies to a type change: give the new type too.');
      if (change.type !== undefined) {
        const type = await checkType(client, change.type);
        let sql = `ALTER TABLE ${name} ALTER COLUMN ${c} TYPE ${type}`;
        if (change.using !== undefined) {
          const problem = usingExpressionProblem(change.using);
          if (problem) refuse(`The USING expression ${problem}; write one expression over the column, such as ${c}::${type}.`);
          sql += ` USING (${change.using})`;
        }
        statements.push({ sql, countSql: `SELECT count(${c})::bigint AS n FROM ${name}`, counts: 'values are converted' });
      }
      if (change.nullable === false && existing.nullable) statements.push({ sql: `ALTER TABLE ${name} ALTER COLUMN ${c} SET NOT NULL`, countSql: `SELECT count(*)::bigint AS n FROM ${name} WHERE ${c} IS NULL`, counts: 'rows hold NULL (they must not)' });
      if (change.nullable === true && !existing.nullable) statements.push({ sql: `ALTER TABLE ${name} ALTER COLUMN ${c} DROP NOT NULL` });
      if (typeof change.default === 'string') statements.push({ sql: `ALTER TABLE ${name} ALTER COLUMN ${c} SET DEFAULT ${quoteLiteral(change.default)}` });
      if (change.default === null && existing.default !== null) statements.push({ sql: `ALTER TABLE ${name} ALTER COLUMN ${c} DROP DEFAULT` });
      // Renamed last, so the statements above name the column as it was.
      if (change.rename !== undefined && change.rename !== change.column) {
        checkName('new column name', change.rename);
        if (column(table, change.rename)) refuse(`${name} already has a column ${quoteIdentifier(change.rename)}; pick another new name.`);
        statements.push({ sql: `ALTER TABLE ${name} RENAME COLUMN ${c} TO ${quoteIdentifier(change.rename)}` });
      }
      if (statements.length === 0) refuse(`Nothing to change: ${c} already is as asked. Give a new name, type, nullability or default.`);
      return { table, statements };
    }
    case 'duplicate-table': {
      checkName('schema name', change.targetSchema);
      checkName('table name', change.targetTable);
      const schema = await client.query('SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = $1', [change.targetSchema]);
      if (schema.rowCount === 0) refuse(`The schema ${quoteIdentifier(change.targetSchema)} does not exist in this database; create it first or pick another.`);
      const target = qualifiedName(change.targetSchema, change.targetTable);
      const taken = await client.query<{ r: string | null }>('SELECT to_regclass($1)::text AS r', [target]);
      if (taken.rows[0]?.r) refuse(`${target} already exists; pick another name or schema.`);
      // Defaults, constraints, indexes, identity, comments and storage come along; data only when asked.
      const statements: PlannedStatement[] = [{ sql: `CREATE TABLE ${target} (LIKE ${name} INCLUDING ALL)` }];
      if (change.withData) statements.push({ sql: `INSERT INTO ${target} OVERRIDING SYSTEM VALUE SELECT * FROM ${name}`, counts: "rows copied" });
      return { table, statements };
    }
  }
}
