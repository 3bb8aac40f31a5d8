import { useMemo } from 'react';
import type { Entity, SlotId } from '@portico/plugin-api';
import type { PlacedWidget } from '@portico/ui-api';
import { usePluginRegistry } from '../plugins/plugin-registry';
import { matchesCondition } from './matches-condition';

/** The widgets filling a slot for this entity, in their declared order. */
export function useSlotWidgets(slot: SlotId, entity?: Entity): PlacedWidget[] {
  const { widgets } = usePluginRegistry();
  return useMemo(
    () =>
      widgets
        .filter((widget) => widget.slot === slot && matchesCondition(widget.condition, entity))
        .sort((a, b) => (a.order ?? 0) - (b.order ?? 0) || a.id.localeCompare(b.id)),
    [widgets, slot, entity],
  );
}
