import { useState, type ReactElement } from 'react';
import Autocomplete from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';
import type { Entity, QueryFilter } from '@portico/plugin-api';
import { useCatalogQuery } from '@portico/ui-api';
import { useDebouncedValue } from '../layout/use-debounced-value';

export interface EntitySelectProps {
  id?: string;
  kind?: string;
  filter?: QueryFilter;
  value: string | undefined;
  onChange(id: string | undefined): void;
  label: string;
  required?: boolean;
  disabled?: boolean;
  error?: boolean;
  onBlur?(): void;
  onFocus?(): void;
}

/** Picks an entity id by searching the catalog (server-side) as the user types. */
export function EntitySelect({ id, kind, filter, value, onChange, label, required, disabled, error, onBlur, onFocus }: EntitySelectProps): ReactElement {
  const [input, setInput] = useState('');
  const search = useDebouncedValue(input.trim(), 200);
  const { data, loading } = useCatalogQuery({ ...(kind ? { kind } : {}), ...(filter ? { filter } : {}), ...(search ? { search } : {}), limit: 20 });
  const options = data?.items ?? [];
  const selected = options.find((entity) => entity.id === value) ?? (value ? ({ id: value, title: value, kind: kind ?? '' } as Entity) : null);
  return (
    <Autocomplete<Entity, false, false, false>
      id={id}
      options={options}
      loading={loading}
      value={selected}
      disabled={disabled}
      filterOptions={(items) => items}
      getOptionLabel={(entity) => (entity.title && entity.title !== entity.id ? `${entity.title} (${entity.id})` : entity.id)}
      getOptionKey={(entity) => `${entity.kind}:${entity.id}`}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      onInputChange={(_event, text, reason) => {
        if (reason === 'input') setInput(text);
      }}
      onChange={(_event, entity) => onChange(entity ? entity.id : undefined)}
      renderInput={(params) => <TextField {...params} label={label} required={required} error={error} helperText={kind ? `Search ${kind} entities` : 'Search the catalog'} onBlur={onBlur} onFocus={onFocus} />}
    />
  );
}
