import type { ReactElement } from 'react';
import Chip from '@mui/material/Chip';
import Tooltip from '@mui/material/Tooltip';
import { useCompactLayout } from '@portico/ui-api';
import { useAccess } from '../access/access-provider';

/** On every page while the caller is the dev-mode guest, so nobody mistakes a demo for a signed-in portal. */
export function GuestBadge(): ReactElement | null {
  const { isGuest } = useAccess();
  // On a phone the short label leaves room for the portal's title; the full one is still its name.
  const compact = useCompactLayout();
  if (!isGuest) return null;
  return (
    <Tooltip title="Requests without a sign-in act as the guest, which auth.guest in portico.config.yaml enables. Turn it off outside development.">
      <Chip label={compact ? 'Guest' : 'Guest (dev mode)'} aria-label="Guest (dev mode)" color="warning" size="small" role="status" data-testid="guest-badge" sx={{ fontWeight: 600 }} />
    </Tooltip>
  );
}
