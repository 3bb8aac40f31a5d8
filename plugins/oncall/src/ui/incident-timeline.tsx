import type { ReactElement } from 'react';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import { InfoCard, type WidgetProps } from '@portico/ui-api';
import type { TimelineEntry } from '../kinds/incident-kind';

/** An incident's page: what happened, oldest first, from PagerDuty's log and the portal's own actions. */
export function IncidentTimeline({ entity, widget }: WidgetProps): ReactElement {
  const timeline = (entity?.properties.timeline as TimelineEntry[] | undefined) ?? [];
  const url = entity?.properties.url as string | undefined;
  return (
    <InfoCard title={widget.title} action={url ? <Link href={url} target="_blank" rel="noreferrer">Open in PagerDuty</Link> : undefined}>
      {timeline.length === 0 && <Typography color="text.secondary">Nothing recorded yet.</Typography>}
      <List dense data-testid="incident-timeline">
        {timeline.map((e, i) => (
          <ListItem key={`${e.at}-${i}`} disableGutters>
            <ListItemText primary={e.summary} secondary={`${new Date(e.at).toLocaleString()}${e.by ? ` · ${e.by}` : ''}`} />
          </ListItem>
        ))}
      </List>
    </InfoCard>
  );
}
