import type { ReactElement } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { InfoCard, PortalLink, WrapRow, type WidgetProps } from '@portico/ui-api';
import type { TrafficShare } from '../kinds/serving-endpoint-kind';

const COLORS = { champion: 'success.main', challenger: 'warning.main' } as const;

/** A serving endpoint's card: ready or not, its URL, and how its traffic splits between champion and challenger. */
export function ServingTraffic({ entity, widget }: WidgetProps): ReactElement {
  const p = (entity?.properties ?? {}) as { ready?: boolean; notReadyReason?: string | null; url?: string | null; traffic?: TrafficShare[]; environment?: string };
  const traffic = p.traffic ?? [];
  const change = entity ? `/self-service/ml.route-traffic?entity=${encodeURIComponent(`ml-serving-endpoint:${entity.id}`)}` : null;
  return (
    <InfoCard title={widget.title} subheader={p.environment}>
      <WrapRow>
        <Chip size="small" label={p.ready ? 'ready' : 'not ready'} color={p.ready ? 'success' : 'warning'} data-ready={String(Boolean(p.ready))} />
        {p.url && (
          <Typography variant="body2">
            <Link href={p.url}>{p.url}</Link>
          </Typography>
        )}
      </WrapRow>
      {!p.ready && p.notReadyReason && (
        <Typography variant="body2" color="text.secondary">
          {p.notReadyReason}
        </Typography>
      )}
      <Box role="img" aria-label={`Traffic: ${traffic.map((t) => `${t.role} version ${t.version} ${t.percent} %`).join(', ')}`} sx={{ display: 'flex', height: 20, borderRadius: 1, overflow: 'hidden', my: 1.5 }}>
        {traffic.filter((t) => t.percent > 0).map((t) => (
          <Box key={t.role} sx={{ width: `${t.percent}%`, bgcolor: COLORS[t.role] }} />
        ))}
      </Box>
      <Stack spacing={0.5} data-testid="serving-traffic">
        {traffic.map((t) => (
          <Typography key={t.role} variant="body2" data-role={t.role} data-percent={t.percent}>
            {`${t.role === 'champion' ? 'Champion' : 'Challenger'} v${t.version ?? '?'}: ${t.percent} %`}
          </Typography>
        ))}
      </Stack>
      {change && (
        <Button component={PortalLink} to={change} size="small" sx={{ mt: 1 }}>
          Change the split
        </Button>
      )}
    </InfoCard>
  );
}
