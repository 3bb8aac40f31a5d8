import { useState, type ReactElement } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormLabel from '@mui/material/FormLabel';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { apiFetch } from '@portico/ui-api';
import { TEAMS_SCOPE, type ApiToken } from './api-token';

const LIFETIMES = [1, 7, 30, 90, 180, 365];

/** Name, scopes (only permissions the person holds, plus their teams) and lifetime of a new token. */
export function NewTokenForm({ permissions, limits, onCreated }: { permissions: string[]; limits: { maxDays: number; defaultDays: number }; onCreated(created: { token: ApiToken; value: string }): void }): ReactElement {
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<string[]>([]);
  const [days, setDays] = useState(limits.defaultDays);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const lifetimes = [...new Set([...LIFETIMES.filter((d) => d <= limits.maxDays), limits.defaultDays, limits.maxDays])].sort((a, b) => a - b);
  const choices = [...permissions, TEAMS_SCOPE];

  const create = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      const created = await apiFetch<{ token: ApiToken; value: string }>('/tokens', { method: 'POST', body: { name: name.trim(), scopes, expiresInDays: days } });
      setName('');
      setScopes([]);
      onCreated(created);
    } catch (caught) {
      setError((caught as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack component="form" spacing={2} aria-label="New token" onSubmit={(event) => { event.preventDefault(); void create(); }}>
      <TextField label="Name" size="small" value={name} onChange={(event) => setName(event.target.value)} helperText="What it is for, e.g. CI deploys of cart-service" required slotProps={{ htmlInput: { maxLength: 100 } }} />
      <FormGroup role="group" aria-label="Scopes">
        <FormLabel component="legend">Scopes: what the token may do (never more than you may, now or later)</FormLabel>
        {choices.map((scope) => (
          <FormControlLabel
            key={scope}
            label={scope === TEAMS_SCOPE ? `${TEAMS_SCOPE} (acts as a member of your teams: edits what they own)` : scope}
            control={<Checkbox name={scope} checked={scopes.includes(scope)} onChange={(event) => setScopes(event.target.checked ? [...scopes, scope] : scopes.filter((s) => s !== scope))} />}
          />
        ))}
      </FormGroup>
      <TextField select label="Expires after" size="small" value={days} onChange={(event) => setDays(Number(event.target.value))} helperText={`At most ${limits.maxDays} days on this portal`} sx={{ maxWidth: 240 }}>
        {lifetimes.map((d) => (
          <MenuItem key={d} value={d}>
            {d === 1 ? '1 day' : `${d} days`}
          </MenuItem>
        ))}
      </TextField>
      {error && <Alert severity="error">{error}</Alert>}
      <div>
        <Button type="submit" variant="contained" disabled={busy || !name.trim() || scopes.length === 0}>
          Create token
        </Button>
      </div>
    </Stack>
  );
}
