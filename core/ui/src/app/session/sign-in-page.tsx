import type { ReactElement } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { signInHref } from './sign-in-href';

/** What a browser sees when nobody is signed in and the portal has no guest. */
export function SignInPage({ signInUrl, ended }: { signInUrl: string | null; ended: boolean }): ReactElement {
  return (
    <Stack component="main" sx={{ minHeight: '100vh', alignItems: 'center', justifyContent: 'center', p: 3 }}>
      <Paper variant="outlined" sx={{ p: 4, maxWidth: 480, width: '100%' }}>
        <Stack spacing={2}>
          <Typography variant="h4" component="h1">
            {document.title || 'Portico'}
          </Typography>
          {ended && <Alert severity="info">Your session has ended. Sign in again to continue.</Alert>}
          {signInUrl ? (
            <>
              <Typography>Sign in with your organisation&apos;s account to use the portal.</Typography>
              <Button variant="contained" size="large" href={signInHref(signInUrl)}>
                Sign in
              </Button>
            </>
          ) : (
            <Alert severity="warning">
              This portal has no sign-in configured and no guest, so nobody can use it from a browser. An admin configures sign-in under auth.oidc in
              portico.config.yaml (or, for development only, auth.guest). Scripts use an API token.
            </Alert>
          )}
        </Stack>
      </Paper>
    </Stack>
  );
}
