import type { ReactElement } from 'react';
import Box from '@mui/material/Box';
import type { Entity, SlotId } from '@portico/plugin-api';
import { CardGrid } from '@portico/ui-api';
import { SlotWidget } from './slot-widget';
import { useSlotWidgets } from './use-slot-widgets';

/** A grid of the widgets in a card slot (`home.widgets`, `entity.cards`); a lone widget spans the row. */
export function CardSlot({ slot, entity }: { slot: SlotId; entity?: Entity }): ReactElement | null {
  const widgets = useSlotWidgets(slot, entity);
  if (widgets.length === 0) return null;
  return (
    <CardGrid data-slot={slot}>
      {widgets.map((widget) => (
        <Box key={`${widget.pluginId}:${widget.id}`} data-widget={widget.id}>
          <SlotWidget widget={widget} entity={entity} />
        </Box>
      ))}
    </CardGrid>
  );
}
