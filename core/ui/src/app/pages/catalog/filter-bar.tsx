import { useState, type ReactElement } from 'react';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import type { PropertyRule, QueryOperator } from '@portico/plugin-api';
import type { CatalogColumn } from './catalog-columns';
import { OPERATORS, parseRuleValue } from './filter-rules';

/** Builds one property rule at a time: property, operator, value, "Add filter". */
export function FilterBar({ columns, onAdd }: { columns: CatalogColumn[]; onAdd(rule: PropertyRule): void }): ReactElement {
  const [property, setProperty] = useState(columns[0]?.property ?? 'title');
  const [operator, setOperator] = useState<QueryOperator>('=');
  const [value, setValue] = useState('');
  const needsValue = OPERATORS.find((item) => item.value === operator)?.needsValue ?? true;
  const submit = (): void => {
    if (needsValue && value.trim() === '') return;
    const schema = columns.find((column) => column.property === property)?.schema;
    onAdd({ property, operator, ...(needsValue ? { value: parseRuleValue(value.trim(), schema) } : {}) });
    setValue('');
  };
  return (
    <Stack direction="row" spacing={1} useFlexGap component="form" aria-label="Add a filter" onSubmit={(event) => { event.preventDefault(); submit(); }} sx={{ flexWrap: 'wrap', rowGap: 1 }}>
      <TextField select size="small" label="Property" value={property} onChange={(event) => setProperty(event.target.value)} sx={{ minWidth: 140 }}>
        {columns.map((column) => (
          <MenuItem key={column.property} value={column.property}>
            {column.title}
          </MenuItem>
        ))}
      </TextField>
      <TextField select size="small" label="Operator" value={operator} onChange={(event) => setOperator(event.target.value as QueryOperator)} sx={{ minWidth: 140 }}>
        {OPERATORS.map((item) => (
          <MenuItem key={item.value} value={item.value}>
            {item.label}
          </MenuItem>
        ))}
      </TextField>
      {needsValue && <TextField size="small" label="Value" value={value} onChange={(event) => setValue(event.target.value)} />}
      <Button type="submit" variant="outlined">
        Add filter
      </Button>
    </Stack>
  );
}
