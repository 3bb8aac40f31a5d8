import { createTestSchema, type TestSchema } from '../testing/test-database';
import type { DdlChange } from './ddl-change';
import { ChangeFailedError, executeChange, type ExecuteOptions } from './execute-change';
import { ChangeRefusedError, planChange } from './plan-change';
import { readTable } from './read-tables';
import { pgSqlClient, type SqlClient } from './sql-client';

// Planning and running table changes on the machine's real PostgreSQL, each test in a schema
// of its own that is dropped afterwards.

let db: TestSchema;
let log: string[];
let sql: SqlClient;

beforeEach(async () => {
  db = await createTestSchema();
  log = [];
  sql = pgSqlClient(db.client);
  await db.query(`CREATE TABLE ${db.name}.orders (id bigint PRIMARY KEY, amount text, note varchar(80) DEFAULT 'none', placed_at timestamptz NOT NULL DEFAULT now())`);
  await db.query(`INSERT INTO ${db.name}.orders (id, amount, note) VALUES (1, '12.50', 'a'), (2, '7', NULL), (3, '100.25', 'c')`);
});
afterEach(() => db.drop());

const options = (extra: Partial<ExecuteOptions> = {}): ExecuteOptions => ({ dryRun: false, lockTimeoutMs: 2000, statementTimeoutMs: 30_000, log: (line) => log.push(line), ...extra });

async function apply(change: DdlChange, extra: Partial<ExecuteOptions> = {}, table = 'orders') {
  const plan = await planChange(sql, { schema: db.name, table }, change);
  return executeChange(sql, plan, options(extra));
}

const columns = async (table = 'orders') => (await readTable(sql, db.name, table))?.columns.map((c) => [c.name, c.type, c.nullable, c.default]);

test('reads the columns with their types as PostgreSQL prints them, nullability and defaults', async () => {
  expect(await columns()).toEqual([
    ['id', 'bigint', false, null],
    ['amount', 'text', true, null],
    ['note', 'character varying(80)', true, "'none'::character varying"],
    ['placed_at', 'timestamp with time zone', false, 'now()'],
  ]);
});

test('adds a column with a default and NOT NULL, logging the exact statement and the rows it fills', async () => {
  const outcome = await apply({ op: 'add-column', column: 'currency', type: 'varchar(3)', nullable: false, default: 'EUR' });
  expect(outcome.committed).toBe(true);
  expect(log).toEqual([`SQL: ALTER TABLE "${db.name}"."orders" ADD COLUMN "currency" varchar(3) DEFAULT 'EUR' NOT NULL;`, '  3 rows get the new column']);
  expect((await columns())?.at(-1)).toEqual(['currency', 'character varying(3)', false, "'EUR'::character varying"]);
  expect(await db.query(`SELECT DISTINCT currency FROM ${db.name}.orders`)).toEqual([{ currency: 'EUR' }]);
});

test('a dry run runs every statement, reports, and leaves the table exactly as it was', async () => {
  const before = await columns();
  const outcome = await apply({ op: 'update-column', column: 'amount', type: 'numeric(10,2)', using: 'amount::numeric', nullable: false, rename: 'amount_eur' }, { dryRun: true });
  expect(outcome).toEqual({ committed: false, statements: [expect.objectContaining({ rows: 3 }), expect.objectContaining({ rows: 0 }), expect.objectContaining({ rows: null })] });
  expect(log).toEqual([
    `SQL: ALTER TABLE "${db.name}"."orders" ALTER COLUMN "amount" TYPE numeric(10,2) USING (amount::numeric);`,
    '  3 values are converted',
    `SQL: ALTER TABLE "${db.name}"."orders" ALTER COLUMN "amount" SET NOT NULL;`,
    '  0 rows hold NULL (they must not)',
    `SQL: ALTER TABLE "${db.name}"."orders" RENAME COLUMN "amount" TO "amount_eur";`,
    'Dry run: every statement succeeded, then the transaction was rolled back; nothing changed.',
  ]);
  expect(await columns()).toEqual(before);
});

test('changes a type with USING, renames, sets and drops defaults', async () => {
  await apply({ op: 'update-column', column: 'amount', type: 'numeric(10,2)', using: 'amount::numeric', default: '0' });
  await apply({ op: 'update-column', column: 'note', default: null, rename: 'comment' });
  expect(await columns()).toEqual([
    ['id', 'bigint', false, null],
    ['amount', 'numeric(10,2)', true, "'0'::numeric"],
    ['comment', 'character varying(80)', true, null],
    ['placed_at', 'timestamp with time zone', false, 'now()'],
  ]);
  expect(await db.query(`SELECT amount::text FROM ${db.name}.orders ORDER BY id`)).toEqual([{ amount: '12.50' }, { amount: '7.00' }, { amount: '100.25' }]);
});

test("a type change that cannot convert a row fails with PostgreSQL's message and leaves the table as it was", async () => {
  await db.query(`INSERT INTO ${db.name}.orders (id, amount) VALUES (4, 'twelve')`);
  const before = await columns();
  const error = (await apply({ op: 'update-column', column: 'amount', type: 'integer', using: 'amount::integer', rename: 'amount_int' }).catch((e: unknown) => e)) as ChangeFailedError;
  expect(error).toBeInstanceOf(ChangeFailedError);
  expect(error.code).toBe('22P02');
  expect(error.message).toBe(`PostgreSQL refused ALTER TABLE "${db.name}"."orders" ALTER COLUMN "amount" TYPE integer USING (amount::integer): invalid input syntax for type integer: "12.50" (SQLSTATE 22P02). The transaction was rolled back: the table is unchanged.`);
  expect(await columns()).toEqual(before);
  expect(await db.query(`SELECT count(*)::int AS n FROM ${db.name}.orders`)).toEqual([{ n: 4 }]);
});

test('removes a column, counting the values it drops', async () => {
  await apply({ op: 'remove-column', column: 'note' });
  expect(log).toEqual([`SQL: ALTER TABLE "${db.name}"."orders" DROP COLUMN "note";`, '  2 values are dropped with the column']);
  expect((await columns())?.map((c) => c[0])).toEqual(['id', 'amount', 'placed_at']);
});

test('duplicates a table into another schema, structure only or with its data', async () => {
  await db.query(`CREATE SCHEMA ${db.name}_copy`);
  try {
    await apply({ op: 'duplicate-table', targetSchema: `${db.name}_copy`, targetTable: 'orders_empty', withData: false });
    await apply({ op: 'duplicate-table', targetSchema: `${db.name}_copy`, targetTable: 'orders_full', withData: true });
    expect(log).toContain('  3 rows copied');
    expect(await db.query(`SELECT (SELECT count(*) FROM ${db.name}_copy.orders_empty)::int AS empty, (SELECT count(*) FROM ${db.name}_copy.orders_full)::int AS full`)).toEqual([{ empty: 0, full: 3 }]);
    expect((await readTable(sql, `${db.name}_copy`, 'orders_full'))?.columns).toEqual((await readTable(sql, db.name, 'orders'))?.columns);
    await expect(planChange(sql, { schema: db.name, table: 'orders' }, { op: 'duplicate-table', targetSchema: `${db.name}_copy`, targetTable: 'orders_full', withData: false })).rejects.toThrow(`"${db.name}_copy"."orders_full" already exists`);
  } finally {
    await db.query(`DROP SCHEMA ${db.name}_copy CASCADE`);
  }
});

test('hostile names are quoted and harmless: the column is called exactly that, and nothing is dropped', async () => {
  const hostile = 'a"; drop table x; --';
  await db.query(`CREATE TABLE ${db.name}.x (id int)`);
  await apply({ op: 'add-column', column: hostile, type: 'text', nullable: true, default: "'); drop table x; --" });
  expect(log[0]).toBe(`SQL: ALTER TABLE "${db.name}"."orders" ADD COLUMN "a""; drop table x; --" text DEFAULT '''); drop table x; --';`);
  expect((await columns())?.at(-1)).toEqual([hostile, 'text', true, "'''); drop table x; --'::text"]);
  expect(await db.query(`SELECT DISTINCT "a""; drop table x; --" AS v FROM ${db.name}.orders`)).toEqual([{ v: "'); drop table x; --" }]);
  await apply({ op: 'update-column', column: hostile, rename: 'b"); drop table x; --' });
  await apply({ op: 'remove-column', column: 'b"); drop table x; --' });
  expect(await readTable(sql, db.name, 'x')).not.toBeNull();
  // A hostile table name is quoted the same way.
  await db.query(`CREATE TABLE ${db.name}."t""; drop table x; --" (id int)`);
  await apply({ op: 'add-column', column: 'c', type: 'int', nullable: true }, {}, 't"; drop table x; --');
  expect((await columns('t"; drop table x; --'))?.map((c) => c[0])).toEqual(['id', 'c']);
  expect(await readTable(sql, db.name, 'x')).not.toBeNull();
});

test('refuses, before anything runs, what cannot be right', async () => {
  const refused = (change: DdlChange) => planChange(sql, { schema: db.name, table: 'orders' }, change).then(() => 'planned', (e: Error) => `${e instanceof ChangeRefusedError ? 'refused' : 'other'}: ${e.message}`);
  expect(await refused({ op: 'add-column', column: 'amount', type: 'text', nullable: true })).toBe(`refused: "${db.name}"."orders" already has a column "amount"; pick another name, or use "Update column" to change it.`);
  expect(await refused({ op: 'remove-column', column: 'nope' })).toBe(`refused: "${db.name}"."orders" has no column "nope"; its columns are id, amount, note, placed_at.`);
  expect(await refused({ op: 'add-column', column: 'c', type: 'text; drop table x', nullable: true })).toMatch(/^refused: "text; drop table x" is not a column type/);
  expect(await refused({ op: 'add-column', column: 'c', type: 'strnig', nullable: true })).toBe('refused: PostgreSQL has no type "strnig" in this database; check the spelling, or create the type first.');
  expect(await refused({ op: 'add-column', column: 'c'.repeat(64), type: 'text', nullable: true })).toMatch(/is 64 bytes long; PostgreSQL would cut it to 63 bytes/);
  expect(await refused({ op: 'update-column', column: 'amount', type: 'int', using: 'amount::int), DROP COLUMN note, ALTER COLUMN amount TYPE int USING (1' })).toMatch(/^refused: The USING expression closes a parenthesis it did not open/);
  expect(await refused({ op: 'update-column', column: 'amount', type: 'int', using: 'amount::int; drop table x' })).toMatch(/contains a semicolon/);
  expect(await refused({ op: 'update-column', column: 'amount', type: 'int', using: "E'\\'' || amount" })).toMatch(/uses an escape string/);
  expect(await refused({ op: 'update-column', column: 'amount' })).toMatch(/^refused: Nothing to change/);
  expect(await refused({ op: 'duplicate-table', targetSchema: 'no_such_schema_here', targetTable: 't', withData: false })).toBe('refused: The schema "no_such_schema_here" does not exist in this database; create it first or pick another.');
  expect(await planChange(sql, { schema: db.name, table: 'gone' }, { op: 'remove-column', column: 'a' }).catch((e: Error) => e.message)).toBe(`The table "${db.name}"."gone" does not exist (any more) in this database; refresh the catalog.`);
});

test('a change waiting for a lock gives up after the lock timeout, with nothing changed', async () => {
  const { Client } = await import('pg');
  const { TEST_DATABASE_URL } = await import('../testing/test-database');
  const holder = new Client({ connectionString: TEST_DATABASE_URL });
  await holder.connect();
  try {
    await holder.query('BEGIN');
    await holder.query(`LOCK TABLE ${db.name}.orders IN ACCESS SHARE MODE`);
    const error = (await apply({ op: 'add-column', column: 'c', type: 'int', nullable: true }, { lockTimeoutMs: 50 }).catch((e: unknown) => e)) as ChangeFailedError;
    expect(error.code).toBe('55P03');
    expect(error.message).toContain('another session held its lock for longer than the lock timeout (50 ms)');
    await holder.query('ROLLBACK');
    expect((await columns())?.map((c) => c[0])).not.toContain('c');
  } finally {
    await holder.end();
  }
});
