import type { ReactElement } from 'react';
import Typography from '@mui/material/Typography';
import { describeChange, type ConfigurationChange } from '../configuration/configuration-diff';

/** The changes between two configurations, one line each, as the run log shows them. */
export function ConfigurationDiffList({ diff }: { diff: ConfigurationChange[] }): ReactElement {
  if (diff.length === 0) return <Typography color="text.secondary">No changes yet.</Typography>;
  return (
    <Typography component="pre" data-testid="configuration-diff" sx={{ m: 0, p: 1, bgcolor: 'action.hover', borderRadius: 1, fontSize: 13, whiteSpace: 'pre-wrap' }}>
      {diff.map(describeChange).join('\n')}
    </Typography>
  );
}
