import type { ReactElement } from 'react';
import Alert from '@mui/material/Alert';
import LinearProgress from '@mui/material/LinearProgress';
import { InfoCard, useApi, type WidgetProps } from '@portico/ui-api';
import type { DeploymentsMatrix as Matrix } from '../deployments/deployments-matrix';
import { MatrixTable } from './matrix-table';

function MatrixCard({ title, path }: { title: string; path: string }): ReactElement {
  const { data, error, loading } = useApi<Matrix>(path);
  return (
    <InfoCard title={title}>
      {loading && !data && <LinearProgress aria-label="Loading deployments" />}
      {error && <Alert severity="error">{error.message}</Alert>}
      {data && <MatrixTable matrix={data} />}
    </InfoCard>
  );
}

/** Home: every service in every environment. */
export function DeploymentsMatrix({ widget }: WidgetProps): ReactElement {
  return <MatrixCard title={widget.title} path="/plugins/cicd/deployments/matrix" />;
}

/** A System page: the system's services only. */
export function SystemDeploymentsMatrix({ entity, widget }: WidgetProps): ReactElement {
  return <MatrixCard title={widget.title} path={`/plugins/cicd/deployments/matrix?system=${encodeURIComponent(entity?.id ?? '')}`} />;
}
