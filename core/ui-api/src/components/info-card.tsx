import type { ReactElement, ReactNode } from 'react';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import CardHeader from '@mui/material/CardHeader';

/** @alpha */
export interface InfoCardProps {
  title: ReactNode;
  subheader?: ReactNode;
  /** Rendered at the header's right, e.g. a button. */
  action?: ReactNode;
  children?: ReactNode;
}

/**
 * The card every widget in a card slot uses, so plugin cards look like the portal's own.
 * @alpha
 */
export function InfoCard({ title, subheader, action, children }: InfoCardProps): ReactElement {
  return (
    <Card variant="outlined" component="section" aria-label={typeof title === 'string' ? title : undefined}>
      <CardHeader title={title} subheader={subheader} action={action} slotProps={{ title: { variant: 'subtitle1', component: 'h3' } }} />
      <CardContent sx={{ pt: 0 }}>{children}</CardContent>
    </Card>
  );
}
