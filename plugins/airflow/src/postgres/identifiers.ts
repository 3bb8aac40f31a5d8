import { escapeIdentifier, escapeLiteral } from 'pg';

/** PostgreSQL keeps the first 63 bytes of a name and silently drops the rest (NAMEDATALEN - 1). */
const MAX_NAME_BYTES = 63;

/** Why `name` cannot be a PostgreSQL identifier, or null when it can (any text is fine once quoted). */
export function identifierProblem(name: string): string | null {
  if (name.length === 0) return 'is empty';
  if (name.includes('\u0000')) return 'contains a NUL character, which PostgreSQL names cannot hold';
  const bytes = Buffer.byteLength(name, 'utf8');
  if (bytes > MAX_NAME_BYTES) return `is ${bytes} bytes long; PostgreSQL would cut it to ${MAX_NAME_BYTES} bytes, so pick a shorter name`;
  return null;
}

/** `name` as a quoted identifier: `a"b` becomes `"a""b"`, so no name can end the identifier early. */
export function quoteIdentifier(name: string): string {
  const problem = identifierProblem(name);
  if (problem) throw new Error(`The name ${JSON.stringify(name)} ${problem}.`);
  return escapeIdentifier(name);
}

/** `"schema"."table"`. */
export function qualifiedName(schema: string, table: string): string {
  return `${quoteIdentifier(schema)}.${quoteIdentifier(table)}`;
}

/** A literal value (a column default): `it's` becomes `'it''s'`, PostgreSQL converts it to the column's type. */
export function quoteLiteral(value: string): string {
  return escapeLiteral(value);
}
