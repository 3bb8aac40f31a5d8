import { useState, type ReactElement } from 'react';
import Chip from '@mui/material/Chip';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { LineChart } from '@mui/x-charts/LineChart';
import { InfoCard, PortalLink, TableScroller, entityPath, type WidgetProps } from '@portico/ui-api';
import type { VersionSummary } from '../kinds/model-kind';

/** The metric charted first: the one most versions report, `accuracy` when it is among them. */
function metricsOf(versions: VersionSummary[]): string[] {
  const counts = new Map<string, number>();
  for (const v of versions) for (const k of Object.keys(v.metrics)) counts.set(k, (counts.get(k) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => (a[0] === 'accuracy' ? -1 : b[0] === 'accuracy' ? 1 : b[1] - a[1] || a[0].localeCompare(b[0]))).map(([k]) => k);
}

/** A Model's page: its versions with their aliases, and a chart of a metric across the training runs that produced them. */
export function ModelVersions({ entity, widget }: WidgetProps): ReactElement {
  const p = (entity?.properties ?? {}) as { name?: string; versions?: VersionSummary[]; aliases?: Record<string, string> };
  const versions = p.versions ?? [];
  const metrics = metricsOf(versions);
  const [chosen, setChosen] = useState<string | null>(null);
  const metric = chosen && metrics.includes(chosen) ? chosen : metrics[0];
  const points = versions.filter((v) => metric && typeof v.metrics[metric] === 'number');
  return (
    <InfoCard title={widget.title} subheader={`${versions.length} version${versions.length === 1 ? '' : 's'}${p.aliases?.champion ? ` · champion v${p.aliases.champion}` : ''}`}>
      {metric ? (
        <Stack spacing={1} sx={{ mb: 2 }}>
          <TextField select size="small" label="Metric" value={metric} onChange={(e) => setChosen(e.target.value)} sx={{ maxWidth: 220 }}>
            {metrics.map((m) => (
              <MenuItem key={m} value={m}>
                {m}
              </MenuItem>
            ))}
          </TextField>
          <div data-testid="metric-chart" data-metric={metric} data-points={points.map((v) => `v${v.version}:${v.metrics[metric]}`).join(',')} role="img" aria-label={`${metric} of the training run behind each version: ${points.map((v) => `version ${v.version} ${v.metrics[metric]}`).join(', ')}`}>
            <LineChart height={220} dataset={points.map((v) => ({ version: `v${v.version}`, value: v.metrics[metric] }))} xAxis={[{ scaleType: 'point', dataKey: 'version', label: 'Version (its training run)' }]} series={[{ dataKey: 'value', label: metric }]} />
          </div>
        </Stack>
      ) : (
        <Typography color="text.secondary" sx={{ mb: 1 }}>
          No version has metrics from its training run yet.
        </Typography>
      )}
      <TableScroller label="Versions">
        <Table size="small" data-testid="model-versions" aria-label={`Versions of ${entity?.title ?? 'this model'}`}>
          <TableHead>
            <TableRow>
              <TableCell component="th" scope="col">Version</TableCell>
              <TableCell component="th" scope="col">Aliases</TableCell>
              <TableCell component="th" scope="col">Status</TableCell>
              {metric && <TableCell component="th" scope="col">{metric}</TableCell>}
            </TableRow>
          </TableHead>
          <TableBody>
            {[...versions].reverse().map((v) => (
              <TableRow key={v.version} data-version={v.version}>
                <TableCell component="th" scope="row">
                  {entity ? <PortalLink to={entityPath({ kind: 'ml-model-version', id: `${entity.id}.v${v.version}` })}>{`v${v.version}`}</PortalLink> : `v${v.version}`}
                </TableCell>
                <TableCell>
                  <Stack direction="row" spacing={0.5}>
                    {v.aliases.map((a) => (
                      <Chip key={a} size="small" label={a} color={a === 'champion' ? 'success' : a === 'challenger' ? 'warning' : 'default'} />
                    ))}
                  </Stack>
                </TableCell>
                <TableCell>{v.status}</TableCell>
                {metric && <TableCell>{typeof v.metrics[metric] === 'number' ? v.metrics[metric].toLocaleString('en', { maximumFractionDigits: 4 }) : ''}</TableCell>}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableScroller>
    </InfoCard>
  );
}
