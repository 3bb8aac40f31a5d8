import type { JsonSchema } from '@portico/plugin-api';

/**
 * A GitHub Actions secret or variable name: letters, digits and _, not starting with a digit
 * nor with GITHUB_ (GitHub reserves it). Written without a lookahead, since kind and input
 * schemas run their patterns on a linear-time (RE2) engine that has none.
 */
export const VARIABLE_NAME_SCHEMA: JsonSchema = {
  type: 'string',
  title: 'Name',
  description: 'Letters, digits and _; may not start with GITHUB_.',
  pattern: '^[A-Za-z_][A-Za-z0-9_]*$',
  not: { pattern: '^GITHUB_' },
  maxLength: 100,
};
