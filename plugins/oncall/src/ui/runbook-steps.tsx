import type { ReactElement } from 'react';
import Chip from '@mui/material/Chip';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import { InfoCard, PortalLink, runPath, type WidgetProps } from '@portico/ui-api';
import type { RunbookOutcome, RunbookStep } from '../kinds/runbook-kind';

const COLOR: Record<string, 'success' | 'error' | 'warning' | 'default'> = { succeeded: 'success', failed: 'error', declined: 'error', timed_out: 'error', cancelled: 'warning', 'not started': 'error' };

/** A runbook's page: its steps in order, with what each did the last time it ran. */
export function RunbookSteps({ entity, widget }: WidgetProps): ReactElement {
  const steps = (entity?.properties.steps as RunbookStep[] | undefined) ?? [];
  const last = entity?.properties.lastOutcome as RunbookOutcome | undefined;
  return (
    <InfoCard
      title={widget.title}
      subheader={last ? <>Last run {new Date(last.at).toLocaleString()}: <PortalLink to={runPath(last.runId)}>{last.status}</PortalLink></> : 'Not run yet'}
    >
      <List dense data-testid="runbook-steps" component="ol">
        {steps.map((step, i) => {
          const outcome = last?.steps[i];
          return (
            <ListItem key={`${i}-${step.action}`} disableGutters secondaryAction={outcome ? <Chip size="small" label={outcome.status} color={COLOR[outcome.status] ?? 'default'} data-status={outcome.status} /> : undefined}>
              <ListItemText
                primary={`${i + 1}. ${step.title}`}
                secondary={
                  <>
                    <Typography component="span" variant="body2" sx={{ fontFamily: 'monospace' }}>{step.action}</Typography>
                    {step.requiresApproval ? ' · needs approval' : ''}
                    {outcome?.runId ? <> · <PortalLink to={runPath(outcome.runId)}>run</PortalLink></> : null}
                    {outcome?.error ? ` · ${outcome.error}` : ''}
                  </>
                }
              />
            </ListItem>
          );
        })}
      </List>
    </InfoCard>
  );
}
