import type { ReactElement } from 'react';
import Alert from '@mui/material/Alert';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import type { JsonSchema } from '@portico/plugin-api';
import SchemaForm from '../../forms/schema-form';

/** Asks for the secret inputs again: the runner never keeps them, so a re-run cannot reuse them. */
export default function RerunDialog({ schema, busy, error, onClose, onSubmit }: { schema: JsonSchema; busy: boolean; error: string | null; onClose(): void; onSubmit(inputs: Record<string, unknown>): void }): ReactElement {
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="rerun-title">
      <DialogTitle id="rerun-title">Re-run with the same inputs</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>Secret inputs are not kept with a run: give them again. Every other input is reused.</DialogContentText>
        {error && (
          <Alert severity="error" role="alert" sx={{ mb: 2 }}>
            {error}
          </Alert>
        )}
        <SchemaForm schema={schema} submitLabel={busy ? 'Starting…' : 'Re-run'} disabled={busy} onSubmit={onSubmit} />
      </DialogContent>
    </Dialog>
  );
}
