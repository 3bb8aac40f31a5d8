import { useId, useState, type ReactElement } from 'react';
import Button from '@mui/material/Button';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import ListItemText from '@mui/material/ListItemText';
import type { ActionDefinition, EntityRef } from '@portico/plugin-api';
import { navigate, useApi } from '@portico/ui-api';

/** The actions offered for this entity (the server applies each action's kind and condition). */
export function ActionsMenu({ entity }: { entity: EntityRef }): ReactElement {
  const ref = `${entity.kind}:${entity.id}`;
  const { data, error } = useApi<{ items: Array<ActionDefinition & { allowed?: boolean }> }>(`/actions?kind=${encodeURIComponent(entity.kind)}&entity=${encodeURIComponent(ref)}`);
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const menuId = useId();
  const actions = data?.items ?? [];
  return (
    <>
      <Button variant="contained" aria-haspopup="menu" aria-controls={anchor ? menuId : undefined} aria-expanded={anchor ? 'true' : undefined} onClick={(event) => setAnchor(event.currentTarget)} disabled={!data && !error}>
        Actions{actions.length > 0 ? ` (${actions.length})` : ''}
      </Button>
      <Menu id={menuId} anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)} slotProps={{ list: { 'aria-label': `Actions for ${entity.id}` }, paper: { sx: { maxWidth: 'min(480px, calc(100vw - 32px))' } } }}>
        {error && <MenuItem disabled>{error.message}</MenuItem>}
        {!error && actions.length === 0 && <MenuItem disabled>No actions for this entity</MenuItem>}
        {actions.map((action) => (
          <MenuItem
            key={action.id}
            sx={{ whiteSpace: 'normal' }}
            disabled={action.allowed === false}
            onClick={() => {
              setAnchor(null);
              navigate(`/self-service/${encodeURIComponent(action.id)}?entity=${encodeURIComponent(ref)}`);
            }}
          >
            <ListItemText primary={action.title} secondary={action.allowed === false ? `Needs the permission "${action.permission}"` : action.description} />
          </MenuItem>
        ))}
      </Menu>
    </>
  );
}
