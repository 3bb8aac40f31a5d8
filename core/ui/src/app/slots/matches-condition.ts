import type { Entity, WidgetCondition } from '@portico/plugin-api';

/** Whether a widget with this condition shows for this entity (no condition: always). */
export function matchesCondition(condition: WidgetCondition | undefined, entity: Entity | undefined): boolean {
  if (!condition) return true;
  if (condition.kind !== undefined) {
    const kinds = Array.isArray(condition.kind) ? condition.kind : [condition.kind];
    if (!entity || !kinds.includes(entity.kind)) return false;
  }
  if (condition.property) {
    if (!entity) return false;
    const actual = entity.properties[condition.property.name];
    if (JSON.stringify(actual) !== JSON.stringify(condition.property.equals)) return false;
  }
  return true;
}
