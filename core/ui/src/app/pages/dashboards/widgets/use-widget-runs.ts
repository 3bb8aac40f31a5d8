import { useMemo } from 'react';
import type { DashboardWidget, Run } from '@portico/plugin-api';
import { dashboardWidgetRunsPath, dashboardWidgetTeamQuery, isOwner } from '@portico/plugin-api';
import { useApi, useCatalogQuery } from '@portico/ui-api';

/**
 * The newest runs a widget's filters pick. A team filter keeps the runs on entities the team owns
 * (the runs API filters by action and status; ownership is the catalog's).
 */
export function useWidgetRuns(widget: DashboardWidget): { runs: Run[] | undefined; error: Error | undefined } {
  const team = widget.runs?.team?.trim();
  const runs = useApi<{ items: Run[] }>(dashboardWidgetRunsPath(widget));
  const owned = useCatalogQuery(dashboardWidgetTeamQuery(widget));
  const filtered = useMemo(() => {
    if (!runs.data) return undefined;
    if (!team) return runs.data.items;
    if (!owned.data) return undefined;
    const refs = new Set(owned.data.items.filter((entity) => isOwner({ teams: [team] }, entity)).map((entity) => `${entity.kind}:${entity.id}`));
    return runs.data.items.filter((run) => run.entity && refs.has(`${run.entity.kind}:${run.entity.id}`));
  }, [runs.data, owned.data, team]);
  return { runs: filtered, error: runs.error ?? owned.error };
}
