import { Alert } from '@mui/material';
import CheckCircle from '@mui/icons-material/CheckCircle';
import { InfoCard } from '@portico/ui-api';

// The icon package is not one the shell shares: the plugin bundle carries it, and it must still
// render with the shell's MUI (its SvgIcon comes through the shared `@mui/material/SvgIcon`).
export function SecondWidget() {
  return (
    <InfoCard title="Second plugin">
      <Alert severity="success" icon={<CheckCircle fontSize="inherit" />} data-testid="second-widget">
        Installed after the shell was built
      </Alert>
    </InfoCard>
  );
}
