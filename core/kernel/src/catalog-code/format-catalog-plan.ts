import type { CatalogPlan, FieldChange } from '@portico/catalog';

const SIGNS: Record<string, string> = { create: '+', update: '~', delete: '-', refused: '!', unchanged: ' ' };

function show(value: unknown): string {
  if (value === undefined) return '(none)';
  const text = JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

function change(c: FieldChange): string {
  if (c.before === undefined) return `      + ${c.field}: ${show(c.after)}`;
  if (c.after === undefined) return `      - ${c.field}: ${show(c.before)}`;
  return `      ~ ${c.field}: ${show(c.before)} → ${show(c.after)}`;
}

/** The plan as `terraform plan` shows one: + create, ~ update with each field's change, - delete, ! refused with why. Unchanged entries are counted, not listed. */
export function formatCatalogPlan(plan: CatalogPlan): string[] {
  const lines: string[] = [];
  for (const kind of plan.kinds) {
    if (kind.action === 'unchanged') continue;
    lines.push(`  ${SIGNS[kind.action]} kind ${kind.id}  (${kind.file})${kind.detail ? `: ${kind.detail}` : ''}`, ...(kind.changes ?? []).map(change));
  }
  for (const entity of plan.entities) {
    if (entity.action === 'unchanged') continue;
    lines.push(`  ${SIGNS[entity.action]} ${entity.kind}/${entity.id}  (${entity.file})${entity.detail ? `: ${entity.detail}` : ''}`, ...(entity.changes ?? []).map(change));
  }
  const c = plan.counts;
  const verb = plan.applied ? ['created', 'updated', 'deleted'] : ['to create', 'to update', 'to delete'];
  lines.push(`${plan.applied ? 'Applied' : 'Plan'}: ${c.create} ${verb[0]}, ${c.update} ${verb[1]}, ${c.delete} ${verb[2]}, ${c.unchanged} unchanged, ${c.refused} refused (kinds and entities of ${plan.root}).`);
  return lines;
}
