import { useState, type ReactElement } from 'react';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';

/** The new token's value, shown this once (the portal keeps only its hash), with a copy button. */
export function NewTokenValue({ name, value, onDone }: { name: string; value: string; onDone(): void }): ReactElement {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const copy = (): void => {
    navigator.clipboard.writeText(value).then(
      () => setCopied('yes'),
      () => setCopied('failed'),
    );
  };
  return (
    <Alert severity="success" data-testid="new-token">
      <AlertTitle>Token “{name}” created</AlertTitle>
      Copy it now: this is the only time it is shown. Send it as <code>Authorization: Bearer &lt;token&gt;</code>.
      <Stack direction="row" spacing={1} sx={{ mt: 1, alignItems: 'center' }}>
        <TextField size="small" value={value} label="Token value" slotProps={{ htmlInput: { readOnly: true, spellCheck: false } }} onFocus={(event) => event.target.select()} sx={{ minWidth: 520, fontFamily: 'monospace' }} />
        <Button variant="outlined" onClick={copy}>
          {copied === 'yes' ? 'Copied' : 'Copy'}
        </Button>
        <Button onClick={onDone}>Done</Button>
      </Stack>
      {copied === 'failed' && <div role="status">The browser refused the clipboard: select the value and copy it yourself.</div>}
    </Alert>
  );
}
