import type { ReactElement } from 'react';
import Chip from '@mui/material/Chip';
import Tooltip from '@mui/material/Tooltip';
import { useAccess } from '../access/access-provider';

/** On every page while the caller is the dev-mode guest, so nobody mistakes a demo for a signed-in portal. */
export function GuestBadge(): ReactElement | null {
  const { isGuest } = useAccess();
  if (!isGuest) return null;
  return (
    <Tooltip title="Requests without a sign-in act as the guest, which auth.guest in portico.config.yaml enables. Turn it off outside development.">
      <Chip label="Guest (dev mode)" color="warning" size="small" role="status" data-testid="guest-badge" sx={{ fontWeight: 600 }} />
    </Tooltip>
  );
}
