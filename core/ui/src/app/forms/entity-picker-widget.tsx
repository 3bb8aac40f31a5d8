import type { ReactElement } from 'react';
import type { WidgetProps as RjsfWidgetProps } from '@rjsf/utils';
import type { QueryFilter } from '@portico/plugin-api';
import { EntitySelect } from './entity-select';

/** The `x-portico-entity` keyword of an input: which entities the picker may offer. */
export interface EntityPickerOptions {
  kind: string;
  filter?: QueryFilter;
}

/** rjsf widget for `format: "entity"` inputs. */
export function EntityPickerWidget(props: RjsfWidgetProps): ReactElement {
  const { id, value, onChange, label, required, disabled, readonly, schema, rawErrors, onBlur, onFocus } = props;
  const picker = (schema['x-portico-entity'] ?? {}) as Partial<EntityPickerOptions>;
  return (
    <EntitySelect
      id={id}
      kind={picker.kind}
      filter={picker.filter}
      value={typeof value === 'string' ? value : undefined}
      onChange={(next) => onChange(next)}
      label={label || id}
      required={required}
      disabled={disabled || readonly}
      error={(rawErrors?.length ?? 0) > 0}
      onBlur={() => onBlur(id, value)}
      onFocus={() => onFocus(id, value)}
    />
  );
}
