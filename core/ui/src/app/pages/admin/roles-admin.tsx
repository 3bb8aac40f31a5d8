import { useState, type ReactElement } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Chip from '@mui/material/Chip';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormLabel from '@mui/material/FormLabel';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { PERMISSIONS } from '@portico/plugin-api';
import { apiFetch, InfoCard, useApi } from '@portico/ui-api';
import { useAccess } from '../../access/access-provider';

interface Role {
  id: string;
  description?: string;
  permissions: string[];
}

interface Assignment {
  subject: string;
  roles: string[];
  source: 'config' | 'api';
}

function Chips({ items }: { items: string[] }): ReactElement {
  return (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
      {items.map((item) => (
        <Chip key={item} size="small" label={item} variant="outlined" />
      ))}
    </Stack>
  );
}

/** Gives a user, team or token roles through the API (replacing the ones given there before). */
function AssignForm({ roles, subject, onSubject, chosen, onChosen, onSaved }: { roles: Role[]; subject: string; onSubject(value: string): void; chosen: string[]; onChosen(value: string[]): void; onSaved(): void }): ReactElement {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const save = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await apiFetch(`/access/assignments/${encodeURIComponent(subject.trim())}`, { method: 'PUT', body: { roles: chosen } });
      onSaved();
    } catch (caught) {
      setError((caught as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack component="form" spacing={2} aria-label="Give roles" onSubmit={(event) => { event.preventDefault(); void save(); }}>
      <TextField label="Subject" size="small" value={subject} onChange={(event) => onSubject(event.target.value)} helperText="user:<id>, team:<id> or token:<name>" required />
      <FormGroup role="group" aria-label="Roles to give">
        <FormLabel component="legend">Roles</FormLabel>
        {roles.map((role) => (
          <FormControlLabel
            key={role.id}
            label={role.id}
            control={<Checkbox checked={chosen.includes(role.id)} onChange={(event) => onChosen(event.target.checked ? [...chosen, role.id] : chosen.filter((id) => id !== role.id))} />}
          />
        ))}
      </FormGroup>
      {error && <Alert severity="error" role="alert">{error}</Alert>}
      <div>
        <Button type="submit" variant="contained" disabled={busy || !subject.trim() || chosen.length === 0}>
          Give roles
        </Button>
      </div>
    </Stack>
  );
}

/** The roles and what each grants, who holds them (the config's read-only), and forms to change the API's assignments. */
export default function RolesAdmin(): ReactElement {
  const access = useAccess();
  const admin = access.can(PERMISSIONS.admin);
  const roles = useApi<{ items: Role[] }>('/access/roles');
  const assignments = useApi<{ items: Assignment[] }>(admin ? '/access/assignments' : null);
  const [subject, setSubject] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  if (access.loading) return <span aria-busy="true" />;
  if (!admin) return <Alert severity="info">{access.refusal('Managing roles', PERMISSIONS.admin)}</Alert>;

  const remove = async (target: string): Promise<void> => {
    setError(null);
    try {
      await apiFetch(`/access/assignments/${encodeURIComponent(target)}`, { method: 'DELETE' });
      assignments.reload();
    } catch (caught) {
      setError((caught as Error).message);
    }
  };

  return (
    <Stack spacing={2}>
      <InfoCard title="Roles">
        {roles.error && <Alert severity="error">{roles.error.message}</Alert>}
        <Table size="small" aria-label="Roles">
          <TableHead>
            <TableRow>
              <TableCell>Role</TableCell>
              <TableCell>What it is for</TableCell>
              <TableCell>Grants</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {(roles.data?.items ?? []).map((role) => (
              <TableRow key={role.id} data-role={role.id}>
                <TableCell>{role.id}</TableCell>
                <TableCell>{role.description}</TableCell>
                <TableCell>
                  <Chips items={role.permissions} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          Members of an entity&apos;s owning team may always change it and run its day-2 actions, whatever their roles.
        </Typography>
      </InfoCard>
      <InfoCard title="Assignments">
        {(assignments.error || error) && <Alert severity="error" role="alert">{error ?? assignments.error?.message}</Alert>}
        <Table size="small" aria-label="Role assignments">
          <TableHead>
            <TableRow>
              <TableCell>Subject</TableCell>
              <TableCell>Roles</TableCell>
              <TableCell>From</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {(assignments.data?.items ?? []).map((assignment) => (
              <TableRow key={`${assignment.source}:${assignment.subject}`} data-subject={assignment.subject} data-source={assignment.source}>
                <TableCell>{assignment.subject}</TableCell>
                <TableCell>
                  <Chips items={assignment.roles} />
                </TableCell>
                <TableCell>{assignment.source === 'config' ? 'portico.config.yaml (read-only: change the config)' : 'this page or the API'}</TableCell>
                <TableCell>
                  {assignment.source === 'api' && (
                    <Stack direction="row" spacing={1}>
                      <Button size="small" onClick={() => { setSubject(assignment.subject); setChosen(assignment.roles); }}>
                        Change
                      </Button>
                      <Button size="small" color="error" aria-label={`Remove the roles given to ${assignment.subject}`} onClick={() => void remove(assignment.subject)}>
                        Remove
                      </Button>
                    </Stack>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </InfoCard>
      <InfoCard title="Give roles">
        <AssignForm
          roles={roles.data?.items ?? []}
          subject={subject}
          onSubject={setSubject}
          chosen={chosen}
          onChosen={setChosen}
          onSaved={() => {
            setSubject('');
            setChosen([]);
            assignments.reload();
          }}
        />
      </InfoCard>
    </Stack>
  );
}
