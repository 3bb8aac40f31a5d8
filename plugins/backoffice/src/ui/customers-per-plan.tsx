import type { ReactElement } from 'react';
import Alert from '@mui/material/Alert';
import Typography from '@mui/material/Typography';
import { BarChart } from '@mui/x-charts/BarChart';
import { InfoCard, useCatalogQuery, type WidgetProps } from '@portico/ui-api';

/** Home: how many customers each plan has, lowest tier first (the Plan kind's `customerCount` aggregation). */
export function CustomersPerPlan({ widget }: WidgetProps): ReactElement {
  const plans = useCatalogQuery({ kind: 'plan', sort: { property: 'tier', order: 'asc' }, limit: 50 });
  const rows = (plans.data?.items ?? []).map((plan) => ({ plan: plan.title, customers: Number(plan.computed?.customerCount ?? 0) }));
  return (
    <InfoCard title={widget.title}>
      {plans.error && <Alert severity="error">{plans.error.message}</Alert>}
      {plans.data && rows.length === 0 && <Typography color="text.secondary">No plans yet.</Typography>}
      {rows.length > 0 && (
        <div data-testid="customers-per-plan" data-counts={rows.map((r) => `${r.plan}:${r.customers}`).join(',')}>
          <BarChart height={220} dataset={rows} xAxis={[{ scaleType: 'band', dataKey: 'plan' }]} series={[{ dataKey: 'customers', label: 'Customers' }]} />
        </div>
      )}
    </InfoCard>
  );
}
