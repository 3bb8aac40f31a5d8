/**
 * A column type as people write it: a type name of one or more words, an optional modifier
 * (`varchar(80)`, `numeric(10, 2)`, `timestamp(3) with time zone`) and array brackets. Nothing
 * else is accepted, so a type can never carry other SQL; whether PostgreSQL knows the type is
 * checked against the database itself (`to_regtype`) before any statement runs.
 */
const TYPE_PATTERN = /^[a-z_][a-z0-9_]*(?: [a-z_][a-z0-9_]*)*(?: ?\(\s*\d{1,4}\s*(?:,\s*\d{1,4}\s*)?\))?(?: (?:with|without) time zone)?(?:\[\])*$/;

/** The type normalised (lower case, single spaces), or an explanation of why it is not one. */
export function parseColumnType(input: string): { type: string } | { problem: string } {
  const type = input.trim().replace(/\s+/g, ' ').toLowerCase();
  if (!TYPE_PATTERN.test(type)) {
    return { problem: `"${input}" is not a column type: write a PostgreSQL type name such as text, integer, bigint, numeric(12,2), varchar(80), timestamptz, jsonb or uuid[]` };
  }
  return { type };
}
