import { RE2JS } from 're2js';

/** Why a pattern cannot run on the linear-time engine, or null when it can. */
export function linearPatternProblem(pattern: string): string | null {
  try {
    RE2JS.compile(RE2JS.translateRegExp(pattern));
    return null;
  } catch (error) {
    return (error as Error).message.replace(/^error parsing regexp: /, '');
  }
}

/**
 * ajv's `code.regExp` engine: RE2 (re2js), whose matching time is linear in the input, so a
 * caller-supplied pattern such as `^(a+)+$` cannot freeze the event loop. Patterns RE2 cannot
 * compile (backreferences, lookaround) throw; `SchemaValidator.checkSchema` reports them first.
 */
export function linearRegExp(pattern: string, flags = ''): { test(value: string): boolean; toString(): string } {
  const compiled = RE2JS.compile(RE2JS.translateRegExp(pattern));
  // ajv shares compiled patterns by this string, so it must name the pattern.
  return { test: (value: string) => compiled.test(value), toString: () => `/${pattern}/${flags}` };
}
linearRegExp.code = 'require("re2js").RE2JS';
