import type { ReactElement } from 'react';
import Alert from '@mui/material/Alert';
import Typography from '@mui/material/Typography';
import { BarChart } from '@mui/x-charts/BarChart';
import { InfoCard, useCatalogQuery, type WidgetProps } from '@portico/ui-api';

/** Home: how many customers each plan has, lowest tier first. */
export function CustomersPerPlan({ widget }: WidgetProps): ReactElement {
  const plans = useCatalogQuery({ kind: 'plan', sort: { property: 'tier', order: 'asc' }, limit: 50 });
  const customers = useCatalogQuery({ kind: 'customer', limit: 1000 });
  const counts = new Map<string, number>();
  for (const c of customers.data?.items ?? []) counts.set(String(c.relations.plan), (counts.get(String(c.relations.plan)) ?? 0) + 1);
  const rows = (plans.data?.items ?? []).map((plan) => ({ plan: plan.title, customers: counts.get(plan.id) ?? 0 }));
  const error = plans.error ?? customers.error;
  return (
    <InfoCard title={widget.title}>
      {error && <Alert severity="error">{error.message}</Alert>}
      {rows.length === 0 && !plans.loading && <Typography color="text.secondary">No plans yet.</Typography>}
      {rows.length > 0 && (
        <div data-testid="customers-per-plan" data-counts={rows.map((r) => `${r.plan}:${r.customers}`).join(',')}>
          <BarChart height={220} dataset={rows} xAxis={[{ scaleType: 'band', dataKey: 'plan' }]} series={[{ dataKey: 'customers', label: 'Customers' }]} />
        </div>
      )}
    </InfoCard>
  );
}
