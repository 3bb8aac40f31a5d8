import { useState, type ReactElement } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import { InfoCard, TableScroller, useApi } from '@portico/ui-api';
import { visuallyHidden } from '../../../layout/visually-hidden';
import { useReloadOnPluginChange } from '../../../plugins/use-reload-on-plugin-change';

interface RegistryHit {
  name: string;
  version: string;
  description?: string;
  installedVersion: string | null;
}

/** Plugins in the registry (keyword portico-plugin), each with an Install button. */
export function PluginRegistrySearch({ onInstall }: { onInstall(spec: string): void }): ReactElement {
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const hits = useApi<{ items: RegistryHit[] }>(`/admin/plugin-registry?q=${encodeURIComponent(query)}`);
  // After a live change the "Installed" column follows.
  useReloadOnPluginChange(hits.reload);
  return (
    <InfoCard title="Find plugins" subheader="Packages with the keyword portico-plugin in the registry this portal installs from">
      <Stack component="form" direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', mb: 2 }} role="search" aria-label="Search the plugin registry" onSubmit={(event) => { event.preventDefault(); setQuery(text.trim()); }}>
        <TextField size="small" label="Search plugins" value={text} onChange={(event) => setText(event.target.value)} />
        <Button type="submit" variant="outlined">
          Search
        </Button>
      </Stack>
      {hits.error && <Alert severity="error">{hits.error.message}</Alert>}
      {hits.loading && <span aria-busy="true">Searching the registry...</span>}
      {hits.data && hits.data.items.length === 0 && <Alert severity="info">No plugins match{query ? ` "${query}"` : ''}.</Alert>}
      {hits.data && hits.data.items.length > 0 && (
        <TableScroller label="Plugins in the registry">
          <Table size="small" aria-label="Plugins in the registry">
            <TableHead>
              <TableRow>
                <TableCell>Package</TableCell>
                <TableCell>Latest</TableCell>
                <TableCell>Description</TableCell>
                <TableCell>
                  <Box component="span" sx={visuallyHidden}>
                    Install
                  </Box>
                </TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {hits.data.items.map((hit) => (
                <TableRow key={hit.name} data-package={hit.name}>
                  <TableCell>{hit.name}</TableCell>
                  <TableCell>{hit.version}</TableCell>
                  <TableCell>{hit.description}</TableCell>
                  <TableCell>
                    {hit.installedVersion ? (
                      `Installed (${hit.installedVersion})`
                    ) : (
                      <Button size="small" variant="outlined" onClick={() => onInstall(`${hit.name}@${hit.version}`)} aria-label={`Install ${hit.name}`}>
                        Install
                      </Button>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableScroller>
      )}
    </InfoCard>
  );
}
