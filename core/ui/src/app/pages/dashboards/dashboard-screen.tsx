import { useEffect, useState, type ReactElement } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { DashboardWidget } from '@portico/plugin-api';
import { navigate, PageHeader, WrapRow } from '@portico/ui-api';
import { useAccess } from '../../access/access-provider';
import { AddWidgetMenu } from './add-widget-menu';
import { DashboardBoard } from './dashboard-board';
import { newWidget } from './new-widget';
import { dashboardPath, saveDashboard, setHomeDashboard, type DashboardView } from './save-dashboard';
import { WidgetEditor } from './widget-editor';

interface Draft {
  title: string;
  owner: string;
  widgets: DashboardWidget[];
}

/** What a new dashboard's first save says, kept for the page its URL opens after the save. */
let savedNew: { id: string; status: string } | null = null;

/**
 * A dashboard, to look at or to edit: the grid of widgets, and while editing its title, owner
 * (you or one of your teams), "Add widget", each widget's form with its preview, Save and Cancel.
 */
export function DashboardScreen({ initial, homeId, heading }: { initial: DashboardView | null; homeId?: string | null; heading?: string }): ReactElement {
  const { me } = useAccess();
  const [saved, setSaved] = useState<DashboardView | null>(initial);
  const [editing, setEditing] = useState(initial === null);
  const [draft, setDraft] = useState<Draft>(() => ({ title: initial?.title ?? 'New dashboard', owner: initial?.owner ?? me?.id ?? '', widgets: initial?.widgets ?? [] }));
  const [editingWidget, setEditingWidget] = useState<DashboardWidget | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [status, setStatus] = useState(() => (savedNew && savedNew.id === initial?.id ? savedNew.status : ''));
  useEffect(() => {
    if (savedNew?.id === initial?.id) savedNew = null;
  }, [initial?.id]);
  const [home, setHome] = useState(homeId ?? null);
  const owners = [...(me && me.kind === 'user' && !me.isGuest ? [me.id] : []), ...(me?.teams ?? []).map((team) => (team.startsWith('team:') ? team : `team:${team}`))];
  if (draft.owner && !owners.includes(draft.owner)) owners.push(draft.owner);
  const widgets = editing ? draft.widgets : (saved?.widgets ?? []);

  const apply = (widget: DashboardWidget): void => {
    setDraft((d) => ({ ...d, widgets: d.widgets.some((w) => w.id === widget.id) ? d.widgets.map((w) => (w.id === widget.id ? widget : w)) : [...d.widgets, widget] }));
    setEditingWidget(null);
  };
  const save = async (): Promise<void> => {
    setProblem(null);
    try {
      // Who "me" is may have arrived after the form opened.
      const result = await saveDashboard({ id: saved?.id, version: saved?.version, ...draft, owner: draft.owner || me?.id || '' });
      setSaved(result);
      setEditing(false);
      setStatus('Dashboard saved');
      if (!saved) {
        savedNew = { id: result.id, status: 'Dashboard saved' };
        navigate(dashboardPath(result.id), { replace: true });
      }
    } catch (error) {
      // The server's answer names each bad field (`/widgets/0/property ...`) and how to fix it.
      setProblem((error as Error).message);
    }
  };
  const share = async (): Promise<void> => {
    if (!saved) return;
    const url = new URL(dashboardPath(saved.id), window.location.origin).toString();
    await navigator.clipboard.writeText(url).then(
      () => setStatus(`Link copied: ${url}`),
      () => setStatus(`Share this link: ${url}`),
    );
  };
  const toggleHome = async (): Promise<void> => {
    if (!saved) return;
    const next = home === saved.id ? null : saved.id;
    await setHomeDashboard(next);
    setHome(next);
    setStatus(next ? 'Home shows this dashboard now' : 'Home shows the built-in page again');
  };

  const actions = editing ? (
    <>
      <AddWidgetMenu onAdd={(type, plugin) => setEditingWidget(newWidget(type, draft.widgets, undefined, plugin))} />
      <Button variant="contained" onClick={() => void save()}>
        Save
      </Button>
      {saved && (
        <Button
          onClick={() => {
            setDraft({ title: saved.title, owner: saved.owner, widgets: saved.widgets });
            setEditing(false);
            setProblem(null);
          }}
        >
          Cancel
        </Button>
      )}
    </>
  ) : (
    <>
      {saved?.editable && (
        <Button variant="outlined" onClick={() => setEditing(true)}>
          Edit
        </Button>
      )}
      <Button onClick={() => void share()}>Copy link</Button>
      {me && (
        <Button onClick={() => void toggleHome()} aria-pressed={home === saved?.id}>
          {home === saved?.id ? 'Shown on Home' : 'Show on Home'}
        </Button>
      )}
    </>
  );

  return (
    <Stack spacing={2}>
      <PageHeader title={heading ?? (editing ? draft.title || 'Untitled dashboard' : saved?.title)} actions={actions}>
        {!editing && saved && (
          <Typography variant="body2" color="text.secondary">
            {saved.owner.startsWith('team:') ? `Team dashboard of ${saved.owner.slice(5)}` : `Dashboard of ${saved.owner}`}
          </Typography>
        )}
      </PageHeader>
      {editing && (
        <WrapRow aria-label="Dashboard settings">
          <TextField label="Dashboard title" size="small" value={draft.title} onChange={(event) => setDraft((d) => ({ ...d, title: event.target.value }))} required />
          <TextField select label="Owner" size="small" value={draft.owner} onChange={(event) => setDraft((d) => ({ ...d, owner: event.target.value }))} sx={{ minWidth: 200 }}>
            {owners.map((owner) => (
              <MenuItem key={owner} value={owner}>
                {owner.startsWith('team:') ? `Team ${owner.slice(5)}` : `Me (${owner})`}
              </MenuItem>
            ))}
          </TextField>
        </WrapRow>
      )}
      <div role="status" aria-live="polite">
        {status && <Typography variant="body2">{status}</Typography>}
      </div>
      {problem && (
        <Alert severity="error" sx={{ whiteSpace: 'pre-line' }}>
          {problem}
        </Alert>
      )}
      {widgets.length === 0 && <Alert severity="info">{editing ? 'No widgets yet: add one with "Add widget".' : 'This dashboard has no widgets yet.'}</Alert>}
      <DashboardBoard
        widgets={widgets}
        editing={editing}
        actions={{ onEdit: setEditingWidget, onRemove: (widget) => setDraft((d) => ({ ...d, widgets: d.widgets.filter((w) => w.id !== widget.id) })) }}
        onLayoutChange={(layouts) => setDraft((d) => ({ ...d, widgets: d.widgets.map((w) => ({ ...w, layout: layouts.get(w.id) ?? w.layout })) }))}
      />
      {editingWidget && <WidgetEditor initial={editingWidget} onApply={apply} onClose={() => setEditingWidget(null)} />}
    </Stack>
  );
}
