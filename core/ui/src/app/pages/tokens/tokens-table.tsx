import { useState, type ReactElement } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { apiFetch } from '@portico/ui-api';
import { relativeTime } from '../../format/relative-time';
import type { ApiToken } from './api-token';

/** A person's tokens, each with a Revoke button that asks first. */
export function TokensTable({ tokens, onRevoked }: { tokens: ApiToken[]; onRevoked(): void }): ReactElement {
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const [error, setError] = useState<string | null>(null);
  const revoke = async (token: ApiToken): Promise<void> => {
    setError(null);
    try {
      await apiFetch(`/tokens/${encodeURIComponent(token.id)}`, { method: 'DELETE' });
      setRevoking(null);
      onRevoked();
    } catch (caught) {
      setError((caught as Error).message);
    }
  };
  if (tokens.length === 0) return <Alert severity="info">You have no API tokens.</Alert>;
  return (
    <>
      <Table size="small" aria-label="Your tokens">
        <TableHead>
          <TableRow>
            <TableCell>Name</TableCell>
            <TableCell>Id</TableCell>
            <TableCell>Scopes</TableCell>
            <TableCell>Created</TableCell>
            <TableCell>Expires</TableCell>
            <TableCell>Last used</TableCell>
            <TableCell />
          </TableRow>
        </TableHead>
        <TableBody>
          {tokens.map((token) => (
            <TableRow key={token.id} data-token={token.id}>
              <TableCell>{token.name}</TableCell>
              <TableCell>
                <code>{token.id}</code>
              </TableCell>
              <TableCell>
                <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
                  {token.scopes.map((scope) => (
                    <Chip key={scope} size="small" variant="outlined" label={scope} />
                  ))}
                </Stack>
              </TableCell>
              <TableCell title={token.createdAt}>{relativeTime(token.createdAt)}</TableCell>
              <TableCell title={token.expiresAt}>{token.expired ? <Chip size="small" color="warning" label="expired" /> : relativeTime(token.expiresAt)}</TableCell>
              <TableCell title={token.lastUsedAt ?? undefined}>{token.lastUsedAt ? relativeTime(token.lastUsedAt) : 'never'}</TableCell>
              <TableCell>
                <Button size="small" color="error" onClick={() => setRevoking(token)} aria-label={`Revoke ${token.name}`}>
                  Revoke
                </Button>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Dialog open={revoking !== null} onClose={() => setRevoking(null)}>
        <DialogTitle>Revoke “{revoking?.name}”?</DialogTitle>
        <DialogContent>
          Anything still using it is refused from now on (401). This cannot be undone: make a new token if you need one again.
          {error && <Alert severity="error" sx={{ mt: 2 }}>{error}</Alert>}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setRevoking(null)}>Keep it</Button>
          <Button color="error" variant="contained" onClick={() => revoking && void revoke(revoking)}>
            Revoke
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
