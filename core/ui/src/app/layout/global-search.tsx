import { useState, type ReactElement } from 'react';
import Autocomplete from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { Entity } from '@portico/plugin-api';
import { entityPath, navigate, useCatalogQuery } from '@portico/ui-api';
import { useDebouncedValue } from './use-debounced-value';

/** Finds entities by title or id across every kind and opens the chosen one. */
export function GlobalSearch(): ReactElement {
  const [input, setInput] = useState('');
  const search = useDebouncedValue(input.trim(), 200);
  const { data, loading } = useCatalogQuery(search ? { search, limit: 10 } : null);
  const options = search ? (data?.items ?? []) : [];
  return (
    <Autocomplete<Entity, false, false, false>
      sx={{ width: { xs: 180, sm: 360 } }}
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
          slotProps={{ ...params.slotProps, htmlInput: { ...params.slotProps?.htmlInput, 'aria-label': 'Search entities' } }}
          sx={{ bgcolor: 'background.paper', borderRadius: 1 }}
        />
      )}
    />
  );
}
