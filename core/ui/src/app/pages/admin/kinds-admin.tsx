import { useEffect, useRef, useState, type ReactElement } from 'react';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { apiFetch, ApiError, navigate } from '@portico/ui-api';
import { useKinds } from '../../kinds/kinds-provider';
import { checkKindDraft, NEW_KIND_TEMPLATE } from './kind-draft';

/** View and edit kinds as JSON, with the editor's and the server's problems listed beside it. */
export function KindsAdmin({ kindId }: { kindId?: string }): ReactElement {
  const { kinds, byId, reload } = useKinds();
  const creating = kindId === 'new';
  const kind = kindId && !creating ? byId.get(kindId) : undefined;
  const [text, setText] = useState('');
  const [serverError, setServerError] = useState<ApiError | Error | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  // Load the editor once per kind shown (not on every reload of the kinds list, which would
  // throw away the user's edits and the "saved" note).
  const loadedFor = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (loadedFor.current === kindId || (!creating && !kind)) return;
    loadedFor.current = kindId;
    setText(creating ? NEW_KIND_TEMPLATE : JSON.stringify(kind, null, 2));
    setServerError(null);
  }, [creating, kind, kindId]);
  const check = checkKindDraft(text);
  const save = async (): Promise<void> => {
    if (!check.kind) return;
    setSaving(true);
    setServerError(null);
    setSaved(null);
    try {
      if (creating) await apiFetch('/kinds', { method: 'POST', body: check.kind });
      else await apiFetch(`/kinds/${encodeURIComponent(kindId!)}`, { method: 'PUT', body: check.kind });
      setSaved(`Kind "${check.kind.id}" saved.`);
      reload();
      if (creating) {
        loadedFor.current = check.kind.id;
        navigate(`/admin/kinds/${encodeURIComponent(check.kind.id)}`, { replace: true });
      }
    } catch (caught) {
      setServerError(caught as Error);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Box sx={{ display: 'flex', gap: 2, alignItems: 'flex-start' }}>
      <Paper variant="outlined" sx={{ width: 220, flexShrink: 0 }}>
        <Box sx={{ p: 1 }}>
          <Button fullWidth variant="contained" onClick={() => navigate('/admin/kinds/new')}>
            New kind
          </Button>
        </Box>
        <List dense aria-label="Kinds to edit">
          {kinds.map((item) => (
            <ListItem key={item.id} disablePadding>
              <ListItemButton selected={item.id === kindId} onClick={() => navigate(`/admin/kinds/${encodeURIComponent(item.id)}`)}>
                <ListItemText primary={item.title} secondary={item.id} />
              </ListItemButton>
            </ListItem>
          ))}
        </List>
      </Paper>
      {(creating || kind) && (
        <Stack spacing={2} sx={{ flexGrow: 1, minWidth: 0 }}>
          <TextField
            label={creating ? 'New kind (JSON)' : `Kind ${kindId} (JSON)`}
            multiline
            minRows={16}
            maxRows={32}
            value={text}
            onChange={(event) => {
              setText(event.target.value);
              setSaved(null);
            }}
            error={check.problems.length > 0}
            slotProps={{ htmlInput: { spellCheck: false, style: { fontFamily: 'ui-monospace, monospace', fontSize: 13 } } }}
          />
          {check.problems.length > 0 && (
            <Alert severity="warning" role="status" aria-label="Problems in the kind">
              <ul style={{ margin: 0, paddingLeft: 16 }}>
                {check.problems.map((problem) => (
                  <li key={problem}>{problem}</li>
                ))}
              </ul>
            </Alert>
          )}
          {serverError && (
            <Alert severity="error" role="alert">
              <AlertTitle>{serverError instanceof ApiError ? serverError.title : 'Not saved'}</AlertTitle>
              {serverError instanceof ApiError ? serverError.detail : serverError.message}
              {serverError instanceof ApiError && serverError.fieldProblems.length > 0 && (
                <ul style={{ margin: 0, paddingLeft: 16 }}>
                  {serverError.fieldProblems.map((problem) => (
                    <li key={`${problem.path}${problem.message}`}>{`${problem.path} ${problem.message}`}</li>
                  ))}
                </ul>
              )}
            </Alert>
          )}
          {saved && (
            <Alert severity="success" role="status">
              {saved}
            </Alert>
          )}
          <Box>
            <Button variant="contained" disabled={!check.kind || saving} onClick={() => void save()}>
              {creating ? 'Create kind' : 'Save kind'}
            </Button>
          </Box>
        </Stack>
      )}
    </Box>
  );
}
