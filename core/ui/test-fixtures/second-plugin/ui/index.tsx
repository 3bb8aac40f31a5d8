import { Alert } from '@mui/material';
import { InfoCard } from '@portico/ui-api';

export function SecondWidget() {
  return (
    <InfoCard title="Second plugin">
      <Alert severity="success" data-testid="second-widget">
        Installed after the shell was built
      </Alert>
    </InfoCard>
  );
}
