import { useEffect, useState, type ReactElement } from 'react';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import { InfoCard, WrapRow, type WidgetProps } from '@portico/ui-api';
import { formatTimeLeft } from './format-duration';

/** Re-renders every second while something counts down. */
function useNow(): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** A developer environment's page: how long it has left, until when, and how far it can still be extended. */
export function EnvironmentCountdown({ entity, widget }: WidgetProps): ReactElement {
  const now = useNow();
  const p = (entity?.properties ?? {}) as { status?: string; expiresAt?: string; maxExpiresAt?: string; url?: string | null; members?: string[]; extensions?: number; endedAt?: string | null; remindedAt?: string | null };
  const ended = p.status === 'ended';
  const left = formatTimeLeft(p.expiresAt, now);
  const soon = p.expiresAt ? Date.parse(p.expiresAt) - now < 24 * 3600 * 1000 : false;
  return (
    <InfoCard title={widget.title}>
      <WrapRow>
        <Chip size="small" label={p.status ?? 'unknown'} color={ended ? 'default' : p.status === 'ready' ? 'success' : p.status === 'failed' ? 'error' : 'info'} data-status={p.status} />
        {!ended && (
          <Typography variant="h6" component="p" color={soon ? 'warning.main' : 'text.primary'} data-testid="time-left">
            {left === 'ended' ? 'Expiring now' : `${left} left`}
          </Typography>
        )}
      </WrapRow>
      <Typography variant="body2" data-testid="expires-at">
        {ended ? `Ended ${p.endedAt ? new Date(p.endedAt).toLocaleString() : ''}` : `Expires ${p.expiresAt ? new Date(p.expiresAt).toLocaleString() : 'never'}`}
      </Typography>
      {!ended && p.maxExpiresAt && (
        <Typography variant="body2" color="text.secondary">
          {`Can be extended until ${new Date(p.maxExpiresAt).toLocaleString()}${p.extensions ? ` · extended ${p.extensions}×` : ''}`}
        </Typography>
      )}
      {p.url && !ended && (
        <Typography variant="body2">
          <Link href={p.url}>{p.url}</Link>
        </Typography>
      )}
      {(p.members ?? []).length > 0 && <Typography variant="body2" color="text.secondary">{`Members: ${p.members!.join(', ')}`}</Typography>}
    </InfoCard>
  );
}
