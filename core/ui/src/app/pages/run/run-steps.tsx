import type { ReactElement } from 'react';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { Run } from '@portico/plugin-api';
import { InfoCard, PortalLink, RunStatus, runPath, useRun } from '@portico/ui-api';

function Step({ runId, index }: { runId: string; index: number }): ReactElement {
  const { data: step } = useRun(runId, 1500);
  return (
    <Box component="li" sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap', py: 0.5 }}>
      <PortalLink to={runPath(runId)}>{step?.title ?? `Step ${index + 1}`}</PortalLink>
      <Typography component="span" color="text.secondary">
        {step ? step.actionId : runId}
      </Typography>
      {step && <RunStatus status={step.status} />}
      {step?.error && (
        <Typography component="span" color="error">
          {step.error}
        </Typography>
      )}
    </Box>
  );
}

/** The child runs a run started with `ctx.runAction` (a runbook's steps), each with its live status. */
export function RunSteps({ run }: { run: Run }): ReactElement | null {
  const ids = run.childRunIds ?? [];
  if (ids.length === 0) return null;
  return (
    <InfoCard title="Steps">
      <Box component="ol" aria-label="Steps" sx={{ pl: 2, m: 0 }}>
        {ids.map((id, index) => (
          <Step key={id} runId={id} index={index} />
        ))}
      </Box>
    </InfoCard>
  );
}

/** "a step of run …", linking a child run to its parent. */
export function ParentRunLink({ run }: { run: Run }): ReactElement | null {
  if (!run.parentRunId) return null;
  return (
    <>
      {' · a step of run '}
      <PortalLink to={runPath(run.parentRunId)}>{run.parentRunId}</PortalLink>
    </>
  );
}
