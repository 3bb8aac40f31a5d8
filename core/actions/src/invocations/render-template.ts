const WHOLE = /^\{\{\s*([A-Za-z0-9_.$-]+)\s*\}\}$/;
const PART = /\{\{\s*([A-Za-z0-9_.$-]+)\s*\}\}/g;

function lookup(scope: Record<string, unknown>, path: string): unknown {
  let value: unknown = scope;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object' || !Object.prototype.hasOwnProperty.call(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/**
 * Fills `{{path}}` placeholders in a JSON template. A string that is one placeholder takes
 * the value itself (numbers and objects keep their type); inside longer strings values are
 * written as text. Only own properties are followed, so a template cannot reach prototypes.
 */
export function renderTemplate(template: unknown, scope: Record<string, unknown>): unknown {
  if (typeof template === 'string') {
    const whole = WHOLE.exec(template);
    if (whole) return lookup(scope, whole[1]) ?? null;
    return template.replace(PART, (_m, path: string) => {
      const value = lookup(scope, path);
      if (value === undefined || value === null) return '';
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
    });
  }
  if (Array.isArray(template)) return template.map((item) => renderTemplate(item, scope));
  if (template && typeof template === 'object') {
    return Object.fromEntries(Object.entries(template).map(([k, v]) => [k, renderTemplate(v, scope)]));
  }
  return template;
}
