import type { ReactElement } from 'react';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { JsonSchema } from '@portico/plugin-api';

export interface ConfigurationFieldsProps {
  schema: JsonSchema;
  value: Record<string, unknown>;
  onChange(value: Record<string, unknown>): void;
  /** Prefix of the inputs' ids, for nested objects. */
  idPrefix?: string;
}

/**
 * A form generated from the configuration schema: a switch per boolean, a select per enum, a
 * number or text field otherwise, a nested group per object. The server validates for real.
 */
export function ConfigurationFields({ schema, value, onChange, idPrefix = 'configuration' }: ConfigurationFieldsProps): ReactElement {
  const entries = Object.entries(schema.properties ?? {}) as Array<[string, JsonSchema]>;
  const set = (name: string, next: unknown): void => {
    const copy = { ...value };
    if (next === undefined) delete copy[name];
    else copy[name] = next;
    onChange(copy);
  };
  return (
    <Stack spacing={2}>
      {entries.map(([name, property]) => {
        const id = `${idPrefix}-${name}`;
        const label = String(property.title ?? name);
        const current = value[name];
        if (property.type === 'boolean') {
          return <FormControlLabel key={name} control={<Switch id={id} checked={current === true} onChange={(event) => set(name, event.target.checked)} />} label={label} />;
        }
        if (property.type === 'object') {
          return (
            <Stack key={name} spacing={1} component="fieldset" sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 1.5 }}>
              <Typography component="legend" variant="body2">{label}</Typography>
              <ConfigurationFields schema={property} value={(current as Record<string, unknown>) ?? {}} onChange={(next) => set(name, next)} idPrefix={id} />
            </Stack>
          );
        }
        if (Array.isArray(property.enum)) {
          return (
            <TextField key={name} id={id} select size="small" label={label} value={current ?? ''} onChange={(event) => set(name, event.target.value === '' ? undefined : event.target.value)}>
              {property.enum.map((option) => (
                <MenuItem key={String(option)} value={String(option)}>{String(option)}</MenuItem>
              ))}
            </TextField>
          );
        }
        const numeric = property.type === 'integer' || property.type === 'number';
        return (
          <TextField
            key={name}
            id={id}
            size="small"
            label={label}
            type={numeric ? 'number' : 'text'}
            helperText={property.description ? String(property.description) : undefined}
            value={current === undefined ? '' : String(current)}
            onChange={(event) => {
              const text = event.target.value;
              set(name, text === '' ? undefined : numeric && Number.isFinite(Number(text)) ? Number(text) : text);
            }}
          />
        );
      })}
    </Stack>
  );
}
