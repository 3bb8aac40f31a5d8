import { useState, type ReactElement } from 'react';
import Autocomplete from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';
import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import Typography from '@mui/material/Typography';
import type { Entity } from '@portico/plugin-api';
import { entityPath, navigate, useCatalogQuery } from '@portico/ui-api';
import { CloseIcon, SearchIcon } from './icons';
import { useDebouncedValue } from './use-debounced-value';

/**
 * Finds entities by title or id across every kind and opens the chosen one. `collapsed` (narrow
 * screens) shows a search button that opens the field over the app bar.
 */
export function GlobalSearch({ collapsed = false }: { collapsed?: boolean }): ReactElement {
  const [open, setOpen] = useState(false);
  if (collapsed && !open) {
    return (
      <IconButton color="inherit" aria-label="Search entities" aria-expanded={false} onClick={() => setOpen(true)}>
        <SearchIcon />
      </IconButton>
    );
  }
  if (!collapsed) return <SearchField />;
  return (
    <Box sx={{ position: 'absolute', inset: 0, zIndex: 1, display: 'flex', alignItems: 'center', gap: 1, px: 1, bgcolor: 'inherit' }}>
      <SearchField autoFocus onDone={() => setOpen(false)} />
      <IconButton color="inherit" aria-label="Close search" onClick={() => setOpen(false)}>
        <CloseIcon />
      </IconButton>
    </Box>
  );
}

function SearchField({ autoFocus = false, onDone }: { autoFocus?: boolean; onDone?(): void }): ReactElement {
  const [input, setInput] = useState('');
  const search = useDebouncedValue(input.trim(), 200);
  const { data, loading } = useCatalogQuery(search ? { search, limit: 10 } : null);
  const options = search ? (data?.items ?? []) : [];
  return (
    <Autocomplete<Entity, false, false, false>
      sx={{ width: onDone ? 'auto' : 360, flexGrow: onDone ? 1 : 0 }}
      size="small"
      options={options}
      loading={loading}
      filterOptions={(items) => items}
      getOptionLabel={(entity) => entity.title || entity.id}
      getOptionKey={(entity) => `${entity.kind}:${entity.id}`}
      isOptionEqualToValue={(a, b) => a.kind === b.kind && a.id === b.id}
      inputValue={input}
      onInputChange={(_event, value, reason) => {
        if (reason !== 'reset') setInput(value);
      }}
      value={null}
      onChange={(_event, entity) => {
        if (entity) {
          setInput('');
          onDone?.();
          navigate(entityPath(entity));
        }
      }}
      noOptionsText={search ? 'No entity matches' : 'Type a title or id'}
      renderOption={(props, entity) => {
        const { key, ...rest } = props as typeof props & { key: string };
        return (
          <Box component="li" key={key} {...rest} sx={{ display: 'flex', gap: 1, justifyContent: 'space-between' }}>
            <span>{entity.title || entity.id}</span>
            <Typography variant="caption" color="text.secondary">
              {entity.kind}
            </Typography>
          </Box>
        );
      }}
      renderInput={(params) => (
        <TextField
          {...params}
          placeholder="Search entities…"
          autoFocus={autoFocus}
          slotProps={{ ...params.slotProps, htmlInput: { ...params.slotProps?.htmlInput, 'aria-label': 'Search entities' } }}
          sx={{ bgcolor: 'background.paper', borderRadius: 1 }}
        />
      )}
    />
  );
}
