import { useEffect, useRef, useState, type ReactElement } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import LinearProgress from '@mui/material/LinearProgress';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { Run } from '@portico/plugin-api';
import { apiFetch, EntityLink, InfoCard, isTerminalStatus, RunStatus, useRun } from '@portico/ui-api';
import { visuallyHidden } from '../../layout/visually-hidden';
import { RunControls } from './run-controls';
import { ParentRunLink, RunSteps } from './run-steps';
import { useRunLog } from './use-run-log';

function Json({ value }: { value: unknown }): ReactElement {
  return (
    <Box component="pre" sx={{ m: 0, fontSize: 13, whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
      {JSON.stringify(value, null, 2)}
    </Box>
  );
}

function Approval({ run, onDecided }: { run: Run; onDecided(): void }): ReactElement {
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const decide = async (decision: 'approve' | 'decline'): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await apiFetch(`/runs/${encodeURIComponent(run.id)}/approval`, { body: { decision, ...(comment ? { comment } : {}) } });
      onDecided();
    } catch (caught) {
      setError((caught as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Alert severity="warning" role="region" aria-label="Approval">
      <Stack spacing={1}>
        <span>This run waits for approval.</span>
        <TextField size="small" label="Comment" value={comment} onChange={(event) => setComment(event.target.value)} />
        <Stack direction="row" spacing={1}>
          <Button variant="contained" color="success" disabled={busy} onClick={() => void decide('approve')}>
            Approve
          </Button>
          <Button variant="outlined" color="error" disabled={busy} onClick={() => void decide('decline')}>
            Decline
          </Button>
        </Stack>
        {error && <span role="alert">{error}</span>}
      </Stack>
    </Alert>
  );
}

/** A run: status, inputs, outputs, links, affected entities, approvals and its live log. */
export function RunPage({ runId }: { runId: string }): ReactElement {
  const { data: run, error, reload } = useRun(runId, 800);
  const { lines, ended, connected } = useRunLog(runId);
  const logBox = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (logBox.current) logBox.current.scrollTop = logBox.current.scrollHeight;
  }, [lines.length]);
  // The log's end event is the earliest sign the run finished: refresh status right away.
  useEffect(() => {
    if (ended) reload();
  }, [ended, reload]);
  if (error && !run) return <Alert severity="error">{error.message}</Alert>;
  if (!run) return <CircularProgress aria-label="Loading run" />;
  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="h4" component="h1" sx={{ overflowWrap: 'anywhere', minWidth: 0, fontSize: { xs: '1.6rem', sm: '2.125rem' } }}>
          Run {run.id}
        </Typography>
        <RunStatus status={run.status} size="medium" />
        <RunControls run={run} onChanged={reload} />
      </Stack>
      {/* Screen readers hear each status change (queued → running → succeeded) without moving focus. */}
      <Box role="status" aria-live="polite" data-testid="run-status-announcement" sx={visuallyHidden}>
        Run {run.status.replace(/_/g, ' ')}
      </Box>
      <Typography color="text.secondary">
        {run.actionId} · started by {run.actor} · {new Date(run.createdAt).toLocaleString()}
        {run.entity && (
          <>
            {' · on '}
            <EntityLink entity={run.entity} />
          </>
        )}
        <ParentRunLink run={run} />
      </Typography>
      {run.progress !== null && !isTerminalStatus(run.status) && <LinearProgress variant="determinate" value={run.progress} aria-label="Progress" />}
      {run.error && <Alert severity="error">{run.error}</Alert>}
      {run.status === 'waiting_for_approval' && <Approval run={run} onDecided={reload} />}
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' } }}>
        <InfoCard title="Inputs">
          <Json value={run.inputs} />
        </InfoCard>
        <InfoCard title="Outputs">
          {Object.keys(run.outputs).length === 0 ? <Typography color="text.secondary">None yet.</Typography> : <Json value={run.outputs} />}
          {run.links.length > 0 && (
            <Box component="ul" aria-label="Links" sx={{ pl: 2 }}>
              {run.links.map((link) => (
                <li key={link.url}>
                  <Link href={link.url} target="_blank" rel="noreferrer">
                    {link.title}
                  </Link>
                </li>
              ))}
            </Box>
          )}
          {run.affectedEntities.length > 0 && (
            <>
              <Typography variant="subtitle2" component="h4">
                Affected entities
              </Typography>
              <Box component="ul" sx={{ pl: 2 }}>
                {run.affectedEntities.map((ref) => (
                  <li key={`${ref.kind}:${ref.id}`}>
                    <EntityLink entity={ref} />
                  </li>
                ))}
              </Box>
            </>
          )}
        </InfoCard>
      </Box>
      <RunSteps run={run} />
      {run.approvals.length > 0 && (
        <InfoCard title="Approvals">
          <Box component="ul" sx={{ pl: 2, m: 0 }}>
            {run.approvals.map((approval) => (
              <li key={`${approval.by}:${approval.at}`}>
                {approval.by} {approval.decision === 'approve' ? 'approved' : 'declined'} {new Date(approval.at).toLocaleString()}
                {approval.comment ? ` — “${approval.comment}”` : ''}
              </li>
            ))}
          </Box>
        </InfoCard>
      )}
      <Paper variant="outlined">
        <Stack direction="row" sx={{ px: 2, py: 1, alignItems: 'center' }} spacing={1}>
          <Typography variant="subtitle1" component="h2" sx={{ flexGrow: 1 }}>
            Log
          </Typography>
          <Typography variant="caption" color="text.secondary" aria-live="polite">
            {ended ? 'ended' : connected ? 'live' : 'connecting…'}
          </Typography>
        </Stack>
        <Box ref={logBox} role="log" aria-label="Run log" tabIndex={0} sx={{ maxHeight: 360, overflow: 'auto', fontFamily: 'ui-monospace, monospace', fontSize: 13, px: 2, pb: 2 }}>
          {lines.length === 0 && <Typography color="text.secondary">No log lines yet.</Typography>}
          {lines.map((line) => (
            <Box key={line.id} sx={{ color: line.level === 'error' ? 'error.main' : line.level === 'warn' ? 'warning.main' : 'text.primary', whiteSpace: 'pre-wrap' }} data-level={line.level ?? line.type}>
              <Box component="span" sx={{ color: 'text.secondary' }}>
                {line.at.slice(11, 19)}{' '}
              </Box>
              {line.type === 'end' ? `— run ended${line.status ? `: ${line.status}` : ''} —` : line.message}
            </Box>
          ))}
        </Box>
      </Paper>
    </Stack>
  );
}
