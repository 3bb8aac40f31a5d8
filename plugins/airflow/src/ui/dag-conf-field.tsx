import { useState, type ReactElement } from 'react';
import Alert from '@mui/material/Alert';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { JsonSchema } from '@portico/plugin-api';
import { useEntity, usePortalLocation } from '@portico/ui-api';

/** What the action form hands a `form.fields` widget. */
export interface ConfFieldProps {
  value?: Record<string, unknown>;
  onChange(value: Record<string, unknown>): void;
  label?: string;
  id?: string;
}

/** The DAG the form runs on: `?entity=dag:<id>` on the action page, or the DAG page itself. */
function useDagRef(): { kind: string; id: string } | null {
  const { pathname, search } = usePortalLocation();
  const [kind, id] = (search.get('entity') ?? '').split(/:(.*)/s);
  if (kind === 'dag' && id) return { kind, id };
  const page = /^\/catalog\/dag\/([^/]+)/.exec(pathname);
  return page ? { kind: 'dag', id: decodeURIComponent(page[1]) } : null;
}

function ConfProperty({ name, schema, value, required, onChange }: { name: string; schema: JsonSchema; value: unknown; required: boolean; onChange(value: unknown): void }): ReactElement {
  const label = String(schema.title ?? name);
  const id = `dag-conf-${name}`;
  if (schema.type === 'boolean') return <FormControlLabel control={<Switch id={id} checked={value === true} onChange={(e) => onChange(e.target.checked)} />} label={label} />;
  if (Array.isArray(schema.enum)) {
    return (
      <TextField id={id} select label={label} required={required} value={value ?? ''} onChange={(e) => onChange(e.target.value)} helperText={schema.description as string | undefined}>
        {(schema.enum as unknown[]).map((option) => (
          <MenuItem key={String(option)} value={String(option)}>
            {String(option)}
          </MenuItem>
        ))}
      </TextField>
    );
  }
  const numeric = schema.type === 'integer' || schema.type === 'number';
  const inputType = numeric ? 'number' : schema.format === 'date' ? 'date' : 'text';
  return (
    <TextField
      id={id}
      label={label}
      type={inputType}
      required={required}
      value={value === undefined ? '' : String(value)}
      onChange={(e) => onChange(e.target.value === '' ? undefined : numeric ? Number(e.target.value) : e.target.value)}
      helperText={schema.description as string | undefined}
      slotProps={{ inputLabel: { shrink: inputType === 'date' ? true : undefined } }}
    />
  );
}

/**
 * The `conf` of Run DAG as a form generated from the DAG's conf schema (its top-level fields),
 * or as JSON when the DAG declares none or its schema nests deeper. The server checks the conf
 * against the schema again either way.
 */
export function DagConfField({ value, onChange, label }: ConfFieldProps): ReactElement {
  const ref = useDagRef();
  const { data: dag } = useEntity(ref);
  const schema = dag?.properties.confSchema as JsonSchema | undefined;
  const conf = value ?? {};
  const [text, setText] = useState(() => JSON.stringify(conf, null, 2));
  const [invalid, setInvalid] = useState<string | null>(null);
  const properties = Object.entries((schema?.properties ?? {}) as Record<string, JsonSchema>);
  const simple = schema && properties.length > 0 && properties.every(([, p]) => ['string', 'integer', 'number', 'boolean'].includes(String(p.type)));
  if (simple) {
    const required = new Set((schema.required as string[] | undefined) ?? []);
    return (
      <Stack spacing={2} data-testid="dag-conf-form">
        <Typography variant="subtitle2">{label ?? 'Conf'}</Typography>
        {properties.map(([name, property]) => (
          <ConfProperty key={name} name={name} schema={property} value={conf[name]} required={required.has(name)} onChange={(v) => onChange(Object.fromEntries(Object.entries({ ...conf, [name]: v }).filter(([, x]) => x !== undefined)))} />
        ))}
      </Stack>
    );
  }
  return (
    <Stack spacing={1}>
      <TextField
        id="dag-conf-json"
        label={`${label ?? 'Conf'} (JSON)`}
        multiline
        minRows={3}
        value={text}
        error={Boolean(invalid)}
        helperText={invalid ?? (schema ? 'This DAG declares a conf schema; the run checks the conf against it.' : 'This DAG declares no conf schema: any JSON object.')}
        onChange={(e) => {
          setText(e.target.value);
          try {
            const parsed: unknown = JSON.parse(e.target.value || '{}');
            if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('The conf must be a JSON object, such as {"date": "2026-12-01"}.');
            setInvalid(null);
            onChange(parsed as Record<string, unknown>);
          } catch (error) {
            setInvalid((error as Error).message);
          }
        }}
      />
      {invalid && <Alert severity="warning">Fix the JSON before running.</Alert>}
    </Stack>
  );
}
