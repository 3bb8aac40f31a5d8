import type { ReactElement } from 'react';
import Alert from '@mui/material/Alert';
import Skeleton from '@mui/material/Skeleton';

/** What a widget shows before its data arrives, or when its query failed (the server's own words). */
export function WidgetState({ error, label }: { error?: Error; label: string }): ReactElement {
  if (error) return <Alert severity="error">{error.message}</Alert>;
  return <Skeleton variant="rounded" height="100%" sx={{ minHeight: 60 }} role="progressbar" aria-label={`Loading ${label}`} />;
}
