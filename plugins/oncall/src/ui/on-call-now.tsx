import type { ReactElement } from 'react';
import Alert from '@mui/material/Alert';
import { InfoCard, useCatalogQuery, type WidgetProps } from '@portico/ui-api';
import { OnCallList } from './on-call-list';

/** A Component page: who PagerDuty pages for it right now, and who is next. */
export function OnCallNow({ entity, widget }: WidgetProps): ReactElement {
  const policies = useCatalogQuery(entity ? { kind: 'escalation-policy', filter: { combinator: 'and', rules: [{ property: 'relations.components', operator: 'contains', value: entity.id }] }, limit: 10 } : null);
  return (
    <InfoCard title={widget.title}>
      {policies.error && <Alert severity="error">{policies.error.message}</Alert>}
      {policies.data && <OnCallList policies={policies.data.items} />}
    </InfoCard>
  );
}

/** A Team page: who is on call for the services the team owns. */
export function TeamOnCallNow({ entity, widget }: WidgetProps): ReactElement {
  const components = useCatalogQuery(entity ? { kind: 'component', filter: { combinator: 'and', rules: [{ property: 'owner', operator: '=', value: entity.id }] }, limit: 200 } : null);
  const ids = (components.data?.items ?? []).map((c) => c.id);
  const policies = useCatalogQuery(components.data ? { kind: 'escalation-policy', filter: { combinator: 'and', rules: [{ property: 'relations.components', operator: 'containsAny', value: ids.length > 0 ? ids : ['\u0000none'] }] }, limit: 20 } : null);
  const error = components.error ?? policies.error;
  return (
    <InfoCard title={widget.title}>
      {error && <Alert severity="error">{error.message}</Alert>}
      {policies.data && <OnCallList policies={policies.data.items} />}
    </InfoCard>
  );
}
