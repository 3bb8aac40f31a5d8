/** A `{{path}}` in a runbook step that names nothing in its context. */
export class TemplateError extends Error {}

const WHOLE = /^\{\{\s*([A-Za-z0-9_.$-]+)\s*\}\}$/;
const PART = /\{\{\s*([A-Za-z0-9_.$-]+)\s*\}\}/g;

function lookup(context: Record<string, unknown>, path: string, where: string): unknown {
  let value: unknown = context;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object' || !Object.prototype.hasOwnProperty.call(value, key)) {
      throw new TemplateError(`${where} uses {{${path}}}, which names nothing; known at the top: ${Object.keys(context).join(', ')}.`);
    }
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/**
 * Fills `{{path}}`s in strings, at any depth, from `context`. A string that is one `{{path}}`
 * takes the value itself (a number stays a number); inside text, values are written as text.
 */
export function renderTemplate(template: unknown, context: Record<string, unknown>, where: string): unknown {
  if (typeof template === 'string') {
    const whole = WHOLE.exec(template);
    if (whole) return lookup(context, whole[1], where);
    return template.replace(PART, (_match, path: string) => {
      const value = lookup(context, path, where);
      return value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
    });
  }
  if (Array.isArray(template)) return template.map((item, i) => renderTemplate(item, context, `${where}[${i}]`));
  if (template && typeof template === 'object') {
    return Object.fromEntries(Object.entries(template).map(([key, value]) => [key, renderTemplate(value, context, `${where}.${key}`)]));
  }
  return template;
}
