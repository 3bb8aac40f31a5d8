import { useMemo, type ReactElement, type ReactNode } from 'react';
import Form from '@rjsf/mui';
import { customizeValidator } from '@rjsf/validator-ajv8';
import type { ErrorSchema, RegistryWidgetsType, RJSFSchema, UiSchema, WidgetProps as RjsfWidgetProps } from '@rjsf/utils';
import type { Entity, JsonSchema } from '@portico/plugin-api';
import type { PlacedWidget } from '@portico/ui-api';
import { SlotWidget } from '../slots/slot-widget';
import { useSlotWidgets } from '../slots/use-slot-widgets';
import { EntityPickerWidget } from './entity-picker-widget';

// Formats of Portico schemas that ajv does not know; the server validates them for real.
const validator = customizeValidator({
  customFormats: { entity: () => true, secret: () => true, markdown: () => true, timer: () => true, user: () => true, team: () => true, url: () => true },
});

/**
 * ajv compiles schemas into functions, which a Content-Security-Policy without
 * 'unsafe-eval' (the portal's) forbids. There the form leaves validation to the server, which
 * validates every write anyway and whose field problems the forms show.
 */
const CAN_COMPILE = ((): boolean => {
  try {
    return new Function('return true')() as boolean;
  } catch {
    return false;
  }
})();

/**
 * The ui:widget for each property: entity pickers for `format: "entity"`, passwords for
 * secrets, and a plugin's `form.fields` widget where the schema names one (`x-portico-widget`).
 */
export function uiSchemaFor(schema: JsonSchema, pluginWidgets: Set<string>): UiSchema {
  const ui: UiSchema = {};
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    const widget = property['x-portico-widget'];
    if (typeof widget === 'string' && pluginWidgets.has(widget)) ui[name] = { 'ui:widget': widget };
    else if (property.format === 'entity' || property['x-portico-entity']) ui[name] = { 'ui:widget': 'entityPicker' };
    else if (property.format === 'secret' || property.writeOnly === true) ui[name] = { 'ui:widget': 'password' };
    else if (property.format === 'markdown') ui[name] = { 'ui:widget': 'textarea' };
  }
  return ui;
}

function pluginWidget(widget: PlacedWidget): (props: RjsfWidgetProps) => ReactElement {
  return function PluginFormField(props: RjsfWidgetProps): ReactElement {
    return <SlotWidget widget={widget} extraProps={{ value: props.value, onChange: props.onChange, label: props.label, schema: props.schema, id: props.id, required: props.required }} />;
  };
}

export interface SchemaFormProps {
  schema: JsonSchema;
  formData?: Record<string, unknown>;
  entity?: Entity;
  submitLabel: string;
  disabled?: boolean;
  onSubmit(data: Record<string, unknown>): void;
  onChange?(data: Record<string, unknown>): void;
  /** Errors from the server shown next to their fields (a 403's refused fields, say). */
  extraErrors?: ErrorSchema;
  children?: ReactNode;
}

/** A form generated from a JSON Schema (action inputs, entity properties). */
export default function SchemaForm({ schema, formData, submitLabel, disabled, onSubmit, onChange, extraErrors }: SchemaFormProps): ReactElement {
  const fieldWidgets = useSlotWidgets('form.fields');
  const widgets = useMemo<RegistryWidgetsType>(() => {
    const registry: RegistryWidgetsType = { entityPicker: EntityPickerWidget };
    for (const widget of fieldWidgets) registry[widget.id] = pluginWidget(widget);
    return registry;
  }, [fieldWidgets]);
  const uiSchema = useMemo(() => ({ ...uiSchemaFor(schema, new Set(fieldWidgets.map((widget) => widget.id))), 'ui:submitButtonOptions': { submitText: submitLabel, props: { disabled } } }), [schema, fieldWidgets, submitLabel, disabled]);
  return (
    <Form
      schema={schema as RJSFSchema}
      uiSchema={uiSchema}
      formData={formData}
      validator={validator}
      widgets={widgets}
      extraErrors={extraErrors}
      showErrorList="bottom"
      noHtml5Validate
      noValidate={!CAN_COMPILE}
      onChange={(event) => onChange?.(event.formData as Record<string, unknown>)}
      onSubmit={(event) => onSubmit((event.formData ?? {}) as Record<string, unknown>)}
    />
  );
}
