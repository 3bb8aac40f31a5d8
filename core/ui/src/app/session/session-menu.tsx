import { useState, type ReactElement } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { apiFetch } from '@portico/ui-api';
import { visuallyHidden } from '../layout/visually-hidden';
import { useSession } from './session-provider';
import { signInHref } from './sign-in-href';

/**
 * Who is signed in, in the app bar on every page: the person's name and teams with Sign out,
 * or Sign in for the dev guest when the portal offers sign-in (the guest's own label is GuestBadge).
 */
export function SessionMenu(): ReactElement | null {
  const { identity, signInUrl } = useSession();
  const [leaving, setLeaving] = useState(false);
  if (!identity) return null;
  if (identity.isGuest) {
    return signInUrl ? (
      <Button color="inherit" variant="outlined" href={signInHref(signInUrl)}>
        Sign in
      </Button>
    ) : null;
  }
  const teams = identity.teams.length > 0 ? identity.teams.join(', ') : 'no team';
  const signOut = async (): Promise<void> => {
    setLeaving(true);
    try {
      await apiFetch('/auth/logout', { method: 'POST' });
    } finally {
      window.location.assign('/');
    }
  };
  return (
    <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center' }} data-testid="signed-in-as">
      <Tooltip title={`${identity.id} · roles: ${(identity.roles ?? []).join(', ') || 'none'}`}>
        {/* A phone's app bar has room for Sign out, not for the name and teams. */}
        <Stack sx={{ textAlign: 'right', lineHeight: 1.1, display: { xs: 'none', sm: 'flex' } }}>
          <Typography variant="body2" component="span" sx={{ fontWeight: 600 }}>
            {identity.displayName}
          </Typography>
          <Typography variant="caption" component="span">
            <Box component="span" sx={visuallyHidden}>
              Your teams:{' '}
            </Box>
            {teams}
          </Typography>
        </Stack>
      </Tooltip>
      {identity.via === 'session' && (
        <Button color="inherit" variant="outlined" size="small" onClick={() => void signOut()} disabled={leaving}>
          Sign out
        </Button>
      )}
    </Stack>
  );
}
