import type { ReactElement } from 'react';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { usePluginRegistry } from '../../plugins/plugin-registry';

const SLOTS = ['home.widgets', 'entity.cards', 'entity.tabs', 'catalog.columns', 'nav.items', 'pages', 'form.fields'];

/** Each slot the shell renders (plus any other slot a plugin targets) and the widgets filling it. */
export function SlotsAdmin(): ReactElement {
  const { widgets } = usePluginRegistry();
  const slots = [...new Set([...SLOTS, ...widgets.map((widget) => widget.slot)])];
  return (
    <Box component="dl" sx={{ m: 0 }}>
      {slots.map((slot) => {
        const filling = widgets.filter((widget) => widget.slot === slot).sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
        return (
          <Box key={slot} sx={{ mb: 2 }} data-slot-admin={slot}>
            <Typography component="dt" variant="subtitle1" sx={{ fontFamily: 'monospace' }}>
              {slot}
            </Typography>
            <Box component="dd" sx={{ m: 0, pl: 2 }}>
              {filling.length === 0 ? (
                <Typography color="text.secondary">empty</Typography>
              ) : (
                <ul>
                  {filling.map((widget) => (
                    <li key={`${widget.pluginId}:${widget.id}`}>
                      {widget.title} <Typography component="span" variant="caption" color="text.secondary">({widget.pluginId} · {widget.id}{widget.condition ? ` · when ${JSON.stringify(widget.condition)}` : ''}{widget.order !== undefined ? ` · order ${widget.order}` : ''})</Typography>
                    </li>
                  ))}
                </ul>
              )}
            </Box>
          </Box>
        );
      })}
    </Box>
  );
}
