import type { ReactElement } from 'react';
import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { InfoCard, TableScroller, useCompactLayout, type WidgetProps } from '@portico/ui-api';
import type { GridRun } from '../kinds/dag-kind';
import { stateColor, stateLabel } from './task-state-colors';

function Square({ state, label }: { state: string | null; label: string }): ReactElement {
  return (
    <Tooltip title={label} describeChild>
      <Box
        component="span"
        role="img"
        aria-label={label}
        data-state={state ?? 'none'}
        sx={{ display: 'inline-block', width: 16, height: 16, borderRadius: 0.5, bgcolor: stateColor(state), border: 1, borderColor: state ? 'transparent' : 'divider', verticalAlign: 'middle' }}
      />
    </Tooltip>
  );
}

/** A DAG's recent runs as Airflow's grid view: a column per run (oldest left), a row per task. */
export function DagRunGrid({ entity, widget }: WidgetProps): ReactElement {
  const compact = useCompactLayout();
  const all = ((entity?.properties.recentRuns as GridRun[] | undefined) ?? []).slice(0, compact ? 6 : 25);
  const runs = [...all].reverse();
  const tasks = [...new Set(runs.flatMap((r) => r.tasks.map((t) => t.taskId)))];
  if (runs.length === 0) {
    return (
      <InfoCard title={widget.title}>
        <Typography color="text.secondary">No runs yet.</Typography>
      </InfoCard>
    );
  }
  return (
    <InfoCard title={widget.title} subheader={`${runs.length} most recent runs, oldest first`}>
      <TableScroller label="Runs by task">
        <Table size="small" data-testid="dag-run-grid" aria-label={`Recent runs of ${entity?.title ?? 'this DAG'} by task`}>
          <TableHead>
            <TableRow>
              <TableCell component="th" scope="col">
                Task
              </TableCell>
              {runs.map((run) => (
                <TableCell key={run.runId} align="center" sx={{ px: 0.5 }}>
                  <Link href={run.url} target="_blank" rel="noreferrer" aria-label={`Run ${run.runId}: ${stateLabel(run.state)}`}>
                    <Square state={run.state} label={`Run ${run.runId}: ${stateLabel(run.state)}`} />
                  </Link>
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {tasks.map((taskId) => (
              <TableRow key={taskId} data-task={taskId}>
                <TableCell component="th" scope="row" sx={{ whiteSpace: 'nowrap' }}>
                  {taskId}
                </TableCell>
                {runs.map((run) => {
                  const state = run.tasks.find((t) => t.taskId === taskId)?.state ?? null;
                  return (
                    <TableCell key={run.runId} align="center" sx={{ px: 0.5 }}>
                      <Square state={state} label={`${taskId} in run ${run.runId}: ${stateLabel(state)}`} />
                    </TableCell>
                  );
                })}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableScroller>
    </InfoCard>
  );
}
