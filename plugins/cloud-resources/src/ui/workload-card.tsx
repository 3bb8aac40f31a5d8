import type { ReactElement } from 'react';
import Alert from '@mui/material/Alert';
import Chip from '@mui/material/Chip';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import type { Entity } from '@portico/plugin-api';
import { EntityLink, InfoCard, WrapRow, useCatalogQuery, type WidgetProps } from '@portico/ui-api';
import type { WorkloadPod } from '../kinds/workload-kind';

function Workload({ workload, showTitle }: { workload: Entity; showTitle: boolean }): ReactElement {
  const p = workload.properties as { cluster: string; namespace: string; workloadType: string; replicasDesired: number; replicasReady: number; image?: string | null; pods?: WorkloadPod[] };
  const healthy = p.replicasReady >= p.replicasDesired;
  return (
    <ListItem disableGutters sx={{ display: 'block' }} data-testid="workload">
      {showTitle && (
        <Typography variant="subtitle2" component="h3">
          <EntityLink entity={workload} />
        </Typography>
      )}
      <WrapRow>
        <Chip size="small" color={healthy ? 'success' : 'warning'} label={`${p.replicasReady}/${p.replicasDesired} ready`} data-testid="replicas" />
        <Typography variant="body2" color="text.secondary">{`${p.workloadType} in ${p.cluster}/${p.namespace}`}</Typography>
      </WrapRow>
      {p.image && (
        <Typography variant="body2" color="text.secondary" sx={{ wordBreak: 'break-all' }}>
          {p.image}
        </Typography>
      )}
      <List dense aria-label={`Pods of ${workload.title}`}>
        {(p.pods ?? []).map((pod) => (
          <ListItem key={pod.name} disableGutters data-testid="pod">
            <ListItemText primary={pod.name} secondary={[pod.phase, pod.ready ? 'ready' : 'not ready', pod.restarts ? `${pod.restarts} restarts` : null, pod.node].filter(Boolean).join(' · ')} />
          </ListItem>
        ))}
      </List>
    </ListItem>
  );
}

/** A Component's Kubernetes workloads (or one workload's own page): replicas, image, pods and their status. */
export function WorkloadCard({ entity, widget }: WidgetProps): ReactElement {
  const onComponent = entity?.kind === 'component';
  const workloads = useCatalogQuery(onComponent ? { kind: 'workload', filter: { combinator: 'and', rules: [{ property: 'relations.component', operator: '=', value: entity!.id }] }, limit: 50 } : null);
  const items = onComponent ? (workloads.data?.items ?? []) : entity ? [entity] : [];
  return (
    <InfoCard title={widget.title}>
      {workloads.error && <Alert severity="error">{workloads.error.message}</Alert>}
      {(!onComponent || workloads.data) && items.length === 0 && <Typography color="text.secondary">No Kubernetes workload carries this component's label (app.kubernetes.io/name or backstage.io/kubernetes-id).</Typography>}
      <List dense>
        {items.map((w) => (
          <Workload key={w.id} workload={w} showTitle={onComponent} />
        ))}
      </List>
    </InfoCard>
  );
}
