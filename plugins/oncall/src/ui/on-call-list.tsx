import type { ReactElement } from 'react';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import type { Entity } from '@portico/plugin-api';
import { EntityLink } from '@portico/ui-api';
import type { OnCallEntry } from '../kinds/on-call-entry-schema';
import { formatRelative } from './format-time';

function reach(entry: OnCallEntry): ReactElement {
  return (
    <>
      {entry.email && <Link href={`mailto:${entry.email}`}>{entry.email}</Link>}
      {entry.phone && (
        <>
          {' · '}
          <Link href={`tel:${entry.phone.replace(/\s+/g, '')}`}>{entry.phone}</Link>
        </>
      )}
    </>
  );
}

/** Who is on call now (each level) and next, for a set of escalation policies. */
export function OnCallList({ policies }: { policies: Entity[] }): ReactElement {
  if (policies.length === 0) return <Typography color="text.secondary">No PagerDuty escalation policy pages for this yet.</Typography>;
  return (
    <List dense data-testid="on-call-now">
      {policies.map((policy) => {
        const now = (policy.properties.onCall as OnCallEntry[] | undefined) ?? [];
        const next = (policy.properties.nextOnCall as OnCallEntry[] | undefined) ?? [];
        const primaryNext = next.find((n) => n.level === 1);
        return (
          <ListItem key={policy.id} disableGutters sx={{ display: 'block' }}>
            <Typography variant="subtitle2" component="h3">
              <EntityLink entity={policy} />
            </Typography>
            {now.length === 0 && <Typography color="text.secondary">Nobody is on call right now.</Typography>}
            <List dense disablePadding>
              {now.map((entry) => (
                <ListItem key={`${entry.level}-${entry.userId}`} disableGutters data-testid="on-call-entry">
                  <ListItemText
                    primary={
                      <>
                        <Chip size="small" label={entry.level === 1 ? 'Primary' : `Level ${entry.level}`} sx={{ mr: 1 }} />
                        {entry.url ? <Link href={entry.url} target="_blank" rel="noreferrer">{entry.name}</Link> : entry.name}
                        {entry.end ? ` until ${new Date(entry.end).toLocaleString()} (${formatRelative(entry.end)})` : ' (always)'}
                      </>
                    }
                    secondary={reach(entry)}
                  />
                </ListItem>
              ))}
            </List>
            {primaryNext && (
              <Typography variant="body2" color="text.secondary" data-testid="on-call-next">
                Next: {primaryNext.name} from {primaryNext.start ? new Date(primaryNext.start).toLocaleString() : '?'}
              </Typography>
            )}
          </ListItem>
        );
      })}
    </List>
  );
}
